"""Live events on Cosmos DB: numbered documents in the desk's "live" partition, written in
the unit of work of the change they tell of.

A number is claimed before the unit commits, so a smaller number may commit after a larger
one, or never; readers allow for both (see `store.live_feed`), as on PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from returndesk.store.cosmos.containers import DESK
from returndesk.store.cosmos.counters import claim_numbers
from returndesk.store.cosmos.documents import document_id, instant, stamp
from returndesk.store.cosmos.unit_of_work import Document, Unit
from returndesk.store.port.live_events import Audience, LiveEvent

LIVE_PARTITION = "live"

_AFTER = "SELECT * FROM c WHERE c.type = 'live_event' AND c.number > @after ORDER BY c.number"
_STAFF_AFTER = (
    "SELECT * FROM c WHERE c.type = 'live_event'"
    " AND (c.number > @after OR c.created_at >= @recent_since)"
    " AND c.audience != @shopper_only ORDER BY c.number"
)
_THREAD_AFTER = (
    "SELECT * FROM c WHERE c.type = 'live_event' AND c.thread_id = @thread_id"
    " AND (c.number > @after OR c.created_at >= @recent_since)"
    " AND ARRAY_CONTAINS(@audiences, c.audience) ORDER BY c.number"
)
_LATEST = "SELECT c.number FROM c WHERE c.type = 'live_event' ORDER BY c.number DESC"
_BEFORE = "SELECT c.id FROM c WHERE c.type = 'live_event' AND c.created_at < @before"


def _event(document: Document) -> LiveEvent:
    return LiveEvent(
        int(document["number"]),
        instant(document["created_at"]),
        Audience(document["audience"]),
        document.get("thread_id"),
        document["kind"],
        document["data"],
    )


class CosmosLiveEvents:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def publish(
        self,
        *,
        at: datetime,
        audience: Audience,
        thread_id: str | None,
        kind: str,
        data: dict[str, Any],
    ) -> None:
        number = await claim_numbers(self.unit.database, DESK, LIVE_PARTITION, LIVE_PARTITION)
        self.unit.create(
            DESK,
            {
                "id": document_id("event", str(number)),
                DESK.key: LIVE_PARTITION,
                "type": "live_event",
                "number": number,
                "created_at": stamp(at),
                "audience": audience.value,
                "thread_id": thread_id,
                "kind": kind,
                "data": data,
            },
        )

    async def events_after(self, after: int, *, limit: int) -> list[LiveEvent]:
        """Every event after id `after`, oldest first: what a process passes on to its browsers."""
        found = await self.unit.query(
            DESK, _AFTER, {"@after": after}, partition=LIVE_PARTITION, max_items=limit
        )
        return [_event(document) for document in found]

    async def staff_events_after(
        self, after: int, *, recent_since: datetime, limit: int
    ) -> list[LiveEvent]:
        """What a reconnecting staff browser missed: the events after `after`, and those written
        since `recent_since` (an event with a smaller id may commit after a larger one the browser
        saw; it dedupes by id)."""
        found = await self.unit.query(
            DESK,
            _STAFF_AFTER,
            {
                "@after": after,
                "@recent_since": stamp(recent_since),
                "@shopper_only": Audience.SHOPPER.value,
            },
            partition=LIVE_PARTITION,
            max_items=limit,
        )
        return [_event(document) for document in found]

    async def thread_events_after(
        self, thread_id: str, after: int, *, recent_since: datetime, limit: int
    ) -> list[LiveEvent]:
        """What a reconnecting shopper missed of their own thread (see `staff_events_after`)."""
        found = await self.unit.query(
            DESK,
            _THREAD_AFTER,
            {
                "@thread_id": thread_id,
                "@after": after,
                "@recent_since": stamp(recent_since),
                "@audiences": [Audience.SHOPPER.value, Audience.BOTH.value],
            },
            partition=LIVE_PARTITION,
            max_items=limit,
        )
        return [_event(document) for document in found]

    async def latest_event_id(self) -> int:
        found = await self.unit.query(DESK, _LATEST, partition=LIVE_PARTITION, max_items=1)
        return int(found[0]["number"]) if found else 0

    async def forget_events_before(self, before: datetime) -> int:
        """Drop events too old for any browser to still be catching up on."""
        found = await self.unit.query(
            DESK, _BEFORE, {"@before": stamp(before)}, partition=LIVE_PARTITION
        )
        for row in found:
            self.unit.delete(DESK, LIVE_PARTITION, row["id"])
        return len(found)
