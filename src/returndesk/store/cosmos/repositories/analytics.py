"""The figures behind the staff dashboard on Cosmos DB, counted over a period.

A period is a half-open range of UTC instants, [start, end). Each figure reads only the
documents of its period across the partitions (returns from the customers container,
the conversation log and thread starts from the threads container, hand-offs from the
desk's "handoffs" partition) and is grouped here: instants are stored as fixed-width
UTC text, so the period is a range over that text and a day is its first ten characters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime

from returndesk.store.cosmos.containers import CUSTOMERS, DESK, THREADS
from returndesk.store.cosmos.documents import instant, stamp
from returndesk.store.cosmos.repositories.handoffs import HANDOFFS_PARTITION
from returndesk.store.cosmos.unit_of_work import Unit
from returndesk.store.port.analytics import (
    OFFER_ANSWER,
    OFFER_STEP,
    VERIFY,
    ConversationCounts,
    DayCount,
    ReturnField,
    Settled,
)

# The statuses a return reaches when its money moves.
_SETTLING = ("refunded", "exchanged")
_REFUNDED = "refunded"
_EXCHANGE = "EXCHANGE"

_MADE_IN_PERIOD = (
    "SELECT c.created_at, c.reason, c.resolution, c.method FROM c WHERE c.type = 'return'"
    " AND c.created_at >= @start AND c.created_at < @end"
)
_SETTLED_IN_PERIOD = (
    "SELECT c.resolution, c.refund_cents, c.items_total_cents FROM c WHERE c.type = 'return'"
    " AND EXISTS(SELECT VALUE e FROM e IN c.events WHERE ARRAY_CONTAINS(@settling, e.to_status)"
    " AND e.at >= @start AND e.at < @end)"
)
_REFUNDED_IN_PERIOD = (
    "SELECT c.created_at, e.at FROM c JOIN e IN c.events WHERE c.type = 'return'"
    " AND e.to_status = @refunded AND e.at >= @start AND e.at < @end"
)
_STARTED = (
    "SELECT c.thread_id FROM c WHERE c.type = 'thread'"
    " AND c.created_at >= @start AND c.created_at < @end"
)
# A hand-off comes after the start of its conversation, so one made before the period
# cannot be of a conversation started in it.
_HANDOFFS_SINCE = "SELECT c.thread_id FROM c WHERE c.type = 'handoff' AND c.created_at >= @start"
_LOG_IN_PERIOD = (
    "SELECT c.thread_id, c.customer_id, c.event, c.flow, c.step, c.answers FROM c"
    " WHERE c.type = 'log' AND c.at >= @start AND c.at < @end"
    " AND (c.event = @verify OR c.event = @offer_answer"
    " OR (c.flow = @offer_flow AND c.step = @offer_step))"
)


def _period(start: datetime, end: datetime) -> dict[str, str]:
    return {"@start": stamp(start), "@end": stamp(end)}


class CosmosAnalytics:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def returns_per_day(self, start: datetime, end: datetime) -> list[DayCount]:
        """Returns made on each day that had any, and how many of them were exchanges."""
        rows = await self.unit.query(
            CUSTOMERS, _MADE_IN_PERIOD, _period(start, end), partition=None
        )
        made: Counter[str] = Counter()
        exchanges: Counter[str] = Counter()
        for row in rows:
            day = str(row["created_at"])[:10]
            made[day] += 1
            exchanges[day] += int(row.get("resolution") == _EXCHANGE)
        return [
            DayCount(date.fromisoformat(day), made[day], exchanges[day]) for day in sorted(made)
        ]

    async def returns_by(
        self, field: ReturnField, start: datetime, end: datetime
    ) -> list[tuple[str | None, int]]:
        """How many returns made in the period had each value of `field`, most first."""
        rows = await self.unit.query(
            CUSTOMERS, _MADE_IN_PERIOD, _period(start, end), partition=None
        )
        counts = Counter[str | None](row.get(field) for row in rows)
        # Most first; a tie by value, a missing value (a return without a method) last.
        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0] is None, pair[0] or ""))

    async def settled(self, start: datetime, end: datetime) -> list[Settled]:
        """By resolution: the returns whose money moved in the period, with its amounts."""
        rows = await self.unit.query(
            CUSTOMERS,
            _SETTLED_IN_PERIOD,
            {**_period(start, end), "@settling": list(_SETTLING)},
            partition=None,
        )
        by_resolution: dict[str, list[int]] = {}
        for row in rows:
            totals = by_resolution.setdefault(str(row["resolution"]), [0, 0, 0])
            totals[0] += 1
            totals[1] += int(row.get("refund_cents") or 0)
            totals[2] += int(row.get("items_total_cents") or 0)
        return [
            Settled(resolution, count, refund, items_total)
            for resolution, (count, refund, items_total) in sorted(by_resolution.items())
        ]

    async def refund_durations(
        self, start: datetime, end: datetime
    ) -> Sequence[tuple[datetime, datetime]]:
        """(requested, refunded) of each return refunded in the period."""
        rows = await self.unit.query(
            CUSTOMERS,
            _REFUNDED_IN_PERIOD,
            {**_period(start, end), "@refunded": _REFUNDED},
            partition=None,
        )
        return sorted(
            ((instant(row["created_at"]), instant(row["at"])) for row in rows),
            key=lambda pair: (pair[1], pair[0]),
        )

    async def conversation_counts(self, start: datetime, end: datetime) -> ConversationCounts:
        period = _period(start, end)
        started = {
            str(row["thread_id"])
            for row in await self.unit.query(THREADS, _STARTED, period, partition=None)
        }
        handoffs = await self.unit.query(
            DESK, _HANDOFFS_SINCE, {"@start": period["@start"]}, partition=HANDOFFS_PARTITION
        )
        handed_off = {row.get("thread_id") for row in handoffs} & started
        flow, step = OFFER_STEP
        log = await self.unit.query(
            THREADS,
            _LOG_IN_PERIOD,
            {
                **period,
                "@verify": VERIFY,
                "@offer_answer": OFFER_ANSWER,
                "@offer_flow": flow,
                "@offer_step": step,
            },
            partition=None,
        )
        shown: set[str] = set()
        accepted: set[str] = set()
        failures = 0
        for entry in log:
            if entry.get("flow") == flow and entry.get("step") == step:
                shown.add(str(entry["thread_id"]))
            answers = entry.get("answers") or {}
            if entry.get("event") == OFFER_ANSWER and answers.get("accept") is True:
                accepted.add(str(entry["thread_id"]))
            if entry.get("event") == VERIFY and entry.get("customer_id") is None:
                failures += 1
        return ConversationCounts(
            started=len(started),
            handed_off=len(handed_off),
            offers_shown=len(shown),
            offers_accepted=len(accepted),
            verification_failures=failures,
        )
