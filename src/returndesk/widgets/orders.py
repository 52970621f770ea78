"""Cards several requests share about orders: picking one of the shopper's orders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from returndesk.domain import Order, format_money
from returndesk.domain.dates import format_day, local_date
from returndesk.widgets.components import Node, button, caption, card, col, row, text, title
from returndesk.widgets.inputs import WidgetInput


def order_caption(order: Order, given: WidgetInput) -> str:
    """`placed 3 March 2026 · T-Shirt, Kettle · $110.00`."""
    placed = format_day(local_date(order.placed_at, given.facts.policy.zone))
    names = ", ".join(line.name for line in order.lines)
    return f"placed {placed} · {names} · {format_money(order.items_total)}"


@dataclass(frozen=True, slots=True)
class OrderChoice:
    """The words of one order picker: what it asks, what each button says and sends."""

    question: str
    # The button of each order, e.g. "Cancel" → "Cancel #W2611340".
    verb: str
    event: str
    # What the card says when no order fits.
    none_title: str
    none_text: str
    key: str = "orders"


def order_picker(given: WidgetInput, orders: Sequence[Order], choice: OrderChoice) -> Node:
    if not orders:
        return card(
            [
                title(choice.none_title),
                text(choice.none_text),
                button("Back to the menu", on_click=given.act("start_over")),
            ],
            key=choice.key,
        )
    rows = [
        row(
            [
                col(
                    [
                        text(f"Order {order.id}", weight="medium"),
                        caption(order_caption(order, given)),
                    ],
                    flex=1,
                ),
                button(
                    f"{choice.verb} {order.id}",
                    on_click=given.act(choice.event, order_id=order.id),
                ),
            ]
        )
        for order in orders
    ]
    return card([title(choice.question), col(rows, gap=3)], key=choice.key)
