"""Where things stand: pick an order or a return, then its status card; and the hand-off."""

from __future__ import annotations

from returndesk.domain import Order, format_money
from returndesk.domain.dates import format_day, local_date
from returndesk.operations.queries import order_status, return_status
from returndesk.store.db import reading
from returndesk.store.repositories.orders import customer_orders
from returndesk.store.repositories.returns import list_returns
from returndesk.usecases.status.answers import StatusAnswers
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
    "processed": "info",
    "delivered": "success",
    "cancelled": "secondary",
}


async def status_picker(given: WidgetInput) -> Node:
    assert given.state.customer_id is not None
    async with reading(given.ops.sessions) as session:
        orders = await customer_orders(session, given.state.customer_id)
        returns = await list_returns(session, customer_id=given.state.customer_id)
    buttons: list[Node] = [
        button(
            f"Return {ret.rma} ({ret.status.label})",
            on_click=given.act("select_status_target", rma=ret.rma),
            block=True,
        )
        for ret in returns
    ]
    buttons += [
        button(
            f"Order {order.id} ({order.status.value})",
            on_click=given.act("select_status_target", order_id=order.id),
            block=True,
        )
        for order in orders
    ]
    if not buttons:
        buttons.append(text("You have no orders or returns yet."))
    return card(
        [title("Which order or return would you like to check?"), col(buttons, gap=2)],
        key="status-pick",
    )


def _order_card(order: Order, given: WidgetInput) -> list[Node]:
    zone = given.ops.policy.zone
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
    ]
    if order.tracking_ids:
        nodes.append(text("Tracking: " + ", ".join(order.tracking_ids)))
    return nodes


async def status_card(given: WidgetInput) -> Node:
    answers = given.state.answers(StatusAnswers)
    assert given.state.customer_id is not None
    if answers.rma is not None:
        report = await return_status(given.ops, answers.rma, customer_id=given.state.customer_id)
        ret = report.ret
        resolution = ret.resolution.value.replace("_", " ").lower()
        nodes: list[Node] = [
            row([title(f"Return {ret.rma}"), badge(ret.status.label.capitalize(), color="info")]),
            caption(f"order {ret.order_id} · {len(ret.lines)} item(s) · {resolution}"),
            text(report.next_step),
        ]
        if report.refund_timing:
            nodes.append(caption(report.refund_timing))
    else:
        assert answers.order_id is not None
        order = await order_status(given.ops, answers.order_id, customer_id=given.state.customer_id)
        nodes = _order_card(order, given)
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
