"""Creating and cancelling returns against the demo store, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.domain import (
    NEW_GIFT_CARD,
    Outcome,
    ReasonCode,
    Resolution,
    ReturnItem,
    ReturnStatus,
    Tier,
    TransactionKind,
    is_valid_rma,
    is_valid_ups_tracking_number,
)
from returndesk.domain.shipping import PrepaidLabel
from returndesk.errors import InvalidTransition, NotEligible, NotFound
from returndesk.operations.context import Operations
from returndesk.operations.returns import cancel_return, create_return
from tests.support.demo import draft, find_line, ordinary


async def return_count(ops: Operations) -> int:
    async with ops.storage.reading() as repositories:
        return len(await repositories.returns.newest_first())


async def test_a_refund_by_prepaid_label_gets_a_label_and_the_price_less_fees(
    ops: Operations,
) -> None:
    pick = await find_line(ops, lambda p: ordinary(p) and p.customer.tier is Tier.STANDARD)

    ret = await create_return(ops, draft(pick, "k1"))

    assert is_valid_rma(ret.rma)
    assert ret.status is ReturnStatus.AWAITING_SHIPMENT
    assert [event.to_status for event in ret.events] == [
        ReturnStatus.REQUESTED,
        ReturnStatus.APPROVED,
        ReturnStatus.AWAITING_SHIPMENT,
    ]
    # A standard customer pays $5.95 return shipping on a change of mind.
    assert ret.refund_amount == pick.line.price - Decimal("5.95")
    assert ret.refund_payment_method_id == pick.order.original_payment_method_id
    assert isinstance(ret.shipment, PrepaidLabel)
    assert is_valid_ups_tracking_number(ret.shipment.tracking_number)
    assert [(line.line_no, line.reason) for line in ret.lines] == [
        (pick.line.line_no, ReasonCode.UNWANTED)
    ]


async def test_the_same_idempotency_key_gives_back_the_same_return(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)

    first = await create_return(ops, draft(pick, "same-key"))
    second = await create_return(ops, draft(pick, "same-key"))

    assert second.rma == first.rma
    assert await return_count(ops) == 1


async def test_an_item_already_in_a_return_is_refused_a_second_one(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    await create_return(ops, draft(pick, "first"))

    with pytest.raises(NotEligible, match="already part of a return"):
        await create_return(ops, draft(pick, "second"))
    assert await return_count(ops) == 1


async def test_another_customers_order_is_not_found_and_nothing_is_written(
    ops: Operations,
) -> None:
    pick = await find_line(ops, ordinary)
    other = await find_line(ops, lambda p: p.customer.id != pick.customer.id)

    with pytest.raises(NotFound):
        await create_return(ops, draft(pick, "k", customer_id=other.customer.id))
    assert await return_count(ops) == 0


async def test_an_ineligible_line_is_refused_with_its_reason(ops: Operations) -> None:
    pick = await find_line(ops, lambda p: p.eligibility.outcome is Outcome.WINDOW_EXPIRED)

    with pytest.raises(NotEligible, match="return window for this item closed"):
        await create_return(ops, draft(pick, "late"))
    assert await return_count(ops) == 0


async def test_store_credit_to_a_new_gift_card_adds_the_capped_bonus(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)

    ret = await create_return(
        ops,
        draft(
            pick,
            "credit",
            resolution=Resolution.STORE_CREDIT,
            store_credit_destination=NEW_GIFT_CARD,
        ),
    )

    bonus = min((pick.line.price * Decimal("0.10")).quantize(Decimal("0.01")), Decimal(50))
    assert ret.refund_amount == pick.line.price + bonus
    assert ret.fees == 0
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(pick.customer.id)
    card = customer.payment_method(ret.refund_payment_method_id or "")
    assert card.is_gift_card
    # The credit arrives when the return is refunded, not before.
    assert card.balance == 0


async def test_a_merchant_fault_item_under_40_dollars_is_refunded_without_shipping(
    ops: Operations,
) -> None:
    pick = await find_line(
        ops,
        lambda p: (
            p.eligibility.outcome is Outcome.ELIGIBLE
            and p.line.price <= Decimal(40)
            and p.product.category != "furniture"
        ),
    )

    ret = await create_return(
        ops,
        draft(
            pick,
            "keep-it",
            items=(ReturnItem(pick.line.line_no, ReasonCode.DAMAGED),),
            method=None,
        ),
    )

    assert ret.keep_item
    assert ret.status is ReturnStatus.REFUNDED
    assert ret.refund_amount == pick.line.price
    async with ops.storage.reading() as repositories:
        order = await repositories.orders.get(pick.order.id)
    refunds = [p for p in order.payments if p.kind is TransactionKind.REFUND]
    assert refunds[-1].amount == pick.line.price
    assert refunds[-1].payment_method_id == pick.order.original_payment_method_id


async def test_an_item_of_1000_dollars_or_more_waits_for_review(ops: Operations) -> None:
    pick = await find_line(
        ops,
        lambda p: (
            p.eligibility.outcome is Outcome.ELIGIBLE
            and p.line.price >= Decimal(1000)
            and p.product.category != "furniture"
        ),
    )

    ret = await create_return(ops, draft(pick, "pricey"))

    assert ret.status is ReturnStatus.NEEDS_REVIEW
    assert ret.shipment is None


async def test_cancelling_a_return_releases_its_items(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    ret = await create_return(ops, draft(pick, "to-cancel"))

    cancelled = await cancel_return(ops, ret.rma, customer_id=pick.customer.id)

    assert cancelled.status is ReturnStatus.CANCELLED
    again = await create_return(ops, draft(pick, "again"))
    assert again.rma != ret.rma


async def test_a_return_cannot_be_cancelled_by_another_customer(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    ret = await create_return(ops, draft(pick, "mine"))
    other = await find_line(ops, lambda p: p.customer.id != pick.customer.id)

    with pytest.raises(NotFound):
        await cancel_return(ops, ret.rma, customer_id=other.customer.id)


async def test_a_shipped_return_can_no_longer_be_cancelled(ops: Operations) -> None:
    from returndesk.operations.staff import advance_return

    pick = await find_line(ops, ordinary)
    ret = await create_return(ops, draft(pick, "shipped"))
    await advance_return(ops, ret.rma, ReturnStatus.IN_TRANSIT)

    with pytest.raises(InvalidTransition):
        await cancel_return(ops, ret.rma, customer_id=pick.customer.id)
