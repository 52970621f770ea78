"""What the address change widgets show, read into view-models."""

from __future__ import annotations

from returndesk.domain import Order, OrderStatus
from returndesk.operations.context import Operations
from returndesk.store.db import reading
from returndesk.store.repositories.orders import customer_orders, get_customer_order
from returndesk.usecases.address_change.answers import ChangeAddressAnswers
from returndesk.widgets.inputs import WidgetInput


async def changeable_orders(given: WidgetInput, ops: Operations) -> list[Order]:
    """The shopper's pending orders: only those can go to another address."""
    assert given.state.customer_id is not None
    async with reading(ops.sessions) as session:
        orders = await customer_orders(session, given.state.customer_id)
    return [order for order in orders if order.status is OrderStatus.PENDING]


async def chosen_order(given: WidgetInput, ops: Operations) -> Order:
    """The order whose address changes, as it is stored now."""
    order_id = given.state.answers(ChangeAddressAnswers).order_id
    assert order_id is not None
    assert given.state.customer_id is not None
    async with reading(ops.sessions) as session:
        return await get_customer_order(session, given.state.customer_id, order_id)
