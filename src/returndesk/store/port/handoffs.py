"""Hand-offs to a person, moved from one status to the next only from the one expected,
so of two requests racing to move one, one wins."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from returndesk.domain.handoffs import Handoff, HandoffStatus


class Handoffs(Protocol):
    async def get(self, handoff_id: int) -> Handoff | None: ...

    async def active(self, thread_id: str) -> Handoff | None:
        """The thread's hand-off that is waiting or claimed, if there is one."""
        ...

    async def listed(
        self, statuses: Sequence[HandoffStatus], *, newest_first: bool, limit: int
    ) -> list[Handoff]: ...

    async def active_counts(self) -> dict[HandoffStatus, int]: ...

    async def add(
        self,
        *,
        thread_id: str | None,
        customer_id: str | None,
        summary: str,
        at: datetime,
        order_id: str | None,
        rma: str | None,
    ) -> int:
        """A new open hand-off; its number."""
        ...

    async def mark_claimed(self, handoff_id: int, staff_id: int, at: datetime) -> bool:
        """False when it was not open any more: someone else claimed or ended it first."""
        ...

    async def mark_replied(self, handoff_id: int, staff_id: int, at: datetime) -> bool | None:
        """Record a reply by the holder: True for their first, False for a later one; None
        when they no longer hold it (handed back or closed by another request meanwhile).
        A hand-back or close racing the reply comes after it, never between its check and
        its commit."""
        ...

    async def mark_over(
        self,
        handoff_id: int,
        *,
        was: HandoffStatus,
        now: HandoffStatus,
        at: datetime,
        note: str | None,
    ) -> bool:
        """False when it was not `was` any more: another request moved it first."""
        ...
