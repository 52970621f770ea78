"""Can this order line be returned? The first failing rule answers, in policy order.

Rules, in the order the shopper hears them: the order is theirs, it has been
delivered, the line is not final sale, a hygiene seal is unbroken, the window
is open, the line is not already held by a return.

A hygiene-sealed item whose seal nobody has asked about yet is not refused:
the later rules are checked first, and only if they all pass is the answer
"ask the shopper" (`NEEDS_HYGIENE_ANSWER`). Asking about a seal is pointless
when the window has closed anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from returndesk.domain.catalog import Catalog, Product
from returndesk.domain.customers import Customer
from returndesk.domain.dates import format_day, local_date, require_aware
from returndesk.domain.lifecycle import ACTIVE, ReturnStatus
from returndesk.domain.orders import Order, OrderLine, OrderStatus
from returndesk.domain.policy import Policy
from returndesk.domain.windows import return_deadline
from returndesk.errors import NotEligible


class Outcome(StrEnum):
    ELIGIBLE = "eligible"
    NEEDS_HYGIENE_ANSWER = "needs_hygiene_answer"
    NOT_YOUR_ORDER = "not_your_order"
    NOT_DELIVERED = "not_delivered"
    FINAL_SALE = "final_sale"
    HYGIENE_SEAL_OPENED = "hygiene_seal_opened"
    WINDOW_EXPIRED = "window_expired"
    ALREADY_IN_RETURN = "already_in_return"


@dataclass(frozen=True, slots=True)
class LineEligibility:
    order_id: str
    line_no: int
    item_id: str
    outcome: Outcome
    # The last day to start a return; known once the order is delivered.
    deadline: date | None
    # One sentence for the shopper.
    message: str

    @property
    def eligible(self) -> bool:
        return self.outcome is Outcome.ELIGIBLE


@dataclass(frozen=True, slots=True)
class ExistingReturn:
    """What eligibility needs to know about a return already on file."""

    rma: str
    order_id: str
    status: ReturnStatus
    line_nos: frozenset[int]


def held_line_nos(returns: Iterable[ExistingReturn], order_id: str) -> frozenset[int]:
    """Lines of `order_id` held by a return that has not been cancelled, rejected or expired."""
    return frozenset(
        line_no
        for existing in returns
        if existing.order_id == order_id and existing.status in ACTIVE
        for line_no in existing.line_nos
    )


def check_line(
    line: OrderLine,
    *,
    order: Order,
    customer: Customer,
    product: Product,
    policy: Policy,
    now: datetime,
    held_line_nos: AbstractSet[int] = frozenset(),
    seal_opened: bool | None = None,
) -> LineEligibility:
    """Whether `line` of `order` can be returned by `customer` at `now`.

    `seal_opened` is the shopper's answer for hygiene-sealed products (None: not asked yet);
    `held_line_nos` are this order's lines held by active returns (see `held_line_nos`).
    """
    require_aware(now, "now")

    def outcome(kind: Outcome, message: str, deadline: date | None = None) -> LineEligibility:
        return LineEligibility(order.id, line.line_no, line.item_id, kind, deadline, message)

    if order.customer_id != customer.id:
        return outcome(Outcome.NOT_YOUR_ORDER, "I can't find that order on your account.")
    if order.status is not OrderStatus.DELIVERED or order.delivered_at is None:
        return outcome(Outcome.NOT_DELIVERED, _not_delivered_message(order.status))

    deadline = return_deadline(order.delivered_at, customer.tier, product, policy)
    if line.final_sale and not policy.final_sale.returnable:
        message = "This item was sold as final sale, so it can't be returned."
        return outcome(Outcome.FINAL_SALE, message, deadline)

    seal_rule_applies = product.hygiene_sealed and not policy.hygiene.returnable_when_opened
    if seal_rule_applies and seal_opened:
        message = (
            f"For hygiene reasons, the {line.name} can only be returned with its seal unbroken."
        )
        return outcome(Outcome.HYGIENE_SEAL_OPENED, message, deadline)

    if local_date(now, policy.zone) > deadline:
        message = f"The return window for this item closed on {format_day(deadline)}."
        return outcome(Outcome.WINDOW_EXPIRED, message, deadline)
    if line.line_no in held_line_nos:
        message = "This item is already part of a return."
        return outcome(Outcome.ALREADY_IN_RETURN, message, deadline)

    if seal_rule_applies and seal_opened is None:
        message = (
            f"Is the seal on the {line.name} still unbroken? "
            "For hygiene reasons it can only be returned unopened."
        )
        return outcome(Outcome.NEEDS_HYGIENE_ANSWER, message, deadline)
    message = f"You can return this item until {format_day(deadline)}."
    return outcome(Outcome.ELIGIBLE, message, deadline)


def check_order(
    order: Order,
    *,
    customer: Customer,
    catalog: Catalog,
    policy: Policy,
    now: datetime,
    held_line_nos: AbstractSet[int] = frozenset(),
    seal_answers: Mapping[int, bool] | None = None,
) -> tuple[LineEligibility, ...]:
    """`check_line` for every line of `order`; `seal_answers` maps line numbers to "opened"."""
    answers = seal_answers or {}
    return tuple(
        check_line(
            line,
            order=order,
            customer=customer,
            product=catalog.product(line.product_id),
            policy=policy,
            now=now,
            held_line_nos=held_line_nos,
            seal_opened=answers.get(line.line_no),
        )
        for line in order.lines
    )


def require_eligible(results: Iterable[LineEligibility]) -> None:
    """Raise `NotEligible` with the first refusal's message; the write path's last check."""
    for result in results:
        if not result.eligible:
            raise NotEligible(result.message)


def _not_delivered_message(status: OrderStatus) -> str:
    match status:
        case OrderStatus.PENDING:
            return (
                "This order hasn't shipped yet, so there is nothing to return; "
                "a pending order can be cancelled instead."
            )
        case OrderStatus.PENDING_ITEMS_MODIFIED:
            return (
                "This order hasn't shipped yet, so there is nothing to return; "
                "it can be returned once it has been delivered."
            )
        case OrderStatus.PROCESSED:
            return "This order is on its way; it can be returned once it has been delivered."
        case OrderStatus.CANCELLED:
            return "This order was cancelled, so there is nothing to return."
        case OrderStatus.DELIVERED:
            return "This order has no delivery date, so its return window is unknown."
