"""Live events on Cosmos DB: numbered in order, read after a number for every process and
for a reconnecting browser, and forgotten once old."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.store.cosmos.repositories.live_events import CosmosLiveEvents
from returndesk.store.port.live_events import Audience
from tests.support.cosmos_server import CosmosServer
from tests.unit.store.cosmos.fresh_database import fresh_database, pending, reading, writing

pytestmark = pytest.mark.cosmos

AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
async def database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    async with fresh_database(cosmos) as database:
        yield database


async def _publish(
    database: DatabaseProxy, audience: Audience, thread_id: str | None, at: datetime = AT
) -> None:
    async with writing(database) as unit:
        await CosmosLiveEvents(unit).publish(
            at=at, audience=audience, thread_id=thread_id, kind="moved", data={"n": 1}
        )


async def test_events_are_read_after_a_number_oldest_first(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        assert await CosmosLiveEvents(unit).latest_event_id() == 0
    for audience in (Audience.STAFF, Audience.SHOPPER, Audience.BOTH, Audience.STAFF):
        await _publish(database, audience, "thr_a")

    async with reading(database) as unit:
        events = CosmosLiveEvents(unit)
        every = await events.events_after(0, limit=10)
        after_two = await events.events_after(2, limit=1)
        latest = await events.latest_event_id()

    assert [event.id for event in every] == [1, 2, 3, 4]
    assert every[1].audience is Audience.SHOPPER
    assert (every[0].at, every[0].thread_id, every[0].kind, every[0].data) == (
        AT,
        "thr_a",
        "moved",
        {"n": 1},
    )
    assert [event.id for event in after_two] == [3]
    assert latest == 4


async def test_an_event_of_a_rolled_back_unit_leaves_a_gap(database: DatabaseProxy) -> None:
    await _publish(database, Audience.STAFF, None)
    # A unit that fails is never committed: its event's number is used up all the same.
    await CosmosLiveEvents(pending(database)).publish(
        at=AT, audience=Audience.STAFF, thread_id=None, kind="lost", data={}
    )
    await _publish(database, Audience.STAFF, None)

    async with reading(database) as unit:
        events = await CosmosLiveEvents(unit).events_after(0, limit=10)
    assert [event.id for event in events] == [1, 3]


async def test_a_reconnecting_browser_gets_what_it_may_see_after_or_recently(
    database: DatabaseProxy,
) -> None:
    old = AT - timedelta(hours=1)
    await _publish(database, Audience.STAFF, "thr_a", old)  # 1
    await _publish(database, Audience.SHOPPER, "thr_a", old)  # 2
    await _publish(database, Audience.BOTH, "thr_a", AT)  # 3: recent
    await _publish(database, Audience.SHOPPER, "thr_b", old)  # 4
    await _publish(database, Audience.STAFF, None, old)  # 5
    await _publish(database, Audience.SHOPPER, "thr_a", old)  # 6

    async with reading(database) as unit:
        events = CosmosLiveEvents(unit)
        staff = await events.staff_events_after(4, recent_since=AT, limit=10)
        staff_limited = await events.staff_events_after(0, recent_since=AT, limit=2)
        shopper = await events.thread_events_after("thr_a", 4, recent_since=AT, limit=10)
        shopper_all = await events.thread_events_after("thr_a", 0, recent_since=AT, limit=10)

    assert [event.id for event in staff] == [3, 5]
    assert [event.id for event in staff_limited] == [1, 3]
    assert [event.id for event in shopper] == [3, 6]
    assert [event.id for event in shopper_all] == [2, 3, 6]


async def test_old_events_are_forgotten(database: DatabaseProxy) -> None:
    for minutes in (0, 1, 2):
        await _publish(database, Audience.STAFF, None, AT + timedelta(minutes=minutes))

    async with writing(database) as unit:
        forgotten = await CosmosLiveEvents(unit).forget_events_before(AT + timedelta(minutes=2))
    async with writing(database) as unit:
        none = await CosmosLiveEvents(unit).forget_events_before(AT)

    async with reading(database) as unit:
        kept = await CosmosLiveEvents(unit).events_after(0, limit=10)
        latest = await CosmosLiveEvents(unit).latest_event_id()
    assert (forgotten, none) == (2, 0)
    assert [event.id for event in kept] == [3]
    assert latest == 3
