"""The product catalogue: products and their variants (the `item_id`s orders refer to)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from returndesk.errors import NotFound


@dataclass(frozen=True, slots=True)
class Variant:
    item_id: str
    product_id: str
    options: Mapping[str, str]
    price: Decimal
    available: bool


@dataclass(frozen=True, slots=True)
class Product:
    id: str
    name: str
    category: str
    variants: tuple[Variant, ...] = ()
    # Smartphones, tablets, smart watches: tied to an account once switched on.
    activatable: bool = False
    # Returnable only with the seal unbroken (makeup, perfume, toothbrushes, earbuds).
    hygiene_sealed: bool = False

    def variant(self, item_id: str) -> Variant:
        for variant in self.variants:
            if variant.item_id == item_id:
                return variant
        raise NotFound(f"{self.name} has no variant {item_id}.")


@dataclass(frozen=True)
class Catalog:
    """Products by id; built once from the store and passed to the domain functions."""

    products: Mapping[str, Product]
    _variants: Mapping[str, Variant] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        variants = {v.item_id: v for p in self.products.values() for v in p.variants}
        object.__setattr__(self, "_variants", variants)

    @classmethod
    def of(cls, products: Iterable[Product]) -> Catalog:
        return cls({product.id: product for product in products})

    def product(self, product_id: str) -> Product:
        try:
            return self.products[product_id]
        except KeyError:
            raise NotFound(f"No product {product_id} in the catalogue.") from None

    def variant(self, item_id: str) -> Variant:
        try:
            return self._variants[item_id]
        except KeyError:
            raise NotFound(f"No item {item_id} in the catalogue.") from None
