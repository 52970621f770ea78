"""A return request (order lines with their reasons) and the facts the policy derives from it.

Reasons are per line: one return may hold a shirt that is too small and a
kettle that arrived broken. Fees are per return, so a mixed return needs one
answer to "whose fault is it?": the shopper's as soon as one line is the
shopper's fault (`return_fault`). Merchant-fault lines still never pay a fee
on their own, since a return that is wholly the merchant's fault is free.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from returndesk.domain.catalog import Catalog, Variant
from returndesk.domain.codes import Fault, ReasonCode
from returndesk.domain.exchanges import exchange_variants
from returndesk.domain.money import total
from returndesk.domain.orders import Order, OrderLine
from returndesk.domain.policy import Policy
from returndesk.errors import InvalidRequest


@dataclass(frozen=True, slots=True)
class ReturnItem:
    """One order line to return, and why. `note` is required for some reasons (OTHER)."""

    line_no: int
    reason: ReasonCode
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ReturnRequest:
    """Lines of one order to return together; built from the conversation's answers."""

    order: Order
    items: tuple[ReturnItem, ...]

    def __post_init__(self) -> None:
        if not self.items:
            raise InvalidRequest("Choose at least one item to return.")
        line_nos = [item.line_no for item in self.items]
        if len(set(line_nos)) != len(line_nos):
            raise InvalidRequest("Each item can be chosen only once.")
        known = {line.line_no for line in self.order.lines}
        for line_no in line_nos:
            if line_no not in known:
                raise InvalidRequest(f"Order {self.order.id} has no item number {line_no}.")

    @property
    def lines(self) -> tuple[OrderLine, ...]:
        return tuple(self.order.line(item.line_no) for item in self.items)

    @property
    def pairs(self) -> tuple[tuple[ReturnItem, OrderLine], ...]:
        return tuple((item, self.order.line(item.line_no)) for item in self.items)

    @property
    def items_total(self) -> Decimal:
        return total(line.price for line in self.lines)


def reason_fault(reason: ReasonCode, policy: Policy) -> Fault:
    if reason not in policy.reasons:
        raise InvalidRequest(f"{reason} is not a return reason this store accepts.")
    return policy.reason(reason).fault


def return_fault(request: ReturnRequest, policy: Policy) -> Fault:
    """The shopper's fault if any line is; the merchant's only if every line is."""
    faults = {reason_fault(item.reason, policy) for item in request.items}
    return Fault.CUSTOMER if Fault.CUSTOMER in faults else Fault.MERCHANT


def offered_variants(
    request: ReturnRequest, catalog: Catalog, policy: Policy
) -> dict[int, tuple[Variant, ...]]:
    """What each line may be exchanged for: with a reason that is the store's fault, the
    very same variant first (a replacement), then the others."""
    replacement = policy.exchanges.replacement_reasons
    reasons = {item.line_no: item.reason for item in request.items}
    return {
        line.line_no: exchange_variants(
            line, catalog, replacement=reasons[line.line_no] in replacement
        )
        for line in request.lines
    }


def lines_missing_note(request: ReturnRequest, policy: Policy) -> tuple[int, ...]:
    """Line numbers whose reason requires a note that has not been given."""
    return tuple(
        item.line_no
        for item in request.items
        if item.reason in policy.reasons
        and policy.reason(item.reason).note_required
        and not (item.note and item.note.strip())
    )


def validate_request(request: ReturnRequest, policy: Policy) -> None:
    """Every reason is one the store accepts and every required note is there."""
    for item in request.items:
        reason_fault(item.reason, policy)
    missing = lines_missing_note(request, policy)
    if missing:
        raise InvalidRequest("Please add a short note saying what is wrong with the item.")


def kept_line_nos(request: ReturnRequest, policy: Policy) -> frozenset[int]:
    """Merchant-fault lines cheap enough to refund without sending them back ("keep it")."""
    return frozenset(
        line.line_no
        for item, line in request.pairs
        if reason_fault(item.reason, policy) is Fault.MERCHANT
        and line.price <= policy.keep_it.max_item_price
    )


def is_pickup_only(line: OrderLine, catalog: Catalog, policy: Policy) -> bool:
    rule = policy.methods.pickup_only
    category = catalog.product(line.product_id).category
    return category in rule.categories or line.product_id in rule.product_ids


def needs_review(request: ReturnRequest, policy: Policy) -> bool:
    """An expensive item or a large return waits for a person before approval."""
    thresholds = policy.review
    return (
        any(line.price >= thresholds.item_price_at_least for line in request.lines)
        or request.items_total >= thresholds.return_total_at_least
    )
