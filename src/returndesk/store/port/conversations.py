"""Each thread's conversation state, versioned so concurrent writers cannot lose an update,
and the log of what each turn did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class StoredState:
    data: dict[str, Any]
    # 0 when the thread has no state yet.
    version: int


@dataclass(frozen=True, slots=True)
class CustomerThread:
    """A conversation in which a shopper verified as the customer."""

    thread_id: str
    owner_id: str
    title: str | None
    created_at: datetime
    updated_at: datetime


class Conversations(Protocol):
    async def read_state(self, thread_id: str) -> StoredState: ...

    async def save_state(
        self,
        *,
        thread_id: str,
        owner_id: str,
        customer_id: str | None,
        data: dict[str, Any],
        expected_version: int,
        at: datetime,
    ) -> bool:
        """Write the state as version `expected_version + 1`. False when another writer is
        known to have written since `expected_version`; a write found out only at commit
        makes the unit of work raise `Contention` or `Duplicate` instead."""
        ...

    async def customer_threads(self, customer_id: str) -> list[CustomerThread]:
        """Newest first."""
        ...

    async def verified_as(self, owner_id: str, customer_id: str) -> bool:
        """Whether the visitor verified as the customer in one of their conversations."""
        ...

    async def log_event(
        self,
        *,
        thread_id: str,
        at: datetime,
        customer_id: str | None,
        event: str,
        flow: str,
        step: str,
        answers: dict[str, bool],
    ) -> None:
        """Add one applied event to the conversation's log, in the turn's unit of work."""
        ...
