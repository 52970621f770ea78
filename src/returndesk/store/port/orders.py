"""Orders with their lines, fulfilments and payment history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from returndesk.domain import Address, Order, OrderLine, OrderStatus, TransactionKind


def normalize_order_id(text: str) -> str:
    """`#W2611340`, also typed as `w2611340` or `W2611340`."""
    cleaned = text.strip().upper().lstrip("#")
    return f"#{cleaned}"


class Orders(Protocol):
    async def get(self, order_id: str, *, for_update: bool = False) -> Order:
        """`for_update`: changes to the order by others wait until this unit of work ends
        (or, where the database cannot wait, make its writes fail and be retried).
        Raises `NotFound`."""
        ...

    async def customer_order(self, customer_id: str, order_id: str) -> Order:
        """The order if it belongs to `customer_id`; another customer's order is not found."""
        ...

    async def customer_orders(self, customer_id: str) -> Sequence[Order]:
        """A customer's orders, newest first."""
        ...

    async def customer_order_statuses(self, customer_id: str) -> Sequence[tuple[str, OrderStatus]]:
        """The ids and statuses of a customer's orders, in `customer_orders` order."""
        ...

    async def set_status(self, order_id: str, status: OrderStatus) -> None: ...

    async def mark_cancelled(self, order_id: str, *, at: datetime, reason: str) -> None: ...

    async def set_address(self, order_id: str, address: Address) -> None: ...

    async def replace_lines(self, order_id: str, lines: Sequence[OrderLine]) -> None:
        """Each given line replaces the order's line of the same number."""
        ...

    async def add_payment(
        self,
        order_id: str,
        *,
        kind: TransactionKind,
        amount: Decimal,
        payment_method_id: str,
        at: datetime,
    ) -> None:
        """Append one line to the order's payment history."""
        ...
