"""The retention offer: at most one per return, made before the shopper picks a resolution.

An offer covers the whole return, so every line must qualify for the same
offer: a return mixing a too-small shirt and an unwanted kettle gets none.
Merchant-fault reasons never qualify (the policy file is checked for that).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from returndesk.domain.catalog import Catalog, Variant
from returndesk.domain.codes import ReasonCode, Resolution
from returndesk.domain.customers import Customer
from returndesk.domain.money import ZERO, format_money, percent_of, round_cents
from returndesk.domain.orders import OrderLine
from returndesk.domain.policy import Policy
from returndesk.domain.returns import ReturnRequest

_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)")
_NUMERIC_SCALE = -1


class OfferKind(StrEnum):
    SIZE_EXCHANGE = "size_exchange"
    KEEP_WITH_DISCOUNT = "keep_with_discount"


@dataclass(frozen=True, slots=True)
class SizeChoice:
    """Other sizes of one returned line, same product and otherwise the same options."""

    line_no: int
    size_option: str
    variants: tuple[Variant, ...]


@dataclass(frozen=True, slots=True)
class RetentionOffer:
    kind: OfferKind
    message: str
    # KEEP_WITH_DISCOUNT: the partial refund, `percent` of the item prices.
    percent: Decimal | None = None
    amount: Decimal = ZERO
    # SIZE_EXCHANGE: the sizes each line may be exchanged for.
    sizes: tuple[SizeChoice, ...] = ()


def retention_offer(
    request: ReturnRequest, *, customer: Customer, catalog: Catalog, policy: Policy
) -> RetentionOffer | None:
    """The one offer this return qualifies for, if any; size exchange is tried first."""
    return _size_exchange_offer(request, catalog, policy) or _keep_with_discount_offer(
        request, customer, policy
    )


def _size_exchange_offer(
    request: ReturnRequest, catalog: Catalog, policy: Policy
) -> RetentionOffer | None:
    rule = policy.retention.size_exchange
    if Resolution.EXCHANGE not in policy.resolutions:
        return None
    if any(item.reason not in rule.reasons for item in request.items):
        return None
    choices = []
    for item, line in request.pairs:
        choice = other_sizes(line, item.reason, catalog, policy)
        if choice is None or not choice.variants:
            return None
        choices.append(choice)
    names = _join(line.name for line in request.lines)
    message = f"Would you like to exchange the {names} for another size instead?"
    return RetentionOffer(OfferKind.SIZE_EXCHANGE, message, sizes=tuple(choices))


def _keep_with_discount_offer(
    request: ReturnRequest, customer: Customer, policy: Policy
) -> RetentionOffer | None:
    rule = policy.retention.keep_with_discount
    if Resolution.KEEP_WITH_DISCOUNT not in policy.resolutions:
        return None
    if any(item.reason not in rule.reasons for item in request.items):
        return None
    if any(line.price < rule.min_item_price for line in request.lines):
        return None
    percent = rule.percent[customer.tier]
    amount = round_cents(percent_of(request.items_total, percent))
    keep = "them" if len(request.items) > 1 else "it"
    message = (
        f"Would you like to keep {keep} and get {format_money(amount)} "
        f"({percent.normalize():f}%) back instead? Nothing needs to be sent back."
    )
    return RetentionOffer(OfferKind.KEEP_WITH_DISCOUNT, message, percent=percent, amount=amount)


def other_sizes(
    line: OrderLine, reason: ReasonCode, catalog: Catalog, policy: Policy
) -> SizeChoice | None:
    """Available variants differing from `line` only in size; None if the line has no size.

    "Too small" offers only larger sizes and "too large" only smaller ones, when
    the two sizes can be compared (numbers, or a size scale from the policy).
    """
    rule = policy.retention.size_exchange
    size_option = next((name for name in rule.size_options if name in line.options), None)
    if size_option is None:
        return None
    ordered = line.options[size_option]
    product = catalog.product(line.product_id)
    variants = [
        variant
        for variant in product.variants
        if variant.available
        and variant.options.get(size_option, ordered) != ordered
        and all(
            variant.options.get(name) == value
            for name, value in line.options.items()
            if name != size_option
        )
        and _fits_direction(ordered, variant.options[size_option], reason, rule.size_scales)
    ]
    variants.sort(key=lambda v: (_sort_key(v.options[size_option], rule.size_scales), v.item_id))
    return SizeChoice(line.line_no, size_option, tuple(variants))


def _size_rank(size: str, scales: tuple[tuple[str, ...], ...]) -> tuple[int, Decimal] | None:
    """(scale, position) of a size; sizes on different scales do not compare."""
    wanted = size.strip().casefold()
    for scale_no, scale in enumerate(scales):
        for position, known in enumerate(scale):
            if known.casefold() == wanted:
                return scale_no, Decimal(position)
    number = _LEADING_NUMBER.match(size)
    if number:
        return _NUMERIC_SCALE, Decimal(number.group(1))
    return None


def _fits_direction(
    ordered: str, offered: str, reason: ReasonCode, scales: tuple[tuple[str, ...], ...]
) -> bool:
    before, after = _size_rank(ordered, scales), _size_rank(offered, scales)
    if before is None or after is None or before[0] != after[0]:
        return True
    if reason is ReasonCode.SIZE_TOO_SMALL:
        return after[1] > before[1]
    if reason is ReasonCode.SIZE_TOO_LARGE:
        return after[1] < before[1]
    return True


def _sort_key(size: str, scales: tuple[tuple[str, ...], ...]) -> tuple[int, Decimal, str]:
    rank = _size_rank(size, scales)
    if rank is None:
        return len(scales), Decimal(0), size
    return rank[0], rank[1], size


def _join(names: Iterable[str]) -> str:
    listed = list(dict.fromkeys(names))
    if len(listed) <= 2:
        return " and ".join(listed)
    return ", ".join(listed[:-1]) + " and " + listed[-1]
