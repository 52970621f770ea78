"""The audit log on Cosmos DB: numbered documents in the desk's "audit" partition, appended
in the unit of work of the change they record."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from returndesk.domain.audit import AuditAction, AuditEntry
from returndesk.store.cosmos.containers import DESK
from returndesk.store.cosmos.counters import claim_numbers
from returndesk.store.cosmos.documents import document_id, instant, stamp
from returndesk.store.cosmos.repositories.staff import STAFF_PARTITION, member_document_id
from returndesk.store.cosmos.unit_of_work import Unit

AUDIT_PARTITION = "audit"

_NEWEST = "SELECT * FROM c WHERE c.type = 'audit' ORDER BY c.number DESC"
_NEWEST_ABOUT = (
    "SELECT * FROM c WHERE c.type = 'audit' AND c.subject = @subject ORDER BY c.number DESC"
)


class CosmosAuditLog:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def entries(self, *, limit: int, subject: str | None = None) -> Sequence[AuditEntry]:
        """The newest `limit` entries, newest first; about one subject when it is given."""
        if limit <= 0:
            return []
        if subject is None:
            found = await self.unit.query(DESK, _NEWEST, partition=AUDIT_PARTITION, max_items=limit)
        else:
            found = await self.unit.query(
                DESK,
                _NEWEST_ABOUT,
                {"@subject": subject},
                partition=AUDIT_PARTITION,
                max_items=limit,
            )
        staff_ids = sorted(
            {int(doc["staff_member_id"]) for doc in found if doc["staff_member_id"] is not None}
        )
        members = await asyncio.gather(
            *(
                self.unit.read(DESK, STAFF_PARTITION, member_document_id(staff_id))
                for staff_id in staff_ids
            )
        )
        member_of = {
            staff_id: member
            for staff_id, member in zip(staff_ids, members, strict=True)
            if member is not None
        }
        entries = []
        for doc in found:
            member = (
                None if doc["staff_member_id"] is None else member_of.get(doc["staff_member_id"])
            )
            entries.append(
                AuditEntry(
                    id=int(doc["number"]),
                    at=instant(doc["created_at"]),
                    action=AuditAction(doc["action"]),
                    subject=doc["subject"],
                    detail=doc["detail"],
                    staff_email=None if member is None else member["email"],
                    staff_name=None if member is None else member["name"],
                )
            )
        return entries

    async def record(
        self,
        *,
        at: datetime,
        staff_member_id: int | None,
        action: AuditAction,
        subject: str,
        detail: dict[str, Any],
    ) -> None:
        number = await claim_numbers(self.unit.database, DESK, AUDIT_PARTITION, AUDIT_PARTITION)
        self.unit.create(
            DESK,
            {
                "id": document_id("audit", str(number)),
                DESK.key: AUDIT_PARTITION,
                "type": "audit",
                "number": number,
                "created_at": stamp(at),
                "staff_member_id": staff_member_id,
                "action": action.value,
                "subject": subject,
                "detail": detail,
            },
        )
