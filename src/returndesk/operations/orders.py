"""Cancelling a pending order."""

from __future__ import annotations

from returndesk.domain import CancellationPlan, TransactionKind, plan_order_cancellation
from returndesk.operations.contention import retried_on_contention
from returndesk.operations.context import Operations
from returndesk.operations.money_moves import record_transaction
from returndesk.telemetry import ORDERS_CANCELLED


@retried_on_contention
async def cancel_order(
    ops: Operations, order_id: str, *, customer_id: str, reason: str
) -> CancellationPlan:
    """Cancel the order and refund what was paid; gift cards get their balance back at once.

    A second request for an order already cancelled is refused, so nothing is refunded twice.
    """
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        order = await repositories.orders.get(order_id, for_update=True)
        customer = await repositories.customers.get(customer_id)
        plan = plan_order_cancellation(order, customer=customer, reason=reason, policy=ops.policy)
        await repositories.orders.mark_cancelled(order.id, at=now, reason=plan.reason)
        for refund in plan.refunds:
            await record_transaction(
                repositories,
                order_id=order.id,
                kind=TransactionKind.REFUND,
                amount=refund.amount,
                payment_method_id=refund.payment_method_id,
                at=now,
            )
    ORDERS_CANCELLED.inc()
    return plan
