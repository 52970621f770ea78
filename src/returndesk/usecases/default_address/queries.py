"""What the default address widgets show, read into view-models."""

from __future__ import annotations

from returndesk.domain import Order
from returndesk.operations.context import Operations
from returndesk.operations.queries import pending_orders
from returndesk.usecases.default_address.answers import DefaultAddressAnswers
from returndesk.widgets.inputs import WidgetInput


async def asked_orders(given: WidgetInput, ops: Operations) -> list[Order]:
    """The pending orders the shopper was asked about, as they are stored now."""
    assert given.state.customer_id is not None
    asked = set(given.state.answers(DefaultAddressAnswers).pending_order_ids)
    return [o for o in await pending_orders(ops, given.state.customer_id) if o.id in asked]
