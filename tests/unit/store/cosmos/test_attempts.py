"""Failed verifications on Cosmos DB: counted per key within a window, locking a key out at
its limit, listed while locked and lifted by an admin."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.store.cosmos.repositories.attempts import CosmosAttempts
from returndesk.store.port.attempts import AttemptLimit, Lockout, Standing
from returndesk.store.port.errors import Contention
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
WINDOW = timedelta(minutes=15)
OWNER = AttemptLimit("owner:v1", 3)
ADDRESS = AttemptLimit("address:10.0.0.1", 5)


@pytest.fixture
async def database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    async with fresh_database(cosmos) as database:
        yield database


async def _fail(database: DatabaseProxy, at: datetime, *limits: AttemptLimit) -> None:
    async with writing(database) as unit:
        await CosmosAttempts(unit).record_failure(limits, now=at, window=WINDOW)


async def _standing(database: DatabaseProxy, now: datetime) -> Standing:
    async with reading(database) as unit:
        return await CosmosAttempts(unit).standing([OWNER.key, ADDRESS.key], now)


async def test_a_key_is_locked_out_at_its_limit_for_the_window(database: DatabaseProxy) -> None:
    assert await _standing(database, AT) == Standing(None, False)
    await _fail(database, AT, OWNER, ADDRESS)
    await _fail(database, AT + timedelta(minutes=1), OWNER, ADDRESS)
    assert await _standing(database, AT) == Standing(None, True)

    locked_at = AT + timedelta(minutes=2)
    await _fail(database, locked_at, OWNER, ADDRESS)

    assert await _standing(database, locked_at) == Standing(locked_at + WINDOW, True)
    assert await _standing(database, locked_at + WINDOW) == Standing(None, True)
    async with reading(database) as unit:
        running = await CosmosAttempts(unit).running_lockouts(locked_at)
    assert running == [Lockout(OWNER.key, 3, locked_at + WINDOW)]


async def test_failures_outside_the_window_start_the_count_again(
    database: DatabaseProxy,
) -> None:
    await _fail(database, AT, OWNER)
    await _fail(database, AT, OWNER)
    later = AT + WINDOW + timedelta(seconds=1)
    await _fail(database, later, OWNER)
    await _fail(database, later, OWNER)

    assert (await _standing(database, later)).locked_until is None
    await _fail(database, later, OWNER)
    assert (await _standing(database, later)).locked_until == later + WINDOW


async def test_one_key_twice_in_a_failure_counts_twice(database: DatabaseProxy) -> None:
    await _fail(database, AT, AttemptLimit("owner:v2", 2), AttemptLimit("owner:v2", 2))

    async with reading(database) as unit:
        running = await CosmosAttempts(unit).running_lockouts(AT)
    assert running == [Lockout("owner:v2", 2, AT + WINDOW)]


async def test_running_lockouts_are_soonest_to_end_first_among_the_keys_asked(
    database: DatabaseProxy,
) -> None:
    for minutes, key in ((5, "owner:late"), (0, "owner:early"), (3, "address:middle")):
        await _fail(database, AT + timedelta(minutes=minutes), AttemptLimit(key, 1))
    await _fail(database, AT, AttemptLimit("owner:counting", 9))

    async with reading(database) as unit:
        attempts = CosmosAttempts(unit)
        every = await attempts.running_lockouts(AT + timedelta(minutes=1))
        among = await attempts.running_lockouts(AT, ["owner:late", "owner:counting"])
        none_asked = await attempts.running_lockouts(AT, [])

    assert [lockout.key for lockout in every] == ["owner:early", "address:middle", "owner:late"]
    assert among == [Lockout("owner:late", 1, AT + timedelta(minutes=5) + WINDOW)]
    assert none_asked == []


async def test_lifting_and_forgetting_clear_the_key(database: DatabaseProxy) -> None:
    await _fail(database, AT, AttemptLimit(OWNER.key, 1), ADDRESS)

    async with writing(database) as unit:
        attempts = CosmosAttempts(unit)
        lifted = await attempts.lift(OWNER.key)
        lifted_again = await attempts.lift(OWNER.key)
        await attempts.forget(ADDRESS.key)
        # Forgetting a key with no failures is nothing to do, not an error at commit.
        await attempts.forget("owner:never")

    assert (lifted, lifted_again) == (True, False)
    assert await _standing(database, AT) == Standing(None, False)


async def test_two_failures_counted_at_once_do_not_both_commit(database: DatabaseProxy) -> None:
    await _fail(database, AT, OWNER)

    second = pending(database)
    await CosmosAttempts(second).record_failure([OWNER], now=AT, window=WINDOW)
    await _fail(database, AT, OWNER)
    with pytest.raises(Contention):
        await commit(second)

    await _fail(database, AT, OWNER)
    assert (await _standing(database, AT)).locked_until == AT + WINDOW
