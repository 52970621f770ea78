"""Orders: one line per unit, fulfilments with tracking numbers, payment history."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from returndesk.domain.addresses import Address
from returndesk.domain.dates import require_aware
from returndesk.domain.money import ZERO, total
from returndesk.errors import NotFound


class OrderStatus(StrEnum):
    PENDING = "pending"
    # Still to ship, but its items were switched once: it can no longer change or cancel.
    PENDING_ITEMS_MODIFIED = "pending (items modified)"
    PROCESSED = "processed"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class TransactionKind(StrEnum):
    PAYMENT = "payment"
    REFUND = "refund"
    # The price difference of switched items: positive, the shopper paid it; negative,
    # it went back to them. Its amount carries that sign; the other kinds' never do.
    DIFFERENCE = "difference"


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One unit of one variant. The same `item_id` may appear on several lines,
    so a line is identified by its `line_no` within the order."""

    line_no: int
    item_id: str
    product_id: str
    name: str
    options: Mapping[str, str]
    price: Decimal
    final_sale: bool = False


@dataclass(frozen=True, slots=True)
class Fulfilment:
    tracking_ids: tuple[str, ...]
    item_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PaymentTransaction:
    kind: TransactionKind
    amount: Decimal
    payment_method_id: str


@dataclass(frozen=True, slots=True)
class Order:
    id: str
    customer_id: str
    status: OrderStatus
    placed_at: datetime
    lines: tuple[OrderLine, ...]
    delivered_at: datetime | None = None
    fulfilments: tuple[Fulfilment, ...] = ()
    payments: tuple[PaymentTransaction, ...] = ()
    # Where it ships; None only where a caller has no address to give (rule tests).
    address: Address | None = None

    def __post_init__(self) -> None:
        require_aware(self.placed_at, "placed_at")
        if self.delivered_at is not None:
            require_aware(self.delivered_at, "delivered_at")
        if (self.status is OrderStatus.DELIVERED) != (self.delivered_at is not None):
            raise ValueError(f"order {self.id}: delivered_at is set exactly when it is delivered")
        line_nos = [line.line_no for line in self.lines]
        if len(set(line_nos)) != len(line_nos):
            raise ValueError(f"order {self.id}: line numbers repeat: {line_nos}")

    def line(self, line_no: int) -> OrderLine:
        for line in self.lines:
            if line.line_no == line_no:
                return line
        raise NotFound(f"Order {self.id} has no line {line_no}.")

    @property
    def items_total(self) -> Decimal:
        return total(line.price for line in self.lines)

    @property
    def tracking_ids(self) -> tuple[str, ...]:
        return tuple(tid for fulfilment in self.fulfilments for tid in fulfilment.tracking_ids)

    @property
    def original_payment_method_id(self) -> str | None:
        """Where refunds go: the method of the first payment."""
        for transaction in self.payments:
            if transaction.kind is TransactionKind.PAYMENT:
                return transaction.payment_method_id
        return None

    def net_paid_by_method(self) -> dict[str, Decimal]:
        """Payments minus refunds, per payment method, in order of first use."""
        net: dict[str, Decimal] = {}
        for transaction in self.payments:
            sign = -1 if transaction.kind is TransactionKind.REFUND else 1
            previous = net.get(transaction.payment_method_id, ZERO)
            net[transaction.payment_method_id] = previous + sign * transaction.amount
        return net
