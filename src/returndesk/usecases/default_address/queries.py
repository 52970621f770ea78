"""What the default address widgets show, read into view-models."""

from __future__ import annotations

from returndesk.domain import Order, OrderStatus
from returndesk.operations.context import Operations
from returndesk.store.db import reading
from returndesk.store.repositories.orders import customer_orders
from returndesk.usecases.default_address.answers import DefaultAddressAnswers
from returndesk.widgets.inputs import WidgetInput


async def pending_orders(session_ops: Operations, customer_id: str) -> list[Order]:
    async with reading(session_ops.sessions) as session:
        orders = await customer_orders(session, customer_id)
    return [order for order in orders if order.status is OrderStatus.PENDING]


async def asked_orders(given: WidgetInput, ops: Operations) -> list[Order]:
    """The pending orders the shopper was asked about, as they are stored now."""
    assert given.state.customer_id is not None
    asked = set(given.state.answers(DefaultAddressAnswers).pending_order_ids)
    return [o for o in await pending_orders(ops, given.state.customer_id) if o.id in asked]
