"""The shopper's own order, as a handler reads it: another customer's order, or one
that does not exist, is "not on your account", and nothing else is said about it."""

from __future__ import annotations

from returndesk.domain import CancellationCheck, Order, OrderChangeCheck
from returndesk.errors import NotFound
from returndesk.flow.turn import EventRejected, Turn
from returndesk.store.port.orders import normalize_order_id


async def shoppers_order(turn: Turn, order_id: str) -> Order:
    customer = turn.facts.customer
    assert customer is not None
    try:
        async with turn.ops.storage.reading() as repositories:
            return await repositories.orders.customer_order(customer.id, order_id)
    except NotFound as exc:
        raise EventRejected(
            f"I can't find order {normalize_order_id(order_id)} on your account."
        ) from exc


def require_allowed(order: Order, check: CancellationCheck | OrderChangeCheck) -> None:
    """Refuse with the check's reason, naming the order."""
    if not check.allowed:
        raise EventRejected(f"Order {order.id}: {check.message}")
