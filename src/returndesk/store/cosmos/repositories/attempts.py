"""Failed verifications per owner and per client address on Cosmos DB: one document per key
in the desk's "attempts" partition, each a point read away.

A count is changed under the ETag read, so two failures counted at once on different
processes cannot both write the same next count: the later commit fails with
`Contention` and is counted again on top of the first.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from returndesk.store.cosmos.containers import DESK
from returndesk.store.cosmos.documents import document_id, instant, maybe_instant, stamp
from returndesk.store.cosmos.unit_of_work import Document, Unit
from returndesk.store.port.attempts import AttemptLimit, Lockout, Standing

ATTEMPTS_PARTITION = "attempts"

_RUNNING = (
    "SELECT * FROM c WHERE c.type = 'attempt' AND c.locked_until > @now ORDER BY c.locked_until"
)
_RUNNING_AMONG = (
    "SELECT * FROM c WHERE c.type = 'attempt' AND c.locked_until > @now"
    " AND ARRAY_CONTAINS(@keys, c.key) ORDER BY c.locked_until"
)


def attempt_document_id(key: str) -> str:
    return document_id("attempt", key)


class CosmosAttempts:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def _read(self, key: str) -> Document | None:
        return await self.unit.read(DESK, ATTEMPTS_PARTITION, attempt_document_id(key))

    async def standing(self, keys: Sequence[str], now: datetime) -> Standing:
        found = await asyncio.gather(*(self._read(key) for key in keys))
        running = [
            until
            for doc in found
            if doc is not None
            and (until := maybe_instant(doc.get("locked_until"))) is not None
            and until > now
        ]
        first_key_failed = bool(keys) and found[0] is not None
        return Standing(max(running, default=None), first_key_failed)

    async def running_lockouts(
        self, now: datetime, keys: Sequence[str] | None = None
    ) -> list[Lockout]:
        """Lock-outs still running, soonest to end first; among `keys` when they are given."""
        parameters: dict[str, Any] = {"@now": stamp(now)}
        if keys is None:
            query = _RUNNING
        else:
            if not keys:
                return []
            query = _RUNNING_AMONG
            parameters["@keys"] = list(keys)
        found = await self.unit.query(DESK, query, parameters, partition=ATTEMPTS_PARTITION)
        return [
            Lockout(doc["key"], int(doc["failures"]), instant(doc["locked_until"]))
            for doc in found
            if doc.get("locked_until")
        ]

    async def lift(self, key: str) -> bool:
        """End a lock-out and forget its failures; False when there was none under `key`."""
        if await self._read(key) is None:
            return False
        self.unit.delete(DESK, ATTEMPTS_PARTITION, attempt_document_id(key))
        return True

    async def record_failure(
        self, limits: Sequence[AttemptLimit], *, now: datetime, window: timedelta
    ) -> None:
        for limit in limits:
            found = await self._read(limit.key)
            if found is None:
                doc: Document = {
                    "id": attempt_document_id(limit.key),
                    DESK.key: ATTEMPTS_PARTITION,
                    "type": "attempt",
                    "key": limit.key,
                    "failures": 0,
                    "window_started_at": stamp(now),
                    "locked_until": None,
                }
            else:
                doc = found
                if now - instant(doc["window_started_at"]) > window:
                    doc.update(failures=0, window_started_at=stamp(now), locked_until=None)
            doc["failures"] = int(doc["failures"]) + 1
            if doc["failures"] >= limit.max_failures:
                doc["locked_until"] = stamp(now + window)
            if found is None:
                # Two first failures at once: the later create fails the unit with Duplicate.
                self.unit.create(DESK, doc)
            else:
                self.unit.replace(DESK, doc)

    async def forget(self, key: str) -> None:
        # Read first: deleting a document that is not there fails the whole unit.
        if await self._read(key) is not None:
            self.unit.delete(DESK, ATTEMPTS_PARTITION, attempt_document_id(key))
