"""Cancelling a pending order."""

from __future__ import annotations

from returndesk.domain import CancellationPlan, TransactionKind, plan_order_cancellation
from returndesk.domain.orders import OrderStatus
from returndesk.operations.context import Operations
from returndesk.operations.money_moves import record_transaction
from returndesk.store.db import transaction
from returndesk.store.repositories.customers import get_customer
from returndesk.store.repositories.orders import get_order_row, order_from_row
from returndesk.telemetry import ORDERS_CANCELLED


async def cancel_order(
    ops: Operations, order_id: str, *, customer_id: str, reason: str
) -> CancellationPlan:
    """Cancel the order and refund what was paid; gift cards get their balance back at once.

    A second request for an order already cancelled is refused, so nothing is refunded twice.
    """
    now = ops.clock()
    async with transaction(ops.sessions) as session:
        row = await get_order_row(session, order_id, for_update=True)
        customer = await get_customer(session, customer_id)
        plan = plan_order_cancellation(
            order_from_row(row), customer=customer, reason=reason, policy=ops.policy
        )
        row.status = OrderStatus.CANCELLED.value
        row.cancelled_at = now
        row.cancel_reason = plan.reason
        for refund in plan.refunds:
            await record_transaction(
                session,
                order_id=row.id,
                kind=TransactionKind.REFUND,
                amount=refund.amount,
                payment_method_id=refund.payment_method_id,
                at=now,
            )
    ORDERS_CANCELLED.inc()
    return plan
