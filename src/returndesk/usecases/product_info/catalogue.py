"""Answers from the catalogue alone: which product was meant, what it comes in, which
versions are in stock and what they cost. A product not found is never guessed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz, process

from returndesk.domain import Catalog, Product, Variant, format_money, one_of
from returndesk.llm.offline.normalize import singular
from returndesk.usecases.product_info.events import ProductTopic

# How close a name must be to count as the product meant, and to be suggested.
_SAME = 88
_SIMILAR = 55


def _plain(name: str) -> str:
    return " ".join(singular(word) for word in name.lower().split()).replace("-", " ")


def find_product(catalog: Catalog, asked: str) -> Product | None:
    """The product whose name the shopper gave, allowing plurals and small typos."""
    products = list(catalog.products.values())
    wanted = _plain(asked)
    for product in products:
        if _plain(product.name) == wanted:
            return product
    best = process.extractOne(wanted, {p.id: _plain(p.name) for p in products}, scorer=fuzz.WRatio)
    if best is not None and best[1] >= _SAME:
        return catalog.product(best[2])
    return None


def suggestions(catalog: Catalog, asked: str, limit: int = 3) -> list[str]:
    """Names of the products closest to what was asked, best first."""
    names = {p.id: _plain(p.name) for p in catalog.products.values()}
    found = process.extract(_plain(asked), names, scorer=fuzz.WRatio, limit=limit)
    return [catalog.product(key).name for _, score, key in found if score >= _SIMILAR]


def _described(asked: Mapping[str, str]) -> str:
    return " and ".join(f"{name} {value}" for name, value in asked.items())


def _prices(variants: Sequence[Variant]) -> str:
    low, high = min(v.price for v in variants), max(v.price for v in variants)
    if low == high:
        return format_money(low)
    return f"from {format_money(low)} to {format_money(high)}"


def reply(product: Product, asked: Mapping[str, str], topic: ProductTopic) -> str:
    """One or two sentences answering the question, from the catalogue only."""
    fitting = product.variants_with(asked)
    described = f"the {product.name} with {_described(asked)}" if asked else f"the {product.name}"
    if not fitting:
        choices = "; ".join(
            f"{name}: {one_of(values)}" for name, values in product.option_values().items()
        )
        return f"{described.capitalize()} isn't in our catalogue. It comes in {choices}."
    in_stock = [v for v in fitting if v.available]
    if topic is ProductTopic.PRICE:
        priced = in_stock or list(fitting)
        note = "" if in_stock else " It is sold out at the moment."
        return f"{described.capitalize()} costs {_prices(priced)}.{note}"
    if topic is ProductTopic.STOCK:
        if not in_stock:
            return f"No, {described} is sold out at the moment."
        count = (
            f"{len(in_stock)} of its {len(fitting)} versions are" if len(fitting) > 1 else "it is"
        )
        return f"Yes, {described} is in stock: {count} available, {_prices(in_stock)}."
    values = product.option_values()
    choices = "; ".join(f"{name} {one_of(v)}" for name, v in values.items() if name not in asked)
    if not choices:
        return f"{described.capitalize()} comes in just that version, {_prices(fitting)}."
    return f"{described.capitalize()} comes in {choices}."
