"""Moving a payment: pick the order, pick the method, confirm, done."""

from __future__ import annotations

from returndesk.domain import Order, format_money
from returndesk.usecases.payment_change.queries import PaymentView
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
from returndesk.widgets.orders import OrderChoice, order_caption, order_picker

_CHOOSE = "choose_order_payment_method"
ORDER_CHOICE = OrderChoice(
    question="Which order should be paid another way?",
    verb="Change",
    event="select_payment_order",
    none_title="No order can change its payment",
    none_text="Only orders that haven't shipped yet can be paid another way, and you have none.",
)


def payment_order_picker(given: WidgetInput, pending: list[Order]) -> Node:
    return order_picker(given, pending, ORDER_CHOICE)


def new_payment_method_picker(given: WidgetInput, view: PaymentView) -> Node:
    total = format_money(view.amount)
    children: list[Node] = [
        title(f"How should order {view.order.id} be paid?"),
        caption(f"{total}, paid now with {view.paid_with.describe()}."),
    ]
    if view.options:
        children.append(
            col(
                [
                    button(
                        f"Pay with {method.describe()}",
                        on_click=given.act(
                            "choose_order_payment_method", payment_method_id=method.id
                        ),
                        block=True,
                    )
                    for method in view.options
                ],
                gap=2,
            )
        )
    else:
        children.append(text("You have no other payment method that can pay this order."))
    children += [
        caption(f"{method.describe()} doesn't cover {total}.") for method in view.too_small
    ]
    children.append(button("Back to the menu", on_click=given.act("start_over")))
    return card(children, key="payment-choice")


def _moved_rows(view: PaymentView, new: str, old: str) -> list[Node]:
    amount = format_money(view.amount)
    return [
        row([text(f"Paid with {new}"), text(amount, weight="semibold")], justify="between"),
        col(
            [
                row([text(f"Back to {old}"), text(amount, weight="semibold")], justify="between"),
                caption(view.refund_timing),
            ],
            gap=1,
        ),
    ]


def payment_change_summary(given: WidgetInput, view: PaymentView) -> Node:
    assert view.chosen is not None
    return card(
        [
            title(f"Pay order {view.order.id} with {view.chosen.describe()}?"),
            caption(order_caption(view.order, given)),
            *_moved_rows(view, view.chosen.describe(), view.paid_with.describe()),
            row(
                [
                    button("Change the payment", on_click=given.act("confirm"), style="primary"),
                    button("Keep the current payment", on_click=given.act("start_over")),
                ]
            ),
        ],
        key="payment-summary",
    )


def payment_change_done(given: WidgetInput, view: PaymentView) -> Node:
    new = view.chosen.describe() if view.chosen is not None else "the new method"
    return card(
        [
            row([title(f"Order {view.order.id}"), badge("Payment changed", color="success")]),
            *_moved_rows(view, new, view.paid_with.describe()),
            button("Something else", on_click=given.act("start_over")),
        ],
        key="payment-done",
        status={"text": "Payment changed", "icon": "check-circle"},
    )
