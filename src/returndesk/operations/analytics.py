"""The staff dashboard: how returns went over a period, in figures a manager reads at a glance.

Definitions, each over the period's UTC days, both ends included:

- returns and exchanges per day, and the shares by reason, resolution and method,
  count the returns *made* in the period;
- refunded amount, store credit issued, and revenue kept by exchanges and by
  accepted keep-it offers count the returns *settled* in the period (their
  money moved: refunded or exchanged). Revenue kept by an exchange is the value
  of the items exchanged; by a keep-it offer, the value kept less the discount;
- retention offers shown and accepted count the conversations that reached the
  offer, and those that took it;
- containment is the share of conversations started in the period that ended
  without a hand-off to a person;
- verification failures count failed attempts to verify in a conversation;
- the median time to refund runs from a return's request to its refund, for the
  returns refunded in the period.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from returndesk.domain import from_cents
from returndesk.errors import InvalidRequest
from returndesk.operations.context import Operations
from returndesk.store.port.analytics import ConversationCounts, DayCount, Settled

MAX_PERIOD_DAYS = 366
DEFAULT_PERIOD_DAYS = 30


@dataclass(frozen=True, slots=True)
class Period:
    """Whole UTC days, `first` to `last` included."""

    first: date
    last: date

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time(), tzinfo=UTC)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time(), tzinfo=UTC)

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def period(first: date | None, last: date | None, *, today: date) -> Period:
    """The period asked for; by default the 30 days up to today. Too long or reversed: 400."""
    last = last or today
    first = first or last - timedelta(days=DEFAULT_PERIOD_DAYS - 1)
    if first > last:
        raise InvalidRequest("The period's first day comes after its last.")
    if (last - first).days + 1 > MAX_PERIOD_DAYS:
        raise InvalidRequest(f"A period is at most {MAX_PERIOD_DAYS} days.")
    return Period(first, last)


@dataclass(frozen=True, slots=True)
class Money:
    refunded: Decimal
    store_credit: Decimal
    kept_by_exchanges: Decimal
    kept_by_offers: Decimal


@dataclass(frozen=True, slots=True)
class Analytics:
    period: Period
    # Every day of the period, in order; days without returns count zero.
    per_day: Sequence[DayCount]
    by_reason: Sequence[tuple[str, int]]
    by_resolution: Sequence[tuple[str, int]]
    by_method: Sequence[tuple[str, int]]
    money: Money
    conversations: ConversationCounts
    median_hours_to_refund: float | None

    @property
    def containment(self) -> float | None:
        """The share of conversations that ended without a person; None without any."""
        started = self.conversations.started
        if not started:
            return None
        return (started - self.conversations.handed_off) / started


async def analytics(ops: Operations, asked: Period) -> Analytics:
    start, end = asked.start, asked.end
    async with ops.storage.reading() as repositories:
        counted = {day.day: day for day in await repositories.analytics.returns_per_day(start, end)}
        by_reason = await repositories.analytics.returns_by("reason", start, end)
        by_resolution = await repositories.analytics.returns_by("resolution", start, end)
        by_method = await repositories.analytics.returns_by("method", start, end)
        money = _money(await repositories.analytics.settled(start, end))
        durations = await repositories.analytics.refund_durations(start, end)
        conversations = await repositories.analytics.conversation_counts(start, end)
    hours = [(refunded - requested).total_seconds() / 3600 for requested, refunded in durations]
    return Analytics(
        period=asked,
        per_day=[counted.get(day, DayCount(day, 0, 0)) for day in asked.days],
        by_reason=[(value or "", count) for value, count in by_reason],
        by_resolution=[(value or "", count) for value, count in by_resolution],
        # A return whose items stay with the shopper has no method.
        by_method=[(value or "NONE", count) for value, count in by_method],
        money=money,
        conversations=conversations,
        median_hours_to_refund=statistics.median(hours) if hours else None,
    )


def _money(rows: Sequence[Settled]) -> Money:
    nothing = Settled("", 0, 0, 0)
    by_resolution = {row.resolution: row for row in rows}
    refund = by_resolution.get("REFUND", nothing)
    credit = by_resolution.get("STORE_CREDIT", nothing)
    exchange = by_resolution.get("EXCHANGE", nothing)
    kept = by_resolution.get("KEEP_WITH_DISCOUNT", nothing)
    return Money(
        refunded=from_cents(refund.refund_cents),
        store_credit=from_cents(credit.refund_cents),
        kept_by_exchanges=from_cents(exchange.items_total_cents),
        kept_by_offers=from_cents(kept.items_total_cents - kept.refund_cents),
    )
