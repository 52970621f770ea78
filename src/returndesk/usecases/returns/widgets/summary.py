"""The summary to confirm and the confirmation card: every figure comes from the domain."""

from __future__ import annotations

from returndesk.domain import (
    NEW_GIFT_CARD,
    PaymentMethod,
    ReasonCode,
    Resolution,
    ReturnMethod,
    ReturnQuote,
    format_money,
    quote_return,
    return_refund_timing,
)
from returndesk.domain.dates import format_day, local_date
from returndesk.domain.shipping import PickupWindow, PrepaidLabel, QrDropOff, StoreDropOff
from returndesk.usecases.returns.answers import ReturnAnswers
from returndesk.usecases.returns.queries import ConfirmedReturn
from returndesk.usecases.returns.widgets.choices import (
    FEE_LABELS,
    METHOD_LABELS,
    original_method_name,
)
from returndesk.widgets.components import (
    Node,
    badge,
    button,
    caption,
    card,
    col,
    divider,
    markdown,
    row,
    text,
    title,
)
from returndesk.widgets.inputs import WidgetInput, describe_options, line_label


def current_quote(given: WidgetInput) -> ReturnQuote:
    facts = given.facts
    answers = given.state.answers(ReturnAnswers)
    assert facts.request is not None
    assert facts.customer is not None
    assert facts.catalog is not None
    assert answers.resolution is not None
    return quote_return(
        facts.request,
        resolution=Resolution(answers.resolution),
        method=ReturnMethod(answers.method) if facts.methods and answers.method else None,
        customer=facts.customer,
        catalog=facts.catalog,
        policy=facts.policy,
        exchange_item_ids=answers.exchanges,
    )


def _amount_rows(given: WidgetInput, quote: ReturnQuote) -> list[Node]:
    facts = given.facts
    assert facts.order is not None
    assert facts.customer is not None
    rows = [_figure("Items", format_money(quote.items_total))]
    rows += [
        _figure(f"Less {FEE_LABELS[fee.kind]}", f"-{format_money(fee.amount)}")
        for fee in quote.fees
    ]
    match quote.resolution:
        case Resolution.REFUND | Resolution.KEEP_WITH_DISCOUNT:
            target = original_method_name(facts.order, facts.customer)
            rows.append(_figure(f"Refund to {target}", format_money(quote.refund_amount), True))
        case Resolution.STORE_CREDIT:
            if quote.bonus:
                rows.append(_figure("Store credit bonus", format_money(quote.bonus)))
            destination = given.state.answers(ReturnAnswers).credit_destination
            name = (
                "a new gift card"
                if destination in (None, NEW_GIFT_CARD)
                else facts.customer.payment_method(destination or "").describe()
            )
            rows.append(_figure(f"Store credit on {name}", format_money(quote.refund_amount), True))
        case Resolution.EXCHANGE:
            difference = quote.exchange_difference
            if difference > 0:
                rows.append(_figure("You pay the difference", format_money(difference), True))
            elif difference < 0:
                rows.append(_figure("We refund the difference", format_money(-difference), True))
            else:
                rows.append(_figure("Price difference", "none", True))
    return rows


def _figure(label: str, value: str, strong: bool = False) -> Node:
    weight = "semibold" if strong else None
    return row([text(label, weight=weight), text(value, weight=weight)], justify="between")


def return_summary(given: WidgetInput) -> Node:
    facts = given.facts
    answers = given.state.answers(ReturnAnswers)
    assert facts.request is not None
    assert facts.catalog is not None
    quote = current_quote(given)
    items: list[Node] = []
    for line in facts.request.lines:
        reason = facts.policy.reason(ReasonCode(answers.reasons[line.line_no])).label
        parts = [reason]
        if line.line_no in quote.exchange_item_ids:
            variant = facts.catalog.variant(quote.exchange_item_ids[line.line_no])
            parts.append(f"exchange for {describe_options(variant.options)}")
        if line.line_no in quote.kept_line_nos:
            parts.append("keep it, nothing to send back")
        items.append(
            col([text(line_label(line), weight="medium"), caption(" · ".join(parts))], gap=1)
        )
    how = METHOD_LABELS[quote.method] if quote.method else "Nothing to send back"
    timing = return_refund_timing(quote, _destination(given, quote), facts.policy)
    children: list[Node] = [
        title(f"Your return from order {facts.request.order.id}"),
        *items,
        divider(),
        *_amount_rows(given, quote),
        row([text("How it goes back"), text(how)], justify="between"),
    ]
    if quote.needs_review:
        children.append(
            caption("A member of our team reviews returns of this value before approval.")
        )
    if timing:
        children.append(caption(timing))
    children.append(
        row(
            [
                button(
                    "Confirm return", on_click=given.act("confirm"), style="primary", icon="check"
                ),
                button("Change something", on_click=given.act("go_back")),
            ]
        )
    )
    return card(children, key="summary")


def _destination(given: WidgetInput, quote: ReturnQuote) -> PaymentMethod | None:
    """Where the return's money goes, for the timing sentence."""
    facts = given.facts
    assert facts.customer is not None
    assert facts.order is not None
    answers = given.state.answers(ReturnAnswers)
    methods = {method.id: method for method in facts.customer.payment_methods}
    if quote.resolution is Resolution.EXCHANGE:
        return methods.get(answers.exchange_payment_method_id or "")
    return methods.get(facts.order.original_payment_method_id or "")


def return_confirmation(given: WidgetInput, ret: ConfirmedReturn) -> Node:
    children: list[Node] = [
        row([title(f"Return {ret.rma}"), badge(ret.status.label.capitalize(), color="success")]),
        text(ret.next_step),
    ]
    shipment = ret.shipment
    zone = given.facts.policy.zone
    match shipment:
        case PrepaidLabel(carrier, tracking_number, url):
            children += [
                text(f"{carrier} tracking number: {tracking_number}"),
                markdown(f"[Print your return label]({url})"),
            ]
        case QrDropOff(carrier, code, instructions):
            children += [
                text(f"{carrier} drop-off code: {code}", weight="semibold"),
                caption(instructions),
            ]
        case PickupWindow(starts_at, ends_at):
            day = format_day(local_date(starts_at, zone))
            hours = f"{starts_at.astimezone(zone):%H:%M} and {ends_at.astimezone(zone):%H:%M}"
            children.append(text(f"Pickup on {day}, between {hours}."))
        case StoreDropOff(instructions):
            children.append(caption(instructions))
        case None:
            pass
    if ret.refund_timing:
        children.append(caption(ret.refund_timing))
    children.append(button("Something else", on_click=given.act("start_over")))
    return card(
        children, key="confirmation", status={"text": "Return confirmed", "icon": "check-circle"}
    )
