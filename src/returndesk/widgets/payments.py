"""Who settles a price difference: the shopper's methods, those that may not greyed out."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from returndesk.domain import Customer, format_money
from returndesk.widgets.components import Node, button, card, col, title
from returndesk.widgets.inputs import WidgetInput


def difference_picker(
    given: WidgetInput,
    customer: Customer,
    difference: Decimal,
    allowed: Collection[str],
    *,
    event: str,
    what: str,
    key: str,
) -> Node:
    """One button per method: "Pay $4.00 with PayPal" or "Refund $4.00 to …"; a gift card
    whose balance does not cover a charge is shown, disabled. `what` names the new thing
    ("The new item", "The new items")."""
    verb = "Pay" if difference > 0 else "Refund"
    amount = format_money(abs(difference))
    buttons: list[Node] = []
    for method in customer.payment_methods:
        name = method.describe()
        if method.id in allowed:
            action = given.act(event, payment_method_id=method.id)
            buttons.append(button(f"{verb} {amount} with {name}", on_click=action, block=True))
        else:
            buttons.append(button(f"{name}: balance too low", disabled=True, block=True))
    costs = "costs" if what.endswith("item") else "cost"
    heading = (
        f"{what} {costs} {amount} more. How would you like to pay?"
        if difference > 0
        else f"{what} {costs} {amount} less. Where should we send the difference?"
    )
    return card([title(heading), col(buttons, gap=2)], key=key)
