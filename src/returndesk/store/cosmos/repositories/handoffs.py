"""Hand-offs on Cosmos DB: numbered documents in the desk's "handoffs" partition, moved by
replacing them under the ETag read.

Each move reads the hand-off, checks its status is the one expected and replaces it
carrying the read's ETag: of two staff members claiming at once, on any number of
processes, both may see it open, but only the first commit keeps its claim; the other's
unit fails with `Contention` and, run again, finds it claimed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from returndesk.domain.handoffs import ACTIVE, Handoff, HandoffStatus, Holder
from returndesk.store.cosmos.containers import CUSTOMERS, DESK
from returndesk.store.cosmos.counters import claim_numbers
from returndesk.store.cosmos.customer_documents import CUSTOMER_DOCUMENT_ID
from returndesk.store.cosmos.documents import document_id, instant, maybe_instant, stamp
from returndesk.store.cosmos.repositories.staff import STAFF_PARTITION, member_document_id
from returndesk.store.cosmos.unit_of_work import Document, Unit

HANDOFFS_PARTITION = "handoffs"

_ACTIVE_OF_THREAD = (
    "SELECT * FROM c WHERE c.type = 'handoff' AND c.thread_id = @thread_id"
    " AND ARRAY_CONTAINS(@statuses, c.status) ORDER BY c.number DESC"
)
_LISTED = (
    "SELECT * FROM c WHERE c.type = 'handoff' AND ARRAY_CONTAINS(@statuses, c.status)"
    " ORDER BY c.created_at {direction}"
)
_LISTED_AT = (
    "SELECT * FROM c WHERE c.type = 'handoff' AND ARRAY_CONTAINS(@statuses, c.status)"
    " AND c.created_at = @created_at"
)
_COUNT = "SELECT COUNT(1) AS n FROM c WHERE c.type = 'handoff' AND c.status = @status"


def handoff_document_id(handoff_id: int) -> str:
    return document_id("handoff", str(handoff_id))


class CosmosHandoffs:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def _read(self, handoff_id: int) -> Document | None:
        return await self.unit.read(DESK, HANDOFFS_PARTITION, handoff_document_id(handoff_id))

    async def get(self, handoff_id: int) -> Handoff | None:
        found = await self._read(handoff_id)
        return None if found is None else (await self._handoffs([found]))[0]

    async def active(self, thread_id: str) -> Handoff | None:
        """The thread's hand-off that is not over yet, if it has one."""
        found = await self.unit.query(
            DESK,
            _ACTIVE_OF_THREAD,
            {"@thread_id": thread_id, "@statuses": [status.value for status in ACTIVE]},
            partition=HANDOFFS_PARTITION,
            max_items=1,
        )
        return (await self._handoffs(found[:1]))[0] if found else None

    async def listed(
        self, statuses: Sequence[HandoffStatus], *, newest_first: bool, limit: int
    ) -> list[Handoff]:
        if limit <= 0:
            return []
        values = [status.value for status in statuses]
        found = await self.unit.query(
            DESK,
            _LISTED.format(direction="DESC" if newest_first else "ASC"),
            {"@statuses": values},
            partition=HANDOFFS_PARTITION,
            max_items=limit,
        )
        if len(found) == limit:
            # Hand-offs made at the same instant follow by number, whichever way the times
            # run: the query orders by time only, so every one at the last instant taken
            # is read to choose among them.
            boundary = found[-1]["created_at"]
            tied = await self.unit.query(
                DESK,
                _LISTED_AT,
                {"@statuses": values, "@created_at": boundary},
                partition=HANDOFFS_PARTITION,
            )
            found = [doc for doc in found if doc["created_at"] != boundary] + tied
        found.sort(key=lambda doc: int(doc["number"]))
        found.sort(key=lambda doc: str(doc["created_at"]), reverse=newest_first)
        return await self._handoffs(found[:limit])

    async def active_counts(self) -> dict[HandoffStatus, int]:
        counts: dict[HandoffStatus, int] = {}
        for status in ACTIVE:
            found = await self.unit.query(
                DESK, _COUNT, {"@status": status.value}, partition=HANDOFFS_PARTITION
            )
            counts[status] = int(found[0]["n"]) if found else 0
        return counts

    async def add(
        self,
        *,
        thread_id: str | None,
        customer_id: str | None,
        summary: str,
        at: datetime,
        order_id: str | None,
        rma: str | None,
    ) -> int:
        number = await claim_numbers(
            self.unit.database, DESK, HANDOFFS_PARTITION, HANDOFFS_PARTITION
        )
        self.unit.create(
            DESK,
            {
                "id": handoff_document_id(number),
                DESK.key: HANDOFFS_PARTITION,
                "type": "handoff",
                "number": number,
                "thread_id": thread_id,
                "customer_id": customer_id,
                "summary": summary,
                "created_at": stamp(at),
                "status": HandoffStatus.OPEN.value,
                "order_id": order_id,
                "rma": rma,
                "claimed_by": None,
                "claimed_at": None,
                "first_reply_at": None,
                "closed_at": None,
                "close_note": None,
            },
        )
        return number

    async def _move(self, handoff_id: int, expected: HandoffStatus, **values: Any) -> bool:
        found = await self._read(handoff_id)
        if found is None or found["status"] != expected.value:
            return False
        found.update(values)
        # Carries the ETag read: another request's move committed meanwhile fails this unit.
        self.unit.replace(DESK, found)
        return True

    async def mark_claimed(self, handoff_id: int, staff_id: int, at: datetime) -> bool:
        """False when it was not open any more: someone else claimed or ended it first."""
        return await self._move(
            handoff_id,
            HandoffStatus.OPEN,
            status=HandoffStatus.CLAIMED.value,
            claimed_by=staff_id,
            claimed_at=stamp(at),
        )

    async def mark_replied(self, handoff_id: int, staff_id: int, at: datetime) -> bool | None:
        """Record a reply by the holder: True for their first, False for a later one; None when
        they no longer hold it (handed back or closed by another request meanwhile).

        A later reply replaces the document unchanged all the same: its ETag then decides
        a hand-back or close racing the reply, which either commits first and fails the
        reply, or finds the document changed and is run again after it.
        """
        found = await self._read(handoff_id)
        if (
            found is None
            or found["status"] != HandoffStatus.CLAIMED.value
            or found["claimed_by"] != staff_id
        ):
            return None
        first = found.get("first_reply_at") is None
        if first:
            found["first_reply_at"] = stamp(at)
        self.unit.replace(DESK, found)
        return first

    async def mark_over(
        self,
        handoff_id: int,
        *,
        was: HandoffStatus,
        now: HandoffStatus,
        at: datetime,
        note: str | None,
    ) -> bool:
        """False when it was not `was` any more: another request moved it first."""
        return await self._move(
            handoff_id, was, status=now.value, closed_at=stamp(at), close_note=note
        )

    async def _handoffs(self, documents: Sequence[Document]) -> list[Handoff]:
        """The hand-offs with their shopper's and holder's names, each document read once."""
        customer_ids = sorted({doc["customer_id"] for doc in documents if doc.get("customer_id")})
        holder_ids = sorted(
            {int(doc["claimed_by"]) for doc in documents if doc.get("claimed_by") is not None}
        )
        customers = await asyncio.gather(
            *(self.unit.read(CUSTOMERS, cid, CUSTOMER_DOCUMENT_ID) for cid in customer_ids)
        )
        holders = await asyncio.gather(
            *(self.unit.read(DESK, STAFF_PARTITION, member_document_id(sid)) for sid in holder_ids)
        )
        customer_of = dict(zip(customer_ids, customers, strict=True))
        holder_name = {
            sid: member["name"]
            for sid, member in zip(holder_ids, holders, strict=True)
            if member is not None
        }
        return [
            _handoff(
                doc,
                customer_of.get(doc.get("customer_id") or ""),
                holder_name.get(int(doc["claimed_by"]))
                if doc.get("claimed_by") is not None
                else None,
            )
            for doc in documents
        ]


def _handoff(document: Document, customer: Document | None, holder_name: str | None) -> Handoff:
    claimed_by = document.get("claimed_by")
    holder = Holder(int(claimed_by), holder_name or "") if claimed_by is not None else None
    return Handoff(
        id=int(document["number"]),
        status=HandoffStatus(document["status"]),
        thread_id=document.get("thread_id"),
        customer_id=document.get("customer_id"),
        customer_name=(
            f"{customer['first_name']} {customer['last_name']}" if customer is not None else None
        ),
        customer_email=None if customer is None else customer.get("email"),
        summary=document["summary"],
        created_at=instant(document["created_at"]),
        order_id=document.get("order_id"),
        rma=document.get("rma"),
        holder=holder,
        claimed_at=maybe_instant(document.get("claimed_at")),
        first_reply_at=maybe_instant(document.get("first_reply_at")),
        closed_at=maybe_instant(document.get("closed_at")),
        close_note=document.get("close_note"),
    )
