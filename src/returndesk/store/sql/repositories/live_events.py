"""Live events as stored: appended in the transaction of the change they tell of.

On PostgreSQL the same transaction sends a NOTIFY, which PostgreSQL delivers
only once it commits, so a listener never reads ahead of the change.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.store.port.live_events import Audience, LiveEvent
from returndesk.store.sql.tables import LiveEventRow

NOTIFY_CHANNEL = "returndesk_live"
_NOTIFY = text(f"SELECT pg_notify('{NOTIFY_CHANNEL}', '')")


def _event(row: LiveEventRow) -> LiveEvent:
    return LiveEvent(row.id, row.at, Audience(row.audience), row.thread_id, row.kind, row.data)


class SqlLiveEvents:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def publish(
        self,
        *,
        at: datetime,
        audience: Audience,
        thread_id: str | None,
        kind: str,
        data: dict[str, Any],
    ) -> None:
        self.session.add(
            LiveEventRow(at=at, audience=audience.value, thread_id=thread_id, kind=kind, data=data)
        )
        if self.session.get_bind().dialect.name == "postgresql":
            # Several in one transaction are delivered as one: listeners read all new rows anyway.
            await self.session.execute(_NOTIFY)

    async def events_after(self, after: int, *, limit: int) -> list[LiveEvent]:
        """Every event after id `after`, oldest first: what a process passes on to its browsers."""
        rows = await self.session.scalars(
            select(LiveEventRow)
            .where(LiveEventRow.id > after)
            .order_by(LiveEventRow.id)
            .limit(limit)
        )
        return [_event(row) for row in rows]

    async def staff_events_after(
        self, after: int, *, recent_since: datetime, limit: int
    ) -> list[LiveEvent]:
        """What a reconnecting staff browser missed: the events after `after`, and those written
        since `recent_since` (an event with a smaller id may commit after a larger one the browser
        saw; it dedupes by id)."""
        rows = await self.session.scalars(
            select(LiveEventRow)
            .where(
                or_(LiveEventRow.id > after, LiveEventRow.at >= recent_since),
                LiveEventRow.audience != Audience.SHOPPER.value,
            )
            .order_by(LiveEventRow.id)
            .limit(limit)
        )
        return [_event(row) for row in rows]

    async def thread_events_after(
        self, thread_id: str, after: int, *, recent_since: datetime, limit: int
    ) -> list[LiveEvent]:
        """What a reconnecting shopper missed of their own thread (see `staff_events_after`)."""
        rows = await self.session.scalars(
            select(LiveEventRow)
            .where(
                LiveEventRow.thread_id == thread_id,
                or_(LiveEventRow.id > after, LiveEventRow.at >= recent_since),
                or_(
                    LiveEventRow.audience == Audience.SHOPPER.value,
                    LiveEventRow.audience == Audience.BOTH.value,
                ),
            )
            .order_by(LiveEventRow.id)
            .limit(limit)
        )
        return [_event(row) for row in rows]

    async def latest_event_id(self) -> int:
        return int(
            await self.session.scalar(select(func.coalesce(func.max(LiveEventRow.id), 0))) or 0
        )

    async def forget_events_before(self, before: datetime) -> int:
        """Drop events too old for any browser to still be catching up on."""
        result = await self.session.execute(delete(LiveEventRow).where(LiveEventRow.at < before))
        return int(getattr(result, "rowcount", 0) or 0)
