"""Staff members on Cosmos DB: numbered documents in the desk's "staff" partition, each with
a document named by its address, so an address is taken once and signing in is two point
reads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from returndesk.domain.staff import StaffMember, StaffRole
from returndesk.errors import NotFound
from returndesk.store.cosmos.containers import DESK
from returndesk.store.cosmos.counters import claim_numbers
from returndesk.store.cosmos.documents import document_id, instant, stamp
from returndesk.store.cosmos.unit_of_work import Document, Unit
from returndesk.store.port.errors import Duplicate
from returndesk.store.port.staff import StaffCredentials

STAFF_PARTITION = "staff"

_EVERY = "SELECT * FROM c WHERE c.type = 'staff' ORDER BY c.email"
_NAMES = (
    "SELECT c.number, c.name FROM c WHERE c.type = 'staff' AND ARRAY_CONTAINS(@numbers, c.number)"
)


def member_document_id(staff_id: int) -> str:
    """The id of a member's document, for the repositories that show who did something."""
    return document_id("staff", str(staff_id))


def email_document_id(email: str) -> str:
    return document_id("staff-email", email)


def member_from(document: Document) -> StaffMember:
    return StaffMember(
        id=int(document["number"]),
        email=document["email"],
        name=document["name"],
        role=StaffRole(document["role"]),
        disabled=bool(document["disabled"]),
        created_at=instant(document["created_at"]),
    )


class CosmosStaff:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def get(self, staff_id: int) -> StaffMember | None:
        found = await self.unit.read(DESK, STAFF_PARTITION, member_document_id(staff_id))
        return None if found is None else member_from(found)

    async def _document(self, email: str) -> Document:
        named = await self.unit.read(DESK, STAFF_PARTITION, email_document_id(email))
        member = (
            None
            if named is None
            else await self.unit.read(DESK, STAFF_PARTITION, member_document_id(named["staff_id"]))
        )
        if member is None:
            raise NotFound(f"No staff member {email}.")
        return member

    async def credentials(self, email: str) -> StaffCredentials:
        member = await self._document(email)
        return StaffCredentials(member_from(member), member["password_hash"])

    async def every(self) -> Sequence[StaffMember]:
        found = await self.unit.query(DESK, _EVERY, partition=STAFF_PARTITION)
        return [member_from(document) for document in found]

    async def names(self, staff_ids: Iterable[int]) -> dict[int, str]:
        wanted = sorted(set(staff_ids))
        if not wanted:
            return {}
        found = await self.unit.query(DESK, _NAMES, {"@numbers": wanted}, partition=STAFF_PARTITION)
        return {int(row["number"]): row["name"] for row in found}

    async def add(
        self, *, email: str, name: str, role: StaffRole, password_hash: str, at: datetime
    ) -> StaffMember:
        # Refused before anything is staged: the unit's other partitions (the audit entry)
        # commit before this one, and should not record a member who was never added. A
        # racing add is still stopped by the address document, when the batch commits.
        if await self.unit.read(DESK, STAFF_PARTITION, email_document_id(email)) is not None:
            raise Duplicate(f"staff address {email} is taken")
        number = await claim_numbers(self.unit.database, DESK, STAFF_PARTITION, STAFF_PARTITION)
        member: dict[str, Any] = {
            "id": member_document_id(number),
            DESK.key: STAFF_PARTITION,
            "type": "staff",
            "number": number,
            "email": email,
            "name": name,
            "role": role.value,
            "password_hash": password_hash,
            "disabled": False,
            "created_at": stamp(at),
            "updated_at": stamp(at),
        }
        # Both in one partition, so one batch: the member exists exactly when the address does.
        self.unit.create(DESK, member)
        self.unit.create(
            DESK,
            {
                "id": email_document_id(email),
                DESK.key: STAFF_PARTITION,
                "type": "staff_email",
                "staff_id": number,
            },
        )
        return member_from(member)

    async def update(
        self,
        email: str,
        *,
        at: datetime,
        password_hash: str | None = None,
        disabled: bool | None = None,
    ) -> StaffMember:
        member = await self._document(email)
        if password_hash is not None:
            member["password_hash"] = password_hash
        if disabled is not None:
            member["disabled"] = disabled
        member["updated_at"] = stamp(at)
        # Under the ETag read: a change made meanwhile fails the unit with Contention.
        self.unit.replace(DESK, member)
        return member_from(member)
