"""Choosing the outcome: the retention offer, the resolution, and how the items travel."""

from __future__ import annotations

from returndesk.domain import (
    NEW_GIFT_CARD,
    Customer,
    FeeKind,
    OfferKind,
    Order,
    Resolution,
    ResolutionOption,
    ReturnMethod,
    format_money,
)
from returndesk.widgets.components import Node, button, caption, card, col, row, text, title
from returndesk.widgets.inputs import WidgetInput

METHOD_LABELS = {
    ReturnMethod.PREPAID_LABEL: "Print a prepaid label",
    ReturnMethod.QR_DROP_OFF: "QR code at a drop-off point (no printer needed)",
    ReturnMethod.SCHEDULE_PICKUP: "Schedule a pickup",
    ReturnMethod.STORE_DROP_OFF: "Drop it off at one of our stores",
}
FEE_LABELS = {FeeKind.RETURN_SHIPPING: "return shipping", FeeKind.PICKUP: "pickup"}


def retention_offer(given: WidgetInput) -> Node:
    options = given.facts.options
    assert options is not None
    assert options.offer is not None
    offer = options.offer
    accept = (
        f"Keep it and get {format_money(offer.amount)} back"
        if offer.kind is OfferKind.KEEP_WITH_DISCOUNT
        else "Yes, exchange for another size"
    )
    return card(
        [
            title("Before you send it back"),
            text(offer.message),
            row(
                [
                    button(
                        accept, on_click=given.act("answer_offer", accept=True), style="primary"
                    ),
                    button("No thanks", on_click=given.act("answer_offer", accept=False)),
                ]
            ),
        ],
        key="offer",
    )


def original_method_name(order: Order, customer: Customer) -> str:
    method_id = order.original_payment_method_id
    if method_id is None:
        return "your original payment method"
    return next(
        (method.describe() for method in customer.payment_methods if method.id == method_id),
        "your original payment method",
    )


def resolution_picker(given: WidgetInput) -> Node:
    facts = given.facts
    assert facts.options is not None
    assert facts.order is not None
    assert facts.customer is not None
    buttons: list[Node] = []
    for option in facts.options.resolutions:
        buttons += _resolution_buttons(given, option, facts.order, facts.customer)
    return card(
        [title("How would you like us to make it right?"), col(buttons, gap=2)],
        key="resolution",
    )


def _resolution_buttons(
    given: WidgetInput, option: ResolutionOption, order: Order, customer: Customer
) -> list[Node]:
    match option.resolution:
        case Resolution.REFUND:
            fees = ", ".join(
                f"{format_money(fee.amount)} {FEE_LABELS[fee.kind]}" for fee in option.fees
            )
            suffix = f" (after {fees})" if fees else ""
            destination = original_method_name(order, customer)
            return [
                button(
                    f"Refund {format_money(option.amount)} to {destination}{suffix}",
                    on_click=given.act("choose_resolution", resolution=option.resolution.value),
                    style="primary",
                    block=True,
                )
            ]
        case Resolution.STORE_CREDIT:
            bonus = f", including a {format_money(option.bonus)} bonus" if option.bonus else ""
            targets = [(card_.id, card_.describe()) for card_ in customer.gift_cards]
            targets.append((NEW_GIFT_CARD, "a new gift card"))
            return [
                button(
                    f"Store credit of {format_money(option.amount)}{bonus}, on {name}",
                    on_click=given.act(
                        "choose_resolution",
                        resolution=option.resolution.value,
                        credit_destination=target,
                    ),
                    block=True,
                )
                for target, name in targets
            ]
        case Resolution.EXCHANGE:
            request = given.facts.request
            replaceable = request is not None and all(
                given.facts.replacement_offered(line) for line in request.lines
            )
            return [
                button(
                    "Replace it with the same, or exchange it"
                    if replaceable
                    else "Exchange for another size or colour",
                    on_click=given.act("choose_resolution", resolution=option.resolution.value),
                    block=True,
                )
            ]
        case _:
            return []


def method_picker(given: WidgetInput) -> Node:
    buttons = []
    for option in given.facts.methods:
        fee = f" (+{format_money(option.fee)} fee)" if option.fee else ""
        free = " (free)" if len(given.facts.methods) == 1 else ""
        buttons.append(
            button(
                f"{METHOD_LABELS[option.method]}{fee}{free}",
                on_click=given.act("choose_method", method=option.method.value),
                block=True,
            )
        )
    children: list[Node] = [title("How would you like to send it back?"), col(buttons, gap=2)]
    if len(buttons) == 1:
        children.insert(1, caption("Large items like these are collected from your door."))
    return card(children, key="method")
