"""The staff queue of returns: filtered, searched and paged by the database.

Pages are keyset pages, newest first: a page starts strictly after the last row
of the one before, by (created_at, rma), so reading page 500 costs what page 1
costs, and a return arriving meanwhile does not shift what follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from returndesk.domain import ReasonCode, Resolution, ReturnMethod, ReturnStatus


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """Each part narrows the queue; an empty tuple or None leaves that part open."""

    statuses: tuple[ReturnStatus, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    methods: tuple[ReturnMethod, ...] = ()
    created_from: datetime | None = None
    created_before: datetime | None = None
    # On the value of the returned items, in cents.
    min_items_total_cents: int | None = None
    max_items_total_cents: int | None = None
    # A return number, an order id, a customer's email, or a customer's name.
    search: str | None = None
    customer_id: str | None = None


@dataclass(frozen=True, slots=True, order=True)
class QueuePosition:
    """Where a page ended: the next page starts after this return."""

    created_at: datetime
    rma: str


@dataclass(frozen=True, slots=True)
class QueueEntry:
    rma: str
    status: ReturnStatus
    created_at: datetime
    order_id: str
    customer_id: str
    customer_name: str
    customer_email: str
    reason: ReasonCode
    resolution: Resolution
    method: ReturnMethod | None
    items_total: Decimal
    refund_amount: Decimal
    item_count: int

    @property
    def position(self) -> QueuePosition:
        return QueuePosition(self.created_at, self.rma)


class ReturnQueue(Protocol):
    async def page(
        self, queue_filter: QueueFilter, *, after: QueuePosition | None, limit: int
    ) -> Sequence[QueueEntry]:
        """Up to `limit` returns, newest first, after `after` when it is given."""
        ...

    async def review_count(self) -> int:
        """Returns waiting for a person's decision, for the console's header."""
        ...
