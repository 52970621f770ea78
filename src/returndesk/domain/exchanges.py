"""Exchanges: another available variant of the same product, and who settles the difference.

A difference is `new price − old price`: positive, the shopper pays it; negative,
it is refunded to them. This is the sign the database stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from returndesk.domain.catalog import Catalog, Variant
from returndesk.domain.customers import Customer, PaymentMethod
from returndesk.domain.money import ZERO, format_money, total
from returndesk.domain.orders import OrderLine
from returndesk.errors import InvalidRequest, NotEligible


@dataclass(frozen=True, slots=True)
class ExchangeCandidate:
    variant: Variant
    difference: Decimal
    # The shopper's methods that may pay (difference > 0) or receive (< 0) it; empty at 0.
    payment_methods: tuple[PaymentMethod, ...]

    @property
    def shopper_pays(self) -> bool:
        return self.difference > 0


def options_kept(line: OrderLine, variant: Variant) -> int:
    """How many of the ordered options the variant keeps; more is a closer match."""
    return sum(1 for name, value in line.options.items() if variant.options.get(name) == value)


def exchange_variants(
    line: OrderLine, catalog: Catalog, *, replacement: bool = False
) -> tuple[Variant, ...]:
    """Available variants of the line's product with other options, closest match first.

    With `replacement` (the store was at fault), the very same variant comes first,
    when it is available: the shopper gets exactly what they ordered again.
    """
    product = catalog.product(line.product_id)
    variants = [
        variant
        for variant in product.variants
        if variant.available
        and variant.item_id != line.item_id
        and dict(variant.options) != dict(line.options)
    ]
    variants.sort(key=lambda v: (-options_kept(line, v), v.price, v.item_id))
    same = [v for v in product.variants if v.item_id == line.item_id and v.available]
    return tuple(same + variants) if replacement else tuple(variants)


def price_difference(line: OrderLine, variant: Variant) -> Decimal:
    # A replacement is what the shopper already paid for, whatever its price is today.
    if variant.item_id == line.item_id:
        return ZERO
    return variant.price - line.price


def settlement_methods(difference: Decimal, customer: Customer) -> tuple[PaymentMethod, ...]:
    """Methods that may settle `difference`; a gift card pays only if its balance covers it."""
    if difference == ZERO:
        return ()
    if difference < ZERO:
        return customer.payment_methods
    return tuple(
        method
        for method in customer.payment_methods
        if not method.is_gift_card or (method.balance is not None and method.balance >= difference)
    )


def exchange_candidates(
    line: OrderLine, *, catalog: Catalog, customer: Customer
) -> tuple[ExchangeCandidate, ...]:
    """Every variant `line` may be exchanged for, with the difference and who may settle it."""
    candidates = []
    for variant in exchange_variants(line, catalog):
        difference = price_difference(line, variant)
        candidates.append(
            ExchangeCandidate(variant, difference, settlement_methods(difference, customer))
        )
    return tuple(candidates)


def choose_variants(
    lines: Iterable[OrderLine],
    choices: Mapping[int, str],
    offered: Mapping[int, Sequence[Variant]],
) -> dict[int, Variant]:
    """The chosen variant for every line (line number → item id), each one `offered` for it."""
    chosen: dict[int, Variant] = {}
    for line in lines:
        item_id = choices.get(line.line_no)
        if item_id is None:
            raise InvalidRequest(f"Choose what to exchange the {line.name} for.")
        for variant in offered.get(line.line_no, ()):
            if variant.item_id == item_id:
                chosen[line.line_no] = variant
                break
        else:
            raise NotEligible(f"The {line.name} can't be exchanged for item {item_id}.")
    return chosen


def total_difference(lines: Iterable[OrderLine], chosen: Mapping[int, Variant]) -> Decimal:
    return total(price_difference(line, chosen[line.line_no]) for line in lines)


def check_settlement_method(
    difference: Decimal, payment_method_id: str | None, customer: Customer
) -> PaymentMethod | None:
    """The method settling `difference`, refused when it may not; None when nothing is owed."""
    if difference == ZERO:
        return None
    if payment_method_id is None:
        raise InvalidRequest("Choose a payment method for the price difference.")
    method = customer.payment_method(payment_method_id)
    if method not in settlement_methods(difference, customer):
        raise NotEligible(
            f"{method.describe()} doesn't cover the difference of {format_money(difference)}."
        )
    return method
