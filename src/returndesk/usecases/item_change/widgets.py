"""Switching items: the order, its lines, each new variant, "is that everything?", who
settles the difference, the summary with its warning, and done."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from returndesk.domain import ItemSwitch, Order, OrderLine, PaymentMethod, format_money
from returndesk.flow.actions import QUANTITY_PREFIX
from returndesk.usecases.item_change.answers import ChangeItemsAnswers
from returndesk.usecases.item_change.queries import ItemChangeView
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
from returndesk.widgets.inputs import WidgetInput, describe_options, line_label
from returndesk.widgets.orders import OrderChoice, order_picker
from returndesk.widgets.payments import difference_picker

ORDER_CHOICE = OrderChoice(
    question="Which order has the items you want to change?",
    verb="Change items in",
    event="select_item_order",
    none_title="No order can change its items",
    none_text="Only orders that haven't shipped yet can change their items, and you have none.",
)
# Variants listed for one line; the closest matches come first.
_VARIANTS_SHOWN = 12


def item_order_picker(given: WidgetInput, pending: list[Order]) -> Node:
    return order_picker(given, pending, ORDER_CHOICE)


def _signed(amount: Decimal) -> str:
    if amount == 0:
        return "same price"
    return f"{'+' if amount > 0 else '-'}{format_money(abs(amount))}"


def item_line_picker(given: WidgetInput, view: ItemChangeView) -> Node:
    groups: dict[str, list[OrderLine]] = defaultdict(list)
    for line in view.order.lines:
        groups[line.item_id].append(line)
    rows: list[Node] = []
    for units in groups.values():
        line = units[0]
        details = f"{describe_options(line.options)} · {format_money(line.price)}"
        if len(units) > 1:
            details += f" · {len(units)} ordered"
        described = col([text(line.name, weight="medium"), caption(details)], gap=1, flex=1)
        field = f"{QUANTITY_PREFIX}{line.item_id}"
        if not view.offered(line):
            chooser = badge("No other option", color="secondary")
        elif len(units) == 1:
            chooser = checkbox(field, label_text=f"Change {line.name}")
        else:
            chooser = select(
                field,
                [{"value": str(n), "label": f"Change {n}"} for n in range(len(units) + 1)],
                default="0",
            )
        rows.append(row([described, chooser]))
    return card(
        [
            form(
                [
                    title(f"Which items in order {view.order.id} would you like to change?"),
                    caption("Each can become another size, colour or option of the same product."),
                    *rows,
                    button("Choose new options", submit=True, style="primary"),
                ],
                on_submit=given.act("choose_item_lines"),
            )
        ],
        key="item-lines",
    )


def new_variant_picker(given: WidgetInput, view: ItemChangeView) -> Node:
    line = view.open_line
    assert line is not None
    rows: list[Node] = []
    offered = {variant.item_id for variant in view.offered(line)}
    for variant in view.shown(line)[:_VARIANTS_SHOWN]:
        label = describe_options(variant.options)
        price = f"{format_money(variant.price)} · {_signed(variant.price - line.price)}"
        if variant.item_id in offered:
            action = given.act("choose_new_variant", item_id=variant.item_id, line_no=line.line_no)
            chooser = button(f"Choose {label}", on_click=action)
        else:
            chooser = badge("Sold out", color="secondary")
        rows.append(row([col([text(label), caption(price)], flex=1), chooser]))
    return card(
        [
            title(f"What would you like instead of the {line.name}?"),
            caption(f"You ordered: {line_label(line)} at {format_money(line.price)}"),
            col(rows, gap=2),
        ],
        key=f"new-variant-{line.line_no}",
    )


def _switch_rows(switches: tuple[ItemSwitch, ...]) -> list[Node]:
    return [
        col(
            [
                text(switch.line.name, weight="medium"),
                caption(
                    f"{describe_options(switch.line.options)} → "
                    f"{describe_options(switch.variant.options)}"
                ),
                caption(
                    f"{format_money(switch.line.price)} → {format_money(switch.variant.price)}"
                    f" ({_signed(switch.difference)})"
                ),
            ],
            gap=1,
        )
        for switch in switches
    ]


def _difference_row(view: ItemChangeView) -> Node:
    return _settled(view.difference, view.payment_method)


def _settled(difference: Decimal, method: PaymentMethod | None) -> Node:
    if difference > 0:
        words = f"You pay {format_money(difference)}"
    elif difference < 0:
        words = f"You get {format_money(-difference)} back"
    else:
        words = "No price difference"
    if method is not None:
        words += f" · {method.describe()}"
    return text(words, weight="semibold")


def item_choices_review(given: WidgetInput, view: ItemChangeView) -> Node:
    return card(
        [
            title("Is that everything you want to change?"),
            caption(f"Items in order {view.order.id} can be changed only once."),
            *_switch_rows(view.switches),
            _difference_row(view),
            row(
                [
                    button(
                        "Yes, that's everything",
                        on_click=given.act("finish_item_choices"),
                        style="primary",
                    ),
                    button(
                        "Choose other items",
                        on_click=given.act("start_item_change", order_id=view.order.id),
                    ),
                ]
            ),
        ],
        key="item-review",
    )


def difference_method_picker(given: WidgetInput, view: ItemChangeView) -> Node:
    customer = given.facts.customer
    assert customer is not None
    allowed = {method.id for method in view.methods}
    return difference_picker(
        given,
        customer,
        view.difference,
        allowed,
        event="choose_difference_method",
        what="The new items" if len(view.switches) > 1 else "The new item",
        key="item-payment",
    )


def item_change_summary(given: WidgetInput, view: ItemChangeView) -> Node:
    return card(
        [
            title(f"Change the items in order {view.order.id}?"),
            *_switch_rows(view.switches),
            divider(),
            _difference_row(view),
            text(
                "After this change the order can no longer be changed or cancelled.",
                color="danger",
            ),
            row(
                [
                    button("Change the items", on_click=given.act("confirm"), style="primary"),
                    button("Keep my order as it is", on_click=given.act("start_over")),
                ]
            ),
        ],
        key="item-summary",
    )


def item_change_done(given: WidgetInput, view: ItemChangeView) -> Node:
    # Written now: the order's lines hold the new items, and the answers what was settled.
    answers = given.state.answers(ChangeItemsAnswers)
    customer = given.facts.customer
    method = None
    if answers.payment_method_id is not None and customer is not None:
        method = customer.payment_method(answers.payment_method_id)
    changed = [view.order.line(n) for n in answers.line_nos]
    return card(
        [
            row([title(f"Order {view.order.id}"), badge("Items changed", color="success")]),
            *[text(f"{line.name}: {describe_options(line.options)}") for line in changed],
            _settled(Decimal(answers.difference or 0), method),
            caption("The order ships as it is now; it can no longer be changed or cancelled."),
            button("Something else", on_click=given.act("start_over")),
        ],
        key="item-done",
        status={"text": "Items changed", "icon": "check-circle"},
    )
