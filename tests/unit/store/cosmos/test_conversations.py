"""Conversation states on Cosmos DB: versioned so that of two turns writing one thread only
one commits, with a customer's threads and whom a visitor verified as beside them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.store.cosmos.containers import THREADS
from returndesk.store.cosmos.documents import stamp
from returndesk.store.cosmos.repositories.conversations import CosmosConversations
from returndesk.store.port.conversations import CustomerThread, StoredState
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


async def _thread(
    database: DatabaseProxy, thread_id: str, owner_id: str, created: datetime, title: str | None
) -> None:
    async with writing(database) as unit:
        unit.create(
            THREADS,
            {
                "id": "thread",
                "type": "thread",
                "thread_id": thread_id,
                "owner_id": owner_id,
                "created_at": stamp(created),
                "updated_at": stamp(created + timedelta(minutes=1)),
                "title": title,
                "json": "{}",
            },
        )


async def _save(
    database: DatabaseProxy,
    thread_id: str,
    version: int,
    data: dict[str, object],
    *,
    owner_id: str = "own_1",
    customer_id: str | None = None,
) -> bool:
    async with writing(database) as unit:
        return await CosmosConversations(unit).save_state(
            thread_id=thread_id,
            owner_id=owner_id,
            customer_id=customer_id,
            data=data,
            expected_version=version,
            at=AT,
        )


async def _state(database: DatabaseProxy, thread_id: str) -> StoredState:
    async with reading(database) as unit:
        return await CosmosConversations(unit).read_state(thread_id)


async def test_a_state_is_written_version_after_version(
    database: DatabaseProxy, cosmos: CosmosServer
) -> None:
    cosmos.clear_fan_outs()
    assert await _state(database, "thr_a") == StoredState({}, 0)

    assert await _save(database, "thr_a", 0, {"step": "start"})
    assert await _save(database, "thr_a", 1, {"step": "next", "nested": {"n": 1}})

    assert await _state(database, "thr_a") == StoredState({"step": "next", "nested": {"n": 1}}, 2)
    assert cosmos.fan_outs() == []


async def test_a_stale_version_is_not_written(database: DatabaseProxy) -> None:
    await _save(database, "thr_a", 0, {"step": "start"})
    await _save(database, "thr_a", 1, {"step": "next"})

    assert not await _save(database, "thr_a", 1, {"step": "stale"})
    assert not await _save(database, "thr_b", 3, {"step": "never made"})

    assert await _state(database, "thr_a") == StoredState({"step": "next"}, 2)
    assert await _state(database, "thr_b") == StoredState({}, 0)


async def test_of_two_turns_making_the_first_state_one_fails(database: DatabaseProxy) -> None:
    await _save(database, "thr_a", 0, {"turn": "first"})

    with pytest.raises(Duplicate):
        await _save(database, "thr_a", 0, {"turn": "second"})

    assert await _state(database, "thr_a") == StoredState({"turn": "first"}, 1)


async def test_of_two_turns_saving_over_one_version_the_later_commit_fails(
    database: DatabaseProxy,
) -> None:
    await _save(database, "thr_a", 0, {"turn": 0})

    late = pending(database)
    assert await CosmosConversations(late).save_state(
        thread_id="thr_a",
        owner_id="own_1",
        customer_id="cus_1",
        data={"turn": "late"},
        expected_version=1,
        at=AT,
    )
    assert await _save(database, "thr_a", 1, {"turn": "early"})
    with pytest.raises(Contention):
        await commit(late)

    assert await _state(database, "thr_a") == StoredState({"turn": "early"}, 2)


async def test_a_verified_customer_finds_their_threads_newest_first(
    database: DatabaseProxy, cosmos: CosmosServer
) -> None:
    await _thread(database, "thr_old", "own_1", AT, "Old return")
    await _thread(database, "thr_new", "own_2", AT + timedelta(days=1), None)
    await _thread(database, "thr_other", "own_1", AT, "Someone else")
    cosmos.clear_fan_outs()
    await _save(database, "thr_old", 0, {}, owner_id="own_1", customer_id="cus_1")
    await _save(database, "thr_new", 0, {}, owner_id="own_2")
    await _save(database, "thr_new", 1, {}, owner_id="own_2", customer_id="cus_1")
    await _save(database, "thr_other", 0, {}, owner_id="own_1", customer_id="cus_2")

    async with reading(database) as unit:
        conversations = CosmosConversations(unit)
        threads = await conversations.customer_threads("cus_1")
        verified = [
            await conversations.verified_as(owner, customer)
            for owner, customer in (("own_1", "cus_1"), ("own_2", "cus_1"), ("own_2", "cus_2"))
        ]
        nobody = await conversations.customer_threads("cus_9")

    assert threads == [
        CustomerThread(
            "thr_new", "own_2", None, AT + timedelta(days=1), AT + timedelta(days=1, minutes=1)
        ),
        CustomerThread("thr_old", "own_1", "Old return", AT, AT + timedelta(minutes=1)),
    ]
    assert verified == [True, True, False]
    assert nobody == []
    # Saving, and the label page's check, each read single partitions.
    assert cosmos.fan_outs() == []


async def test_a_customers_thread_shows_its_title_as_the_thread_has_it_now(
    database: DatabaseProxy,
) -> None:
    await _thread(database, "thr_a", "own_1", AT, None)
    await _save(database, "thr_a", 0, {}, customer_id="cus_1")
    async with writing(database) as unit:
        thread = await unit.read(THREADS, "thr_a", "thread")
        assert thread is not None
        unit.replace(THREADS, {**thread, "title": "Named later"})
    # A thread gone since is not listed.
    await _save(database, "thr_gone", 0, {}, customer_id="cus_1")

    async with reading(database) as unit:
        threads = await CosmosConversations(unit).customer_threads("cus_1")
    assert [(thread.thread_id, thread.title) for thread in threads] == [("thr_a", "Named later")]


async def test_each_logged_event_is_kept(database: DatabaseProxy) -> None:
    async with writing(database) as unit:
        conversations = CosmosConversations(unit)
        for step in ("ask", "ask"):
            await conversations.log_event(
                thread_id="thr_a",
                at=AT,
                customer_id="cus_1",
                event="Answered",
                flow="returns",
                step=step,
                answers={"yes": True},
            )

    async with reading(database) as unit:
        logged = await unit.query(
            THREADS, "SELECT * FROM c WHERE c.type = 'log'", partition="thr_a"
        )
    assert len(logged) == 2
    assert {(entry["event"], entry["step"], entry["customer_id"]) for entry in logged} == {
        ("Answered", "ask", "cus_1")
    }


async def test_a_verification_whose_state_lost_its_race_counts_for_nothing(
    database: DatabaseProxy,
) -> None:
    await _thread(database, "thr_a", "own_1", AT, "Return")
    await _save(database, "thr_a", 0, {})
    late = pending(database)
    await CosmosConversations(late).save_state(
        thread_id="thr_a",
        owner_id="own_1",
        customer_id="cus_1",
        data={"verified": True},
        expected_version=1,
        at=AT,
    )
    await _save(database, "thr_a", 1, {"verified": False})
    # The customer's and the visitor's partitions commit before the thread's fails.
    with pytest.raises(Contention):
        await commit(late)

    async with reading(database) as unit:
        conversations = CosmosConversations(unit)
        assert await conversations.customer_threads("cus_1") == []
        assert not await conversations.verified_as("own_1", "cus_1")


async def test_a_thread_gone_is_no_verification(database: DatabaseProxy) -> None:
    await _thread(database, "thr_a", "own_1", AT, "Return")
    await _save(database, "thr_a", 0, {}, customer_id="cus_1")
    async with writing(database) as unit:
        unit.delete(THREADS, "thr_a", "state")
        unit.delete(THREADS, "thr_a", "thread")

    async with reading(database) as unit:
        conversations = CosmosConversations(unit)
        assert not await conversations.verified_as("own_1", "cus_1")
        assert await conversations.customer_threads("cus_1") == []


async def test_a_thread_moves_to_the_customer_its_state_names_now(
    database: DatabaseProxy,
) -> None:
    await _thread(database, "thr_a", "own_1", AT, "Return")
    await _save(database, "thr_a", 0, {}, customer_id="cus_1")
    await _save(database, "thr_a", 1, {}, customer_id="cus_1")
    await _save(database, "thr_a", 2, {}, customer_id="cus_2")

    async with reading(database) as unit:
        conversations = CosmosConversations(unit)
        first = await conversations.customer_threads("cus_1")
        second = await conversations.customer_threads("cus_2")
        verified = [
            await conversations.verified_as("own_1", customer) for customer in ("cus_1", "cus_2")
        ]
    assert first == []
    assert [thread.thread_id for thread in second] == ["thr_a"]
    assert verified == [False, True]
