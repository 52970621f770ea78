"""Cancelling a pending order or a return: pick one, give the reason, confirm, done."""

from __future__ import annotations

from returndesk.domain import Order, format_money, plan_order_cancellation, refund_timing
from returndesk.usecases.cancellations.answers import CancelOrderAnswers
from returndesk.usecases.cancellations.queries import ReturnBrief
from returndesk.widgets.components import (
    Node,
    badge,
    button,
    caption,
    card,
    col,
    row,
    text,
    title,
)
from returndesk.widgets.inputs import WidgetInput
from returndesk.widgets.orders import OrderChoice, order_caption
from returndesk.widgets.orders import order_picker as shared_order_picker

ORDER_CHOICE = OrderChoice(
    question="Which order would you like to cancel?",
    verb="Cancel",
    event="select_order",
    none_title="No order can be cancelled",
    none_text="Only orders that haven't shipped yet can be cancelled, and you have none.",
)


def order_picker(given: WidgetInput, pending: list[Order]) -> Node:
    return shared_order_picker(given, pending, ORDER_CHOICE)


def cancel_reason_picker(given: WidgetInput) -> Node:
    reasons = given.facts.policy.order_cancellation.reasons
    buttons = [
        button(
            reason.capitalize(), on_click=given.act("give_cancel_reason", reason=reason), block=True
        )
        for reason in reasons
    ]
    order_id = given.state.answers(CancelOrderAnswers).order_id
    heading = f"Why are you cancelling order {order_id}?" if order_id else "Why are you cancelling?"
    return card([title(heading), col(buttons, gap=2)], key="cancel-reason")


def _refund_rows(given: WidgetInput, order: Order) -> list[Node]:
    facts = given.facts
    assert facts.customer is not None
    rows: list[Node] = []
    for payment in order.net_paid_by_method().items():
        method = facts.customer.payment_method(payment[0])
        timing = refund_timing(method, waits_for_items=False, policy=facts.policy)
        rows.append(
            col(
                [
                    row(
                        [
                            text(f"Refund to {method.describe()}"),
                            text(format_money(payment[1]), weight="semibold"),
                        ],
                        justify="between",
                    ),
                    caption(timing),
                ],
                gap=1,
            )
        )
    return rows


def cancel_order_summary(given: WidgetInput, order: Order) -> Node:
    rows = _refund_rows(given, order)
    facts = given.facts
    assert facts.customer is not None
    reason = given.state.answers(CancelOrderAnswers).reason or ""
    plan_order_cancellation(order, customer=facts.customer, reason=reason, policy=facts.policy)
    return card(
        [
            title(f"Cancel order {order.id}?"),
            caption(order_caption(order, given)),
            text(f"Reason: {reason}"),
            *rows,
            row(
                [
                    button(
                        "Cancel the order",
                        on_click=given.act("confirm"),
                        style="primary",
                        color="danger",
                    ),
                    button("Keep my order", on_click=given.act("start_over")),
                ]
            ),
        ],
        key="cancel-summary",
    )


def cancel_order_confirmation(given: WidgetInput, order: Order) -> Node:
    return card(
        [
            row([title(f"Order {order.id}"), badge("Cancelled", color="danger")]),
            *_refund_rows(given, order),
            button("Something else", on_click=given.act("start_over")),
        ],
        key="cancel-done",
        status={"text": "Order cancelled", "icon": "check-circle"},
    )


def _return_caption(ret: ReturnBrief) -> str:
    noun = "item" if ret.items == 1 else "items"
    return f"order {ret.order_id} · {ret.items} {noun} · {ret.status.label}"


def return_picker(given: WidgetInput, open_returns: list[ReturnBrief]) -> Node:
    if not open_returns:
        return card(
            [
                title("No return can be cancelled"),
                text(
                    "Returns can be cancelled until the items are on their way, and you have none."
                ),
                button("Back to the menu", on_click=given.act("start_over")),
            ],
            key="returns",
        )
    rows = [
        row(
            [
                col(
                    [text(f"Return {ret.rma}", weight="medium"), caption(_return_caption(ret))],
                    flex=1,
                ),
                button(f"Cancel {ret.rma}", on_click=given.act("select_return", rma=ret.rma)),
            ]
        )
        for ret in open_returns
    ]
    return card([title("Which return would you like to cancel?"), col(rows, gap=3)], key="returns")


def cancel_return_summary(given: WidgetInput, ret: ReturnBrief) -> Node:
    return card(
        [
            title(f"Cancel return {ret.rma}?"),
            caption(_return_caption(ret)),
            text("The items stay with you and nothing will be refunded for them."),
            row(
                [
                    button(
                        "Cancel the return",
                        on_click=given.act("confirm"),
                        style="primary",
                        color="danger",
                    ),
                    button("Keep the return", on_click=given.act("start_over")),
                ]
            ),
        ],
        key="cancel-return-summary",
    )


def cancel_return_confirmation(given: WidgetInput, ret: ReturnBrief) -> Node:
    return card(
        [
            row([title(f"Return {ret.rma}"), badge("Cancelled", color="secondary")]),
            text("Your return is cancelled; keep the items."),
            button("Something else", on_click=given.act("start_over")),
        ],
        key="cancel-return-done",
        status={"text": "Return cancelled", "icon": "check-circle"},
    )
