"""Cancelling a pending order refunds what was paid; gift cards get their balance back at once."""

from __future__ import annotations

import pytest

from returndesk.domain import OrderStatus, PaymentSource, TransactionKind
from returndesk.errors import InvalidRequest, NotEligible
from returndesk.operations.context import Operations
from returndesk.operations.orders import cancel_order
from tests.support.demo import find_order


async def test_a_pending_order_paid_by_gift_card_is_refunded_to_the_card_at_once(
    ops: Operations,
) -> None:
    order = await find_order(
        ops,
        lambda o, c: (
            o.status is OrderStatus.PENDING
            and any(
                c.payment_method(p.payment_method_id).source is PaymentSource.GIFT_CARD
                for p in o.payments
            )
        ),
    )
    card_id = order.original_payment_method_id
    assert card_id is not None
    async with ops.storage.reading() as repositories:
        before = (
            (await repositories.customers.get(order.customer_id)).payment_method(card_id).balance
        )
    assert before is not None

    plan = await cancel_order(
        ops, order.id, customer_id=order.customer_id, reason="Ordered by mistake"
    )

    assert plan.reason == "ordered by mistake"
    assert plan.refunds[0].timing == "The money is on your gift card at once."
    async with ops.storage.reading() as repositories:
        after = (
            (await repositories.customers.get(order.customer_id)).payment_method(card_id).balance
        )
        cancelled = await repositories.orders.get(order.id)
    assert after == before + plan.total
    assert cancelled.status is OrderStatus.CANCELLED
    refunds = [p for p in cancelled.payments if p.kind is TransactionKind.REFUND]
    assert sum(r.amount for r in refunds) == plan.total == order.net_paid_by_method()[card_id]


async def test_an_order_can_be_cancelled_only_once(ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)
    await cancel_order(ops, order.id, customer_id=order.customer_id, reason="no longer needed")

    with pytest.raises(NotEligible, match="already cancelled"):
        await cancel_order(ops, order.id, customer_id=order.customer_id, reason="no longer needed")


async def test_a_shipped_order_cannot_be_cancelled(ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PROCESSED)

    with pytest.raises(NotEligible, match="already shipped"):
        await cancel_order(ops, order.id, customer_id=order.customer_id, reason="no longer needed")
    async with ops.storage.reading() as repositories:
        assert (await repositories.orders.get(order.id)).status is OrderStatus.PROCESSED


async def test_only_the_policys_reasons_are_accepted(ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)

    with pytest.raises(InvalidRequest, match="no longer needed"):
        await cancel_order(ops, order.id, customer_id=order.customer_id, reason="too slow")
