"""Staff members on Cosmos DB: an address is one member's, signing in finds them by it, and
a change is made over the member as read."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.domain.staff import StaffMember, StaffRole
from returndesk.errors import NotFound
from returndesk.store.cosmos.repositories.staff import CosmosStaff
from returndesk.store.port.errors import Contention, Duplicate
from tests.support.cosmos_server import CosmosServer
from tests.unit.store.cosmos.fresh_database import (
    commit,
    fresh_database,
    pending,
    reading,
    writing,
)

pytestmark = pytest.mark.cosmos

AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
async def database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    async with fresh_database(cosmos) as database:
        yield database


async def _add(database: DatabaseProxy, email: str, name: str) -> StaffMember:
    async with writing(database) as unit:
        return await CosmosStaff(unit).add(
            email=email, name=name, role=StaffRole.AGENT, password_hash=f"hash-{name}", at=AT
        )


async def test_members_are_numbered_and_found_by_id_and_address(database: DatabaseProxy) -> None:
    zoe = await _add(database, "zoe@shop.test", "Zoe")
    async with writing(database) as unit:
        ann = await CosmosStaff(unit).add(
            email="ann@shop.test", name="Ann", role=StaffRole.ADMIN, password_hash="h", at=AT
        )

    async with reading(database) as unit:
        staff = CosmosStaff(unit)
        by_id = await staff.get(ann.id)
        credentials = await staff.credentials("zoe@shop.test")
        every = await staff.every()
        names = await staff.names([zoe.id, ann.id, 42])
        no_names = await staff.names([])
        missing = await staff.get(42)

    assert (zoe.id, ann.id) == (1, 2)
    assert by_id == StaffMember(2, "ann@shop.test", "Ann", StaffRole.ADMIN, False, AT)
    assert credentials.member == zoe
    assert credentials.password_hash == "hash-Zoe"
    assert [member.email for member in every] == ["ann@shop.test", "zoe@shop.test"]
    assert names == {1: "Zoe", 2: "Ann"}
    assert no_names == {}
    assert missing is None


async def test_a_taken_address_is_refused(database: DatabaseProxy) -> None:
    await _add(database, "zoe@shop.test", "Zoe")

    with pytest.raises(Duplicate):
        await _add(database, "zoe@shop.test", "Another Zoe")

    async with reading(database) as unit:
        assert [member.name for member in await CosmosStaff(unit).every()] == ["Zoe"]


async def test_of_two_adding_one_address_at_once_one_is_refused(database: DatabaseProxy) -> None:
    first, second = pending(database), pending(database)
    for unit, name in ((first, "Zoe"), (second, "Zed")):
        await CosmosStaff(unit).add(
            email="zoe@shop.test", name=name, role=StaffRole.AGENT, password_hash="h", at=AT
        )
    await commit(first)
    with pytest.raises(Duplicate):
        await commit(second)

    async with reading(database) as unit:
        every = await CosmosStaff(unit).every()
    # Nothing of the refused member is left behind, not even without its address.
    assert [member.name for member in every] == ["Zoe"]


async def test_an_unknown_address_is_not_found(database: DatabaseProxy) -> None:
    async with writing(database) as unit:
        with pytest.raises(NotFound):
            await CosmosStaff(unit).credentials("nobody@shop.test")
        with pytest.raises(NotFound):
            await CosmosStaff(unit).update("nobody@shop.test", at=AT, disabled=True)


async def test_an_update_changes_what_is_given(database: DatabaseProxy) -> None:
    await _add(database, "zoe@shop.test", "Zoe")
    async with writing(database) as unit:
        disabled = await CosmosStaff(unit).update(
            "zoe@shop.test", at=AT + timedelta(days=1), disabled=True
        )
    async with writing(database) as unit:
        await CosmosStaff(unit).update(
            "zoe@shop.test", at=AT + timedelta(days=2), password_hash="new"
        )

    async with reading(database) as unit:
        credentials = await CosmosStaff(unit).credentials("zoe@shop.test")
        names = await CosmosStaff(unit).names([1])
    assert disabled.disabled
    assert credentials.member.disabled
    assert credentials.password_hash == "new"
    # A disabled member keeps their name for what they did.
    assert names == {1: "Zoe"}


async def test_an_update_over_a_change_made_meanwhile_fails(database: DatabaseProxy) -> None:
    await _add(database, "zoe@shop.test", "Zoe")

    late, early = pending(database), pending(database)
    await CosmosStaff(late).update("zoe@shop.test", at=AT, password_hash="late")
    await CosmosStaff(early).update("zoe@shop.test", at=AT, disabled=True)
    await commit(early)
    with pytest.raises(Contention):
        await commit(late)

    async with reading(database) as unit:
        credentials = await CosmosStaff(unit).credentials("zoe@shop.test")
    assert credentials.member.disabled
    assert credentials.password_hash == "hash-Zoe"
