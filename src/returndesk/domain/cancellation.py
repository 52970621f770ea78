"""Cancelling a whole order: only while it is pending, for one of the policy's reasons.

The money goes back to the method(s) that paid, net of any earlier refunds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from returndesk.domain.customers import Customer, PaymentSource
from returndesk.domain.money import ZERO, total
from returndesk.domain.orders import Order, OrderStatus
from returndesk.domain.policy import Policy
from returndesk.domain.status_text import refund_timing
from returndesk.errors import InvalidRequest, NotEligible


@dataclass(frozen=True, slots=True)
class CancellationCheck:
    allowed: bool
    message: str


@dataclass(frozen=True, slots=True)
class PlannedRefund:
    payment_method_id: str
    source: PaymentSource
    amount: Decimal
    timing: str


@dataclass(frozen=True, slots=True)
class CancellationPlan:
    order_id: str
    reason: str
    refunds: tuple[PlannedRefund, ...]

    @property
    def total(self) -> Decimal:
        return total(refund.amount for refund in self.refunds)


def check_order_cancellation(order: Order, customer: Customer) -> CancellationCheck:
    if order.customer_id != customer.id:
        return CancellationCheck(False, "I can't find that order on your account.")
    match order.status:
        case OrderStatus.PENDING:
            return CancellationCheck(True, "This order hasn't shipped yet, so it can be cancelled.")
        case OrderStatus.PENDING_ITEMS_MODIFIED:
            return CancellationCheck(
                False,
                "This order's items were changed, so it can no longer be cancelled; "
                "once it arrives you can return it.",
            )
        case OrderStatus.PROCESSED:
            return CancellationCheck(
                False,
                "This order has already shipped, so it can't be cancelled; "
                "once it arrives you can return it.",
            )
        case OrderStatus.DELIVERED:
            return CancellationCheck(
                False, "This order has been delivered; you can return its items instead."
            )
        case OrderStatus.CANCELLED:
            return CancellationCheck(False, "This order is already cancelled.")


def cancellation_reason(text: str, policy: Policy) -> str:
    """The policy's wording of the reason the shopper gave, ignoring case and spaces."""
    wanted = " ".join(text.split()).casefold()
    for reason in policy.order_cancellation.reasons:
        if reason.casefold() == wanted:
            return reason
    accepted = " or ".join(f"'{reason}'" for reason in policy.order_cancellation.reasons)
    raise InvalidRequest(f"An order can be cancelled as {accepted}.")


def plan_order_cancellation(
    order: Order, *, customer: Customer, reason: str, policy: Policy
) -> CancellationPlan:
    """The refunds cancelling `order` would make; raises `NotEligible` if it cannot be."""
    check = check_order_cancellation(order, customer)
    if not check.allowed:
        raise NotEligible(check.message)
    refunds = []
    for payment_method_id, amount in order.net_paid_by_method().items():
        if amount <= ZERO:
            continue
        method = customer.payment_method(payment_method_id)
        timing = refund_timing(method, waits_for_items=False, policy=policy)
        refunds.append(PlannedRefund(payment_method_id, method.source, amount, timing))
    return CancellationPlan(order.id, cancellation_reason(reason, policy), tuple(refunds))
