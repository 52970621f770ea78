"""A new default address: the form, whether pending orders follow, confirm, done."""

from __future__ import annotations

from returndesk.domain import Order, address_from_dict
from returndesk.usecases.default_address.answers import DefaultAddressAnswers
from returndesk.widgets.addresses import address_form
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


def default_address_form(given: WidgetInput) -> Node:
    customer = given.facts.customer
    return address_form(
        given,
        customer.address if customer is not None else None,
        heading="What is your new address?",
        note="Future orders ship here. This is the address on your account now.",
        event="give_default_address",
        key="default-address",
    )


def _new_address(given: WidgetInput) -> str:
    address = given.state.answers(DefaultAddressAnswers).address
    assert address is not None
    return address_from_dict(address).one_line()


def _order_rows(orders: list[Order]) -> list[Node]:
    return [
        col(
            [
                text(f"Order {order.id}", weight="medium"),
                caption("ships to " + order.address.one_line() if order.address else "no address"),
            ],
            gap=1,
        )
        for order in orders
    ]


def orders_follow_picker(given: WidgetInput, orders: list[Order]) -> Node:
    noun = "order" if len(orders) == 1 else "orders"
    return card(
        [
            title(f"Should your pending {noun} go there too?"),
            caption(f"New address: {_new_address(given)}"),
            *_order_rows(orders),
            row(
                [
                    button(
                        f"Yes, send the {noun} there",
                        on_click=given.act("choose_orders_following", follow=True),
                        style="primary",
                    ),
                    button(
                        "No, only future orders",
                        on_click=given.act("choose_orders_following", follow=False),
                    ),
                ]
            ),
        ],
        key="orders-follow",
    )


def _following(given: WidgetInput, orders: list[Order]) -> list[Node]:
    if not given.state.answers(DefaultAddressAnswers).orders_follow or not orders:
        return [caption("Orders already placed keep their shipping address.")]
    ids = ", ".join(order.id for order in orders)
    return [text(f"Pending orders going there too: {ids}")]


def default_address_summary(given: WidgetInput, orders: list[Order]) -> Node:
    customer = given.facts.customer
    old = customer.address.one_line() if customer and customer.address else "none"
    return card(
        [
            title("Update your address?"),
            col([caption("New address"), text(_new_address(given), weight="semibold")], gap=1),
            col([caption("Instead of"), text(old)], gap=1),
            *_following(given, orders),
            row(
                [
                    button("Update my address", on_click=given.act("confirm"), style="primary"),
                    button("Keep my address", on_click=given.act("start_over")),
                ]
            ),
        ],
        key="default-address-summary",
    )


def default_address_done(given: WidgetInput, orders: list[Order]) -> Node:
    return card(
        [
            row([title("Your address"), badge("Updated", color="success")]),
            text(f"Future orders ship to {_new_address(given)}."),
            *_following(given, orders),
            button("Something else", on_click=given.act("start_over")),
        ],
        key="default-address-done",
        status={"text": "Address updated", "icon": "check-circle"},
    )
