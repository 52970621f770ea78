"""What a shopper may choose for a return, and what each choice is worth.

Amounts follow the policy's resolution table:

- REFUND: item prices − fees. Fees apply to a REFUND only, once per return:
  return shipping for shopper-fault returns of the tiers listed in the policy,
  and the pickup fee when a shopper-fault return is picked up. Pickup-only
  goods (furniture, bicycles) go back free. Fees never take a refund below zero.
- STORE_CREDIT: item prices + a bonus percentage, the bonus capped; no fees.
- EXCHANGE: no fees; the price difference is settled separately (`exchanges`).
- KEEP_WITH_DISCOUNT: only by accepting the retention offer; its amount.

Merchant-fault items at or under the keep-it threshold stay with the shopper
whatever the resolution; when every item stays, nothing is shipped and no
method is chosen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from returndesk.domain.catalog import Catalog
from returndesk.domain.codes import Fault, Resolution, ReturnMethod
from returndesk.domain.customers import Customer
from returndesk.domain.exchanges import choose_variants, total_difference
from returndesk.domain.lifecycle import ReturnPath, ReturnStatus
from returndesk.domain.money import ZERO, percent_of, round_cents, total
from returndesk.domain.policy import Policy
from returndesk.domain.retention import OfferKind, RetentionOffer, retention_offer
from returndesk.domain.returns import (
    ReturnRequest,
    is_pickup_only,
    kept_line_nos,
    needs_review,
    offered_variants,
    return_fault,
    validate_request,
)
from returndesk.errors import InvalidRequest, NotEligible

NEW_GIFT_CARD = "new_gift_card"
"""Store-credit destination meaning "open a new gift card"."""


class FeeKind(StrEnum):
    RETURN_SHIPPING = "return_shipping"
    PICKUP = "pickup"


@dataclass(frozen=True, slots=True)
class Fee:
    kind: FeeKind
    amount: Decimal


@dataclass(frozen=True, slots=True)
class ResolutionOption:
    resolution: Resolution
    # What the shopper receives before any method fee: the refund net of shipping,
    # or the store credit with its bonus; zero for an exchange.
    amount: Decimal
    fees: tuple[Fee, ...] = ()
    bonus: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class MethodOption:
    method: ReturnMethod
    # Deducted from a refund on top of the resolution's fees.
    fee: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class ReturnOptions:
    """Everything the conversation needs to decide its next question."""

    fault: Fault
    items_total: Decimal
    offer: RetentionOffer | None
    resolutions: tuple[ResolutionOption, ...]
    kept_line_nos: frozenset[int]
    needs_shipment: bool
    pickup_only: bool
    needs_review: bool


@dataclass(frozen=True, slots=True)
class ReturnQuote:
    """The amounts of one fully chosen return, as shown in the summary and stored."""

    resolution: Resolution
    method: ReturnMethod | None
    fault: Fault
    items_total: Decimal
    fees: tuple[Fee, ...]
    # What the fees actually took: never more than the items are worth.
    fees_total: Decimal
    bonus: Decimal
    # Refund net of fees, store credit with bonus, or the keep-with-discount amount;
    # zero for an exchange.
    refund_amount: Decimal
    # New prices − old prices; positive, the shopper pays it.
    exchange_difference: Decimal
    exchange_item_ids: Mapping[int, str]
    kept_line_nos: frozenset[int]
    shipped_line_nos: frozenset[int]
    needs_review: bool

    @property
    def keep_item(self) -> bool:
        """Nothing is sent back."""
        return not self.shipped_line_nos

    @property
    def path(self) -> ReturnPath:
        return ReturnPath.KEEP_ITEM if self.keep_item else ReturnPath.SHIP_BACK

    @property
    def initial_status(self) -> ReturnStatus:
        return ReturnStatus.NEEDS_REVIEW if self.needs_review else ReturnStatus.APPROVED


def return_options(
    request: ReturnRequest, *, customer: Customer, catalog: Catalog, policy: Policy
) -> ReturnOptions:
    validate_request(request, policy)
    kept = kept_line_nos(request, policy)
    return ReturnOptions(
        fault=return_fault(request, policy),
        items_total=request.items_total,
        offer=retention_offer(request, customer=customer, catalog=catalog, policy=policy),
        resolutions=resolution_options(request, customer=customer, catalog=catalog, policy=policy),
        kept_line_nos=kept,
        needs_shipment=len(kept) < len(request.items),
        pickup_only=_goes_by_pickup(request, kept, catalog, policy),
        needs_review=needs_review(request, policy),
    )


def resolution_options(
    request: ReturnRequest, *, customer: Customer, catalog: Catalog, policy: Policy
) -> tuple[ResolutionOption, ...]:
    """REFUND, STORE_CREDIT and EXCHANGE as the policy enables them, with their amounts.

    EXCHANGE is offered only when every line has another available variant.
    KEEP_WITH_DISCOUNT is never listed: it exists only as the retention offer.
    """
    validate_request(request, policy)
    items_total = request.items_total
    options = []
    for resolution in policy.resolutions:
        match resolution:
            case Resolution.REFUND:
                fees = _resolution_fees(request, customer, catalog, policy)
                refund = max(ZERO, items_total - total(fee.amount for fee in fees))
                options.append(ResolutionOption(resolution, refund, fees))
            case Resolution.STORE_CREDIT:
                bonus = store_credit_bonus(items_total, policy)
                options.append(ResolutionOption(resolution, items_total + bonus, bonus=bonus))
            case Resolution.EXCHANGE:
                if all(offered_variants(request, catalog, policy).values()):
                    options.append(ResolutionOption(resolution, ZERO))
            case Resolution.KEEP_WITH_DISCOUNT:
                pass
    return tuple(options)


def method_options(
    request: ReturnRequest,
    *,
    resolution: Resolution,
    customer: Customer,
    catalog: Catalog,
    policy: Policy,
) -> tuple[MethodOption, ...]:
    """How the items may travel back, with the fee each adds; empty when nothing ships."""
    validate_request(request, policy)
    kept = kept_line_nos(request, policy)
    if resolution is Resolution.KEEP_WITH_DISCOUNT or len(kept) == len(request.items):
        return ()
    if _goes_by_pickup(request, kept, catalog, policy):
        return (MethodOption(ReturnMethod.SCHEDULE_PICKUP),)
    charges = resolution is Resolution.REFUND and return_fault(request, policy) is Fault.CUSTOMER
    pickup_fee = policy.fees.pickup.amount if charges else ZERO
    return tuple(
        MethodOption(method, pickup_fee if method is ReturnMethod.SCHEDULE_PICKUP else ZERO)
        for method in policy.methods.enabled
    )


def quote_return(
    request: ReturnRequest,
    *,
    resolution: Resolution,
    method: ReturnMethod | None,
    customer: Customer,
    catalog: Catalog,
    policy: Policy,
    exchange_item_ids: Mapping[int, str] | None = None,
) -> ReturnQuote:
    """Check a complete set of choices against the options and price it.

    Raises `NotEligible` for a choice the policy does not allow here and
    `InvalidRequest` for a missing one (a method when items ship, a variant per line).
    """
    options = return_options(request, customer=customer, catalog=catalog, policy=policy)
    kept = options.kept_line_nos
    fees: tuple[Fee, ...] = ()
    bonus = refund = difference = ZERO
    chosen_items: dict[int, str] = {}

    if resolution is Resolution.KEEP_WITH_DISCOUNT:
        offer = options.offer
        if offer is None or offer.kind is not OfferKind.KEEP_WITH_DISCOUNT:
            raise NotEligible("Keeping the item with a partial refund isn't offered here.")
        kept, refund = frozenset(item.line_no for item in request.items), offer.amount
    else:
        allowed = {option.resolution: option for option in options.resolutions}
        if resolution not in allowed:
            raise NotEligible(f"{resolution.value.replace('_', ' ').lower()} isn't available.")
        if resolution is Resolution.EXCHANGE:
            offered = offered_variants(request, catalog, policy)
            chosen = choose_variants(request.lines, exchange_item_ids or {}, offered)
            difference = total_difference(request.lines, chosen)
            chosen_items = {line_no: variant.item_id for line_no, variant in chosen.items()}

    shipped = frozenset(item.line_no for item in request.items) - kept
    _check_method(request, resolution, method, shipped, customer, catalog, policy)

    if resolution is Resolution.REFUND:
        fees = _resolution_fees(request, customer, catalog, policy)
        picked_up = method is ReturnMethod.SCHEDULE_PICKUP and not options.pickup_only
        if picked_up and options.fault is Fault.CUSTOMER:
            fees += (Fee(FeeKind.PICKUP, policy.fees.pickup.amount),)
        refund = max(ZERO, options.items_total - total(fee.amount for fee in fees))
    elif resolution is Resolution.STORE_CREDIT:
        bonus = store_credit_bonus(options.items_total, policy)
        refund = options.items_total + bonus

    fees_total = options.items_total - refund if resolution is Resolution.REFUND else ZERO
    return ReturnQuote(
        resolution=resolution,
        method=method,
        fault=options.fault,
        items_total=options.items_total,
        fees=fees,
        fees_total=fees_total,
        bonus=bonus,
        refund_amount=refund,
        exchange_difference=difference,
        exchange_item_ids=chosen_items,
        kept_line_nos=kept,
        shipped_line_nos=shipped,
        needs_review=options.needs_review,
    )


def store_credit_bonus(items_total: Decimal, policy: Policy) -> Decimal:
    rule = policy.store_credit
    return min(round_cents(percent_of(items_total, rule.bonus_percent)), rule.bonus_cap)


def store_credit_destinations(customer: Customer) -> tuple[str, ...]:
    """The shopper's gift cards, then `NEW_GIFT_CARD`."""
    return (*(card.id for card in customer.gift_cards), NEW_GIFT_CARD)


