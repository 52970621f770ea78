"""The store's team moves returns along; the lifecycle refuses what it forbids."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from returndesk.domain import (
    Outcome,
    ReasonCode,
    Resolution,
    ReturnItem,
    ReturnMethod,
    ReturnStatus,
    TransactionKind,
)
from returndesk.errors import InvalidTransition, NotEligible
from returndesk.operations.context import Operations
from returndesk.operations.queries import expire_overdue, return_status
from returndesk.operations.returns import ReturnDraft, create_return
from returndesk.operations.staff import advance_return, reject_return
from tests.support.demo import Pick, draft, find_line, ordinary


async def test_a_return_moved_to_refunded_pays_the_refund_once(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    ret = await create_return(ops, draft(pick, "lifecycle"))

    for status in (ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED, ReturnStatus.REFUNDED):
        ret = await advance_return(ops, ret.rma, status)

    async with ops.storage.reading() as repositories:
        order = await repositories.orders.get(pick.order.id)
    refunds = [p for p in order.payments if p.kind is TransactionKind.REFUND]
    assert [r.amount for r in refunds][-1:] == [ret.refund_amount]
    assert [e.to_status for e in ret.events][-3:] == [
        ReturnStatus.IN_TRANSIT,
        ReturnStatus.RECEIVED,
        ReturnStatus.REFUNDED,
    ]
    report = await return_status(ops, ret.rma, customer_id=pick.customer.id)
    assert report.next_step == "Your money has been sent back."


async def test_a_forbidden_move_is_refused_and_changes_nothing(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    ret = await create_return(ops, draft(pick, "forbidden"))

    with pytest.raises(InvalidTransition, match="awaiting shipment cannot become refunded"):
        await advance_return(ops, ret.rma, ReturnStatus.REFUNDED)

    report = await return_status(ops, ret.rma)
    assert report.ret.status is ReturnStatus.AWAITING_SHIPMENT
    assert len(report.ret.events) == len(ret.events)


async def test_store_credit_reaches_the_gift_card_when_refunded(ops: Operations) -> None:
    pick = await find_line(ops, lambda p: ordinary(p) and bool(p.customer.gift_cards))
    card = pick.customer.gift_cards[0]
    assert card.balance is not None
    ret = await create_return(
        ops,
        draft(pick, "credit", resolution=Resolution.STORE_CREDIT, store_credit_destination=card.id),
    )

    for status in (ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED, ReturnStatus.REFUNDED):
        await advance_return(ops, ret.rma, status)

    async with ops.storage.reading() as repositories:
        balance = (
            (await repositories.customers.get(pick.customer.id)).payment_method(card.id).balance
        )
    assert balance == card.balance + ret.refund_amount


def expensive(pick: Pick) -> bool:
    return (
        pick.eligibility.outcome is Outcome.ELIGIBLE
        and pick.line.price >= Decimal(1000)
        and pick.product.category != "furniture"
    )


async def test_a_reviewed_return_can_be_rejected_with_a_reason(ops: Operations) -> None:
    pick = await find_line(ops, expensive)
    ret = await create_return(ops, draft(pick, "review"))

    rejected = await reject_return(ops, ret.rma, reason="Item shows heavy use")

    assert rejected.status is ReturnStatus.REJECTED
    assert rejected.events[-1].note == "Item shows heavy use"
    # Only a cancelled return frees its items; a refused item can't simply be asked for again.
    with pytest.raises(NotEligible, match="already part of a return"):
        await create_return(ops, draft(pick, "after-reject"))


async def test_approving_a_reviewed_return_issues_its_shipping_documents(ops: Operations) -> None:
    pick = await find_line(ops, expensive)
    ret = await create_return(ops, draft(pick, "approve"))

    approved = await advance_return(ops, ret.rma, ReturnStatus.APPROVED)

    assert approved.status is ReturnStatus.AWAITING_SHIPMENT
    assert approved.shipment is not None


async def test_a_return_not_sent_within_28_days_of_approval_expires(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    ret = await create_return(ops, draft(pick, "slow"))
    created = ops.clock()

    on_time = Operations(ops.storage, ops.policy, clock=lambda: created + timedelta(days=27))
    assert await expire_overdue(on_time) == []
    late = Operations(ops.storage, ops.policy, clock=lambda: created + timedelta(days=28))
    assert await expire_overdue(late) == [ret.rma]

    report = await return_status(late, ret.rma)
    assert report.ret.status is ReturnStatus.EXPIRED
    assert "expired" in report.next_step


async def test_a_store_drop_off_may_be_received_without_transit(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    ret = await create_return(
        ops,
        ReturnDraft(
            customer_id=pick.customer.id,
            order_id=pick.order.id,
            items=(ReturnItem(pick.line.line_no, ReasonCode.COLOR),),
            resolution=Resolution.REFUND,
            method=ReturnMethod.STORE_DROP_OFF,
            idempotency_key="drop-off",
        ),
    )

    received = await advance_return(ops, ret.rma, ReturnStatus.RECEIVED)

    assert received.status is ReturnStatus.RECEIVED
