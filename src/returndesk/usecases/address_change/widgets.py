"""Changing a shipping address: pick the order, give the address, confirm, done."""

from __future__ import annotations

from returndesk.domain import Order, address_from_dict
from returndesk.usecases.address_change.answers import ChangeAddressAnswers
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
from returndesk.widgets.orders import OrderChoice, order_caption, order_picker

ORDER_CHOICE = OrderChoice(
    question="Which order should go to another address?",
    verb="Change",
    event="select_address_order",
    none_title="No order can change its address",
    none_text="Only orders that haven't shipped yet can go to another address, and you have none.",
)


def address_order_picker(given: WidgetInput, pending: list[Order]) -> Node:
    return order_picker(given, pending, ORDER_CHOICE)


def shipping_address_form(given: WidgetInput, order: Order) -> Node:
    return address_form(
        given,
        order.address,
        heading=f"Where should order {order.id} go?",
        note="It ships to the address below now; change what is different.",
        event="give_shipping_address",
        key="shipping-address",
    )


def _new_address(given: WidgetInput) -> str:
    address = given.state.answers(ChangeAddressAnswers).address
    assert address is not None
    return address_from_dict(address).one_line()


def address_change_summary(given: WidgetInput, order: Order) -> Node:
    old = order.address.one_line() if order.address is not None else "no address"
    return card(
        [
            title(f"Send order {order.id} to a new address?"),
            caption(order_caption(order, given)),
            col([caption("New address"), text(_new_address(given), weight="semibold")], gap=1),
            col([caption("Instead of"), text(old)], gap=1),
            text("The order stays pending; you can still change or cancel it."),
            row(
                [
                    button("Change the address", on_click=given.act("confirm"), style="primary"),
                    button("Keep the current address", on_click=given.act("start_over")),
                ]
            ),
        ],
        key="address-summary",
    )


def address_change_done(given: WidgetInput, order: Order) -> Node:
    shipping = order.address.one_line() if order.address is not None else _new_address(given)
    return card(
        [
            row([title(f"Order {order.id}"), badge("Address changed", color="success")]),
            text(f"It will be delivered to {shipping}."),
            button("Something else", on_click=given.act("start_over")),
        ],
        key="address-done",
        status={"text": "Address changed", "icon": "check-circle"},
    )
