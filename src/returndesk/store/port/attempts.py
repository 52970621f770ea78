"""Counting failed verifications per owner and per client address, across all processes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol


@dataclass(frozen=True, slots=True)
class AttemptLimit:
    key: str
    max_failures: int


@dataclass(frozen=True, slots=True)
class Standing:
    """What earlier failures say about a new attempt."""

    # The latest lock-out still running for any of the keys, if one is.
    locked_until: datetime | None
    # Failures counted against the first key, which a success clears.
    first_key_failed: bool


@dataclass(frozen=True, slots=True)
class Lockout:
    # `owner:<visitor>`, `address:<client address>`, `staff:<email>` or `staff-address:<address>`.
    key: str
    failures: int
    locked_until: datetime


class Attempts(Protocol):
    async def standing(self, keys: Sequence[str], now: datetime) -> Standing: ...

    async def record_failure(
        self, limits: Sequence[AttemptLimit], *, now: datetime, window: timedelta
    ) -> None:
        """Count one failure against each key; a key reaching its limit is locked for
        `window`."""
        ...

    async def forget(self, key: str) -> None:
        """A success clears the key's count."""
        ...

    async def running_lockouts(
        self, now: datetime, keys: Sequence[str] | None = None
    ) -> list[Lockout]:
        """Lock-outs still running, soonest to end first; among `keys` when they are given."""
        ...

    async def lift(self, key: str) -> bool:
        """End a lock-out and forget its failures; False when there was none under `key`."""
        ...
