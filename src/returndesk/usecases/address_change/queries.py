"""What the address change widgets show, read into view-models."""

from __future__ import annotations

from returndesk.domain import Order
from returndesk.operations.context import Operations
from returndesk.operations.queries import pending_orders
from returndesk.usecases.address_change.answers import ChangeAddressAnswers
from returndesk.widgets.inputs import WidgetInput


async def changeable_orders(given: WidgetInput, ops: Operations) -> list[Order]:
    """The shopper's pending orders: only those can go to another address."""
    assert given.state.customer_id is not None
    return await pending_orders(ops, given.state.customer_id)


async def chosen_order(given: WidgetInput, ops: Operations) -> Order:
    """The order whose address changes, as it is stored now."""
    order_id = given.state.answers(ChangeAddressAnswers).order_id
    assert order_id is not None
    assert given.state.customer_id is not None
    async with ops.storage.reading() as repositories:
        return await repositories.orders.customer_order(given.state.customer_id, order_id)
