"""Choosing what to return: the shopper's delivered orders, line by line.

Eligible items can be ticked (several at once; an item bought more than once
gets a quantity); the others say why not and until when. When the shopper
has named an order, only its items are shown, with the other orders folded
behind a button that lists them all.
"""

from __future__ import annotations

from collections import defaultdict

from returndesk.domain import LineEligibility, OrderLine, Outcome, format_money
from returndesk.domain.dates import format_day, local_date
from returndesk.flow.actions import QUANTITY_PREFIX
from returndesk.usecases.returns.answers import ReturnAnswers
from returndesk.usecases.returns.queries import DeliveredOrder
from returndesk.widgets.components import (
    Node,
    badge,
    button,
    caption,
    card,
    checkbox,
    col,
    divider,
    form,
    row,
    select,
    text,
    title,
)
from returndesk.widgets.inputs import WidgetInput, describe_options

USABLE = {Outcome.ELIGIBLE, Outcome.NEEDS_HYGIENE_ANSWER}


def item_picker(given: WidgetInput, delivered: tuple[DeliveredOrder, ...]) -> Node:
    if not delivered:
        return card(
            [
                title("Nothing to return yet"),
                text("None of your orders has been delivered, so there's nothing to return."),
                button("Back to the menu", on_click=given.act("start_over")),
            ],
            key="items",
        )
    named = [
        entry
        for entry in delivered
        if entry.order.id == given.state.answers(ReturnAnswers).order_id
    ]
    shown = named or delivered
    children = [title("Which items would you like to return?")]
    children += [node for entry in shown for node in _order_form(given, entry)]
    others = len(delivered) - len(shown)
    if others:
        children += [
            divider(),
            row(
                [
                    caption(f"{others} other {'order' if others == 1 else 'orders'} delivered"),
                    button("Show my other orders", on_click=given.act("start_return")),
                ]
            ),
        ]
    return card(children, key="items")


def _order_form(given: WidgetInput, entry: DeliveredOrder) -> list[Node]:
    order = entry.order
    assert order.delivered_at is not None
    delivered_on = format_day(local_date(order.delivered_at, given.facts.policy.zone))
    groups: dict[str, list[tuple[OrderLine, LineEligibility]]] = defaultdict(list)
    for line, verdict in zip(order.lines, entry.lines, strict=True):
        groups[line.item_id].append((line, verdict))
    rows: list[Node] = []
    selectable = 0
    for units in groups.values():
        usable = [line for line, verdict in units if verdict.outcome in USABLE]
        selectable += bool(usable)
        rows.append(_item_row(units, len(usable)))
    children: list[Node] = [
        divider(),
        row([text(f"Order {order.id}", weight="semibold"), caption(f"delivered {delivered_on}")]),
        *rows,
    ]
    if selectable:
        children.append(
            button(
                f"Return selected items from {order.id}",
                submit=True,
                style="primary",
            )
        )
    return [form(children, on_submit=given.act("select_items", order_id=order.id))]


def _item_row(units: list[tuple[OrderLine, LineEligibility]], usable: int) -> Node:
    line, verdict = units[0]
    field = f"{QUANTITY_PREFIX}{line.item_id}"
    details = f"{describe_options(line.options)} · {format_money(line.price)}"
    if len(units) > 1:
        details += f" · {len(units)} bought"
    described = col([text(line.name, weight="medium"), caption(details)], gap=1, flex=1)
    if usable == 0:
        refusal = next(v for _, v in units if v.outcome not in USABLE)
        return row(
            [
                described,
                col([badge("Not returnable", color="secondary"), caption(refusal.message)], gap=1),
            ],
            align="start",
        )
    if usable == 1:
        chooser = checkbox(field, label_text=f"Return {line.name}")
    else:
        chooser = select(
            field,
            [{"value": str(n), "label": f"Return {n}"} for n in range(usable + 1)],
            default="0",
        )
    extra = []
    if verdict.deadline is not None:
        extra.append(caption(f"Returnable until {format_day(verdict.deadline)}"))
    return row([col([described, *extra], gap=1, flex=1), chooser], align="center")
