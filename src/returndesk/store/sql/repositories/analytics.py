"""The figures behind the staff dashboard, counted by the database over a period.

A period is a half-open range of UTC instants, [start, end). Each query groups in
SQL, so a period's figures cost one pass over that period's rows, not the table's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, Date, Integer, case, cast, distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from returndesk.store.port.analytics import (
    OFFER_ANSWER,
    OFFER_STEP,
    VERIFY,
    ConversationCounts,
    DayCount,
    ReturnField,
    Settled,
)
from returndesk.store.sql.tables import (
    ConversationEventRow,
    HandoffRow,
    ReturnEventRow,
    ReturnRow,
    ThreadRow,
)

Instant = InstrumentedAttribute[datetime]
_FIELDS: dict[ReturnField, InstrumentedAttribute[str] | InstrumentedAttribute[str | None]] = {
    "reason": ReturnRow.reason_code,
    "resolution": ReturnRow.resolution,
    "method": ReturnRow.method,
}


def _utc_day(session: AsyncSession, column: Instant) -> ColumnElement[date]:
    """The UTC calendar day of a timestamp, on either database."""
    if session.get_bind().dialect.name == "sqlite":
        # Stored as naive UTC text: its date part is the UTC day.
        return func.date(column)
    return cast(func.timezone("UTC", column), Date)


def _in(column: Instant, start: datetime, end: datetime) -> ColumnElement[bool]:
    return (column >= start) & (column < end)


class SqlAnalytics:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def returns_per_day(self, start: datetime, end: datetime) -> list[DayCount]:
        """Returns made on each day that had any, and how many of them were exchanges."""
        day = _utc_day(self.session, ReturnRow.created_at).label("day")
        exchanges = func.sum(cast(ReturnRow.resolution == "EXCHANGE", Integer))
        rows = await self.session.execute(
            select(day, func.count(), exchanges)
            .where(_in(ReturnRow.created_at, start, end))
            .group_by(day)
            .order_by(day)
        )
        return [
            DayCount(
                value if isinstance(value, date) else date.fromisoformat(value), count, int(ex)
            )
            for value, count, ex in rows
        ]

    async def returns_by(
        self, field: ReturnField, start: datetime, end: datetime
    ) -> list[tuple[str | None, int]]:
        """How many returns made in the period had each value of `field`, most first."""
        column = _FIELDS[field]
        counted = func.count().label("count")
        rows = await self.session.execute(
            select(column, counted)
            .where(_in(ReturnRow.created_at, start, end))
            .group_by(column)
            .order_by(counted.desc(), column)
        )
        return [(value, count) for value, count in rows]

    async def settled(self, start: datetime, end: datetime) -> list[Settled]:
        """By resolution: the returns whose money moved in the period, with its amounts."""
        moved = (
            select(ReturnEventRow.rma)
            .where(ReturnEventRow.to_status.in_(("refunded", "exchanged")))
            .where(_in(ReturnEventRow.at, start, end))
        )
        rows = await self.session.execute(
            select(
                ReturnRow.resolution,
                func.count(),
                func.coalesce(func.sum(ReturnRow.refund_amount_cents), 0),
                func.coalesce(func.sum(ReturnRow.items_total_cents), 0),
            )
            .where(ReturnRow.rma.in_(moved))
            .group_by(ReturnRow.resolution)
            .order_by(ReturnRow.resolution)
        )
        return [
            Settled(resolution, count, int(refund), int(total))
            for resolution, count, refund, total in rows
        ]

    async def refund_durations(
        self, start: datetime, end: datetime
    ) -> Sequence[tuple[datetime, datetime]]:
        """(requested, refunded) of each return refunded in the period."""
        rows = await self.session.execute(
            select(ReturnRow.created_at, ReturnEventRow.at)
            .join(ReturnEventRow, ReturnEventRow.rma == ReturnRow.rma)
            .where(ReturnEventRow.to_status == "refunded")
            .where(_in(ReturnEventRow.at, start, end))
        )
        return [(requested, refunded) for requested, refunded in rows]

    async def conversation_counts(self, start: datetime, end: datetime) -> ConversationCounts:
        started = select(ThreadRow.id).where(_in(ThreadRow.created_at, start, end))
        conversations = await self.session.scalar(
            select(func.count()).select_from(started.subquery())
        )
        handed_off = await self.session.scalar(
            select(func.count(distinct(HandoffRow.thread_id))).where(
                HandoffRow.thread_id.in_(started)
            )
        )
        in_period = _in(ConversationEventRow.at, start, end)
        flow, step = OFFER_STEP
        shown = case(
            (
                (ConversationEventRow.flow == flow) & (ConversationEventRow.step == step),
                ConversationEventRow.thread_id,
            ),
        )
        accepted = case(
            (
                (ConversationEventRow.event == OFFER_ANSWER)
                & (cast(ConversationEventRow.answers["accept"].as_boolean(), Integer) == 1),
                ConversationEventRow.thread_id,
            ),
        )
        failed = case(
            (
                (ConversationEventRow.event == VERIFY) & ConversationEventRow.customer_id.is_(None),
                1,
            ),
            else_=0,
        )
        offers, takes, failures = (
            await self.session.execute(
                select(
                    func.count(distinct(shown)),
                    func.count(distinct(accepted)),
                    func.coalesce(func.sum(failed), 0),
                ).where(in_period)
            )
        ).one()
        return ConversationCounts(
            started=int(conversations or 0),
            handed_off=int(handed_off or 0),
            offers_shown=int(offers),
            offers_accepted=int(takes),
            verification_failures=int(failures),
        )
