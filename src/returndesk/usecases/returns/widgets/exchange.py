"""Exchanges: the replacement by option, and who settles the price difference."""

from __future__ import annotations

from returndesk.domain import format_money, settlement_methods
from returndesk.usecases.returns.answers import ReturnAnswers
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
from returndesk.widgets.inputs import WidgetInput, describe_options, line_label
from returndesk.widgets.payments import difference_picker


def variant_picker(given: WidgetInput) -> Node:
    facts = given.facts
    assert facts.request is not None
    assert facts.catalog is not None
    exchanges = given.state.answers(ReturnAnswers).exchanges
    lines = facts.request.lines
    line = next((line for line in lines if line.line_no not in exchanges), lines[0])
    product = facts.catalog.product(line.product_id)
    rows: list[Node] = []
    shortlist = given.state.answers(ReturnAnswers).shortlist
    same_shown = not shortlist or line.item_id in shortlist
    if facts.replacement_offered(line) and same_shown:
        # The store was at fault: exactly the same item again comes first.
        again = given.act("choose_variant", item_id=line.item_id, line_no=line.line_no)
        rows.append(
            row(
                [
                    col(
                        [
                            text(f"The same again: {describe_options(line.options)}"),
                            caption("A replacement, at no charge"),
                        ],
                        flex=1,
                    ),
                    button("Replace with the same", on_click=again, style="primary"),
                ]
            )
        )
    for variant in product.variants:
        if variant.item_id == line.item_id or (shortlist and variant.item_id not in shortlist):
            continue
        difference = variant.price - line.price
        change = (
            "same price"
            if difference == 0
            else f"{'+' if difference > 0 else '-'}{format_money(abs(difference))}"
        )
        label = describe_options(variant.options)
        if variant.available:
            action = given.act("choose_variant", item_id=variant.item_id, line_no=line.line_no)
            chooser = button(f"Choose {label}", on_click=action)
        else:
            chooser = badge("Sold out", color="secondary")
        rows.append(
            row(
                [
                    col(
                        [text(label), caption(f"{format_money(variant.price)} · {change}")], flex=1
                    ),
                    chooser,
                ]
            )
        )
    children = [
        title(f"What would you like instead of the {line.name}?"),
        caption(f"You have: {line_label(line)} at {format_money(line.price)}"),
        col(rows, gap=2),
    ]
    if shortlist:
        # Only what fits the shopper's description is shown; everything is one click away.
        children[1:1] = [caption("These fit what you described.")]
        children.append(button("Show all options", on_click=given.act("shortlist_variants")))
    return card(children, key=f"variant-{line.line_no}")


def payment_picker(given: WidgetInput) -> Node:
    facts = given.facts
    assert facts.exchange_difference is not None
    assert facts.customer is not None
    difference = facts.exchange_difference
    allowed = {method.id for method in settlement_methods(difference, facts.customer)}
    return difference_picker(
        given,
        facts.customer,
        difference,
        allowed,
        event="choose_payment_method",
        what="The new item",
        key="payment",
    )
