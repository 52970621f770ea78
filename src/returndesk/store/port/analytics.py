"""The figures behind the staff dashboard, counted over a period.

A period is a half-open range of UTC instants, [start, end).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, Protocol

ReturnField = Literal["reason", "resolution", "method"]

# The log's entry for the returns flow showing its retention offer.
OFFER_STEP = ("return", "offer")
OFFER_ANSWER = "answer_offer"
VERIFY = "verify"


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    returns: int
    exchanges: int


@dataclass(frozen=True, slots=True)
class Settled:
    """Returns of one resolution that were settled (refunded or exchanged) in the period."""

    resolution: str
    count: int
    refund_cents: int
    items_total_cents: int


@dataclass(frozen=True, slots=True)
class ConversationCounts:
    started: int
    handed_off: int
    offers_shown: int
    offers_accepted: int
    verification_failures: int


class Analytics(Protocol):
    async def returns_per_day(self, start: datetime, end: datetime) -> list[DayCount]: ...

    async def returns_by(
        self, field: ReturnField, start: datetime, end: datetime
    ) -> list[tuple[str | None, int]]:
        """How many returns made in the period had each value of `field`, most first."""
        ...

    async def settled(self, start: datetime, end: datetime) -> list[Settled]:
        """By resolution: the returns whose money moved in the period, with its amounts."""
        ...

    async def refund_durations(
        self, start: datetime, end: datetime
    ) -> Sequence[tuple[datetime, datetime]]:
        """(requested, refunded) of each return refunded in the period."""
        ...

    async def conversation_counts(self, start: datetime, end: datetime) -> ConversationCounts: ...
