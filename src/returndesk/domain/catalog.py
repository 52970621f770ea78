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

    def has_options(self, asked: Mapping[str, str]) -> bool:
        """Whether it has every option asked for, ignoring case ("Color=Black")."""
        own = {name.casefold(): value.casefold() for name, value in self.options.items()}
        return all(own.get(name.casefold()) == value.casefold() for name, value in asked.items())


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

    def variants_with(self, asked: Mapping[str, str]) -> tuple[Variant, ...]:
        """Its variants with every option asked for, available or not."""
        return tuple(variant for variant in self.variants if variant.has_options(asked))

    def option_values(self) -> dict[str, tuple[str, ...]]:
        """Each option and the values its variants take, in the order first seen."""
        values: dict[str, list[str]] = {}
        for variant in self.variants:
            for name, value in variant.options.items():
                if value not in values.setdefault(name, []):
                    values[name].append(value)
        return {name: tuple(found) for name, found in values.items()}


def option_pairs(options: Iterable[str]) -> dict[str, str]:
    """ "size=L" → {"size": "L"}, as events and tools name options; text without "=" is
    ignored."""
    pairs = (option.split("=", 1) for option in options if "=" in option)
    return {name.strip(): value.strip() for name, value in pairs}


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