def _resolution_fees(
    request: ReturnRequest, customer: Customer, catalog: Catalog, policy: Policy
) -> tuple[Fee, ...]:
    """The REFUND fees that do not depend on the method: return shipping."""
    kept = kept_line_nos(request, policy)
    if len(kept) == len(request.items) or _goes_by_pickup(request, kept, catalog, policy):
        return ()
    shipping = policy.fees.return_shipping
    if return_fault(request, policy) is Fault.CUSTOMER and customer.tier in shipping.tiers:
        return (Fee(FeeKind.RETURN_SHIPPING, shipping.amount),)
    return ()


def _goes_by_pickup(
    request: ReturnRequest, kept: frozenset[int], catalog: Catalog, policy: Policy
) -> bool:
    """One shipped pickup-only item sends the whole return by (free) pickup."""
    return any(
        is_pickup_only(line, catalog, policy) for line in request.lines if line.line_no not in kept
    )


def _check_method(
    request: ReturnRequest,
    resolution: Resolution,
    method: ReturnMethod | None,
    shipped: frozenset[int],
    customer: Customer,
    catalog: Catalog,
    policy: Policy,
) -> None:
    if not shipped:
        if method is not None:
            raise InvalidRequest("Nothing needs to be sent back, so no return method is needed.")
        return
    if method is None:
        raise InvalidRequest("Choose how you'd like to send the items back.")
    allowed = method_options(
        request, resolution=resolution, customer=customer, catalog=catalog, policy=policy
    )
    if method not in {option.method for option in allowed}:
        raise NotEligible(f"{method.value.replace('_', ' ').lower()} isn't available here.")
