"""Where things stand: pick an order or a return, then its status card; and the hand-off."""

from __future__ import annotations

from returndesk.domain import Order, format_money
from returndesk.domain.dates import format_day, local_date
from returndesk.usecases.status.queries import ReturnStanding, StatusTargets
from returndesk.widgets.components import (
    BadgeColor,
    Node,
    badge,
    button,
    caption,
    card,
    col,
    divider,
    row,
    text,
    title,
)
from returndesk.widgets.inputs import WidgetInput, line_label

STATUS_COLORS: dict[str, BadgeColor] = {
    "pending": "info",
    "pending (items modified)": "info",
    "processed": "info",
    "delivered": "success",
    "cancelled": "secondary",
}


def status_picker(given: WidgetInput, targets: StatusTargets) -> Node:
    buttons: list[Node] = [
        button(
            f"Return {ret.rma} ({ret.status.label})",
            on_click=given.act("select_status_target", rma=ret.rma),
            block=True,
        )
        for ret in targets.returns
    ]
    buttons += [
        button(
            f"Order {order.id} ({order.status.value})",
            on_click=given.act("select_status_target", order_id=order.id),
            block=True,
        )
        for order in targets.orders
    ]
    if not buttons:
        buttons.append(text("You have no orders or returns yet."))
    return card(
        [title("Which order or return would you like to check?"), col(buttons, gap=2)],
        key="status-pick",
    )


def _order_card(order: Order, given: WidgetInput) -> list[Node]:
    zone = given.facts.policy.zone
    dates = f"placed {format_day(local_date(order.placed_at, zone))}"
    if order.delivered_at is not None:
        dates += f" · delivered {format_day(local_date(order.delivered_at, zone))}"
    color: BadgeColor = STATUS_COLORS.get(order.status.value, "secondary")
    nodes: list[Node] = [
        row([title(f"Order {order.id}"), badge(order.status.value.capitalize(), color=color)]),
        caption(dates),
        *[
            row([text(line_label(line)), text(format_money(line.price))], justify="between")
            for line in order.lines
        ],
        row(
            [text("Total", weight="semibold"), text(format_money(order.items_total))],
            justify="between",
        ),
    ]
    nodes += _payment_rows(order, given)
    if order.address is not None:
        nodes.append(caption(f"Ships to {order.address.one_line()}"))
    names = {line.item_id: line.name for line in order.lines}
    for fulfilment in order.fulfilments:
        shipped = ", ".join(dict.fromkeys(names.get(i, "item") for i in fulfilment.item_ids))
        nodes.append(text(f"Tracking {', '.join(fulfilment.tracking_ids)}: {shipped}"))
    return nodes


def _payment_rows(order: Order, given: WidgetInput) -> list[Node]:
    """What each method paid, net of refunds: "Paid with Visa ending 4242: $120.00"."""
    customer = given.facts.customer
    rows: list[Node] = []
    for method_id, amount in order.net_paid_by_method().items():
        if amount <= 0:
            continue
        named = method_id
        if customer is not None:
            named = next(
                (m.describe() for m in customer.payment_methods if m.id == method_id), method_id
            )
        rows.append(caption(f"Paid with {named}: {format_money(amount)}"))
    return rows


def _return_card(ret: ReturnStanding) -> list[Node]:
    resolution = ret.resolution.value.replace("_", " ").lower()
    nodes: list[Node] = [
        row([title(f"Return {ret.rma}"), badge(ret.status.label.capitalize(), color="info")]),
        caption(f"order {ret.order_id} · {ret.items} item(s) · {resolution}"),
        text(ret.next_step),
    ]
    if ret.refund_timing:
        nodes.append(caption(ret.refund_timing))
    return nodes


def status_card(given: WidgetInput, target: ReturnStanding | Order) -> Node:
    nodes = (
        _return_card(target) if isinstance(target, ReturnStanding) else _order_card(target, given)
    )
    return card(
        [
            *nodes,
            divider(),
            row(
                [
                    button("Check another", on_click=given.act("ask_status")),
                    button("Something else", on_click=given.act("start_over")),
                ]
            ),
        ],
        key="status",
    )
