"""What browsers are told as it happens: written in the unit of work of the change it
announces, read by every process's live feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol


class Audience(StrEnum):
    STAFF = "staff"
    # The thread's owner only: what the team does not need twice (who is handling it).
    SHOPPER = "shopper"
    BOTH = "both"


@dataclass(frozen=True, slots=True)
class LiveEvent:
    id: int
    at: datetime
    audience: Audience
    thread_id: str | None
    kind: str
    data: dict[str, Any]

    @property
    def for_staff(self) -> bool:
        return self.audience is not Audience.SHOPPER

    def for_thread(self, thread_id: str) -> bool:
        return self.thread_id == thread_id and self.audience is not Audience.STAFF


class LiveEvents(Protocol):
    async def publish(
        self,
        *,
        at: datetime,
        audience: Audience,
        thread_id: str | None,
        kind: str,
        data: dict[str, Any],
    ) -> None: ...

    async def events_after(self, after: int, *, limit: int) -> list[LiveEvent]:
        """Every event after id `after`, oldest first: what a process passes on to its
        browsers."""
        ...

    async def staff_events_after(
        self, after: int, *, recent_since: datetime, limit: int
    ) -> list[LiveEvent]:
        """What a reconnecting staff browser missed: the events after `after`, and those
        written since `recent_since` (an event with a smaller id may commit after a larger
        one the browser saw; it dedupes by id)."""
        ...

    async def thread_events_after(
        self, thread_id: str, after: int, *, recent_since: datetime, limit: int
    ) -> list[LiveEvent]:
        """What a reconnecting shopper missed of their own thread (see
        `staff_events_after`)."""
        ...

    async def latest_event_id(self) -> int: ...

    async def forget_events_before(self, before: datetime) -> int:
        """Drop events too old for any browser to still be catching up on; how many."""
        ...
