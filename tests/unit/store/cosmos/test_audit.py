"""The audit log on Cosmos DB: newest first, about one subject when asked, with who did it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.domain.audit import AuditAction
from returndesk.domain.staff import StaffRole
from returndesk.store.cosmos.repositories.audit import CosmosAuditLog
from returndesk.store.cosmos.repositories.staff import CosmosStaff
from tests.support.cosmos_server import CosmosServer
from tests.unit.store.cosmos.fresh_database import fresh_database, reading, writing

pytestmark = pytest.mark.cosmos

AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
async def database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    async with fresh_database(cosmos) as database:
        yield database


async def test_entries_are_newest_first_with_who_did_them(database: DatabaseProxy) -> None:
    async with writing(database) as unit:
        member = await CosmosStaff(unit).add(
            email="jo@shop.test", name="Jo", role=StaffRole.ADMIN, password_hash="h", at=AT
        )
        log = CosmosAuditLog(unit)
        await log.record(
            at=AT,
            staff_member_id=None,
            action=AuditAction.STAFF_ADDED,
            subject="jo@shop.test",
            detail={"role": "admin"},
        )
    for minutes, subject in ((1, "R-1"), (2, "R-2"), (3, "R-1")):
        async with writing(database) as unit:
            await CosmosAuditLog(unit).record(
                at=AT + timedelta(minutes=minutes),
                staff_member_id=member.id,
                action=AuditAction.RETURN_MOVED,
                subject=subject,
                detail={"minutes": minutes},
            )

    async with reading(database) as unit:
        log = CosmosAuditLog(unit)
        newest = await log.entries(limit=3)
        about = await log.entries(limit=10, subject="R-1")
        every = await log.entries(limit=10)
        none = await log.entries(limit=10, subject="R-9")

    assert [entry.id for entry in newest] == [4, 3, 2]
    assert [entry.detail["minutes"] for entry in about] == [3, 1]
    assert about[0].at == AT + timedelta(minutes=3)
    assert about[0].action is AuditAction.RETURN_MOVED
    assert (about[0].staff_email, about[0].staff_name) == ("jo@shop.test", "Jo")
    first = every[-1]
    assert (first.id, first.subject, first.staff_email, first.staff_name) == (
        1,
        "jo@shop.test",
        None,
        None,
    )
    assert none == []
