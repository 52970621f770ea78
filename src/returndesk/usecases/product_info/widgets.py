"""A product question: pick a product, then its options, versions, stock and prices."""

from __future__ import annotations

from returndesk.domain import format_money, one_of
from returndesk.usecases.product_info.queries import ProductView
from returndesk.widgets.components import (
    Node,
    badge,
    button,
    caption,
    card,
    col,
    divider,
    form,
    row,
    select,
    text,
    title,
)
from returndesk.widgets.inputs import WidgetInput, describe_options

# Versions listed on the card; the in-stock ones first.
_VERSIONS_SHOWN = 10


def product_picker(given: WidgetInput, names: list[str]) -> Node:
    return card(
        [
            form(
                [
                    title("Which product would you like to know about?"),
                    select(
                        "product",
                        [{"value": name, "label": name} for name in names],
                        placeholder="Choose a product",
                    ),
                    button("Show its options", submit=True, style="primary"),
                ],
                on_submit=given.act("ask_product"),
            )
        ],
        key="product-pick",
    )


def product_card(given: WidgetInput, view: ProductView) -> Node:
    product = view.product
    options = [
        text(f"{name.capitalize()}: {one_of(values)}")
        for name, values in product.option_values().items()
    ]
    versions = sorted(
        product.variants_with(view.asked) or product.variants,
        key=lambda v: (not v.available, v.price),
    )
    rows = [
        row(
            [
                col([text(describe_options(v.options)), caption(format_money(v.price))], flex=1),
                badge("In stock", color="success")
                if v.available
                else badge("Sold out", color="secondary"),
            ]
        )
        for v in versions[:_VERSIONS_SHOWN]
    ]
    more = len(versions) - len(rows)
    children: list[Node] = [title(product.name), *options, divider(), col(rows, gap=2)]
    if more > 0:
        children.append(caption(f"and {more} more versions"))
    children.append(
        row(
            [
                button("Another product", on_click=given.act("ask_product")),
                button("Something else", on_click=given.act("start_over")),
            ]
        )
    )
    return card(children, key="product")
