"""The ChatKit store on Cosmos DB, over a database of the test's own: per-owner isolation,
stable paging, faithful round trips, a turn's items written with its unit of work, and
every read and write kept to one partition."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import pytest
from azure.cosmos.aio import DatabaseProxy
from chatkit.store import NotFoundError
from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageItem,
    FileAttachment,
    ThreadItem,
    ThreadMetadata,
)

from returndesk.errors import NotFound
from returndesk.request_context import RequestContext
from returndesk.store.cosmos.containers import THREADS
from returndesk.store.cosmos.repositories.conversations import CosmosConversations
from returndesk.store.cosmos.thread_store import CosmosThreadStore
from returndesk.store.cosmos.unit_repositories import CosmosRepositories
from tests.support.cosmos_server import CosmosServer
from tests.support.thread_items import SECOND, T0, Order, make_thread, reply, user_message
from tests.unit.store.cosmos.fresh_database import fresh_database, writing

pytestmark = pytest.mark.cosmos

ALICE = RequestContext(owner_id="own_alice")
BOB = RequestContext(owner_id="own_bob")

Store = CosmosThreadStore[RequestContext]


def request(owner_id: str = "own_alice") -> RequestContext:
    """A context as the ChatKit server makes for one request: its memo switched on."""
    context = RequestContext(owner_id=owner_id)
    context.memo.active = True
    return context


def receipt(attachment_id: str = "atc_receipt", thread_id: str | None = None) -> FileAttachment:
    return FileAttachment(
        id=attachment_id,
        name="receipt.pdf",
        mime_type="application/pdf",
        thread_id=thread_id,
        metadata={"scanned": True},
    )


@pytest.fixture
async def database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    async with fresh_database(cosmos) as made:
        cosmos.clear_fan_outs()
        yield made


@pytest.fixture
def store(database: DatabaseProxy) -> Store:
    return CosmosThreadStore[RequestContext](database)


@pytest.fixture
def local_clock_behind_utc() -> Iterator[None]:
    """Local time five hours behind UTC, so naive stamps read as UTC would sort wrongly."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "EST5"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


async def all_items(store: Store, thread_id: str, context: RequestContext) -> list[ThreadItem]:
    return (await store.load_thread_items(thread_id, None, 1000, "asc", context)).data


async def partition(database: DatabaseProxy, thread_id: str) -> list[dict[str, Any]]:
    threads = database.get_container_client(THREADS.name)
    return [
        document
        async for document in threads.query_items("SELECT * FROM c", partition_key=thread_id)
    ]


async def kinds_in(database: DatabaseProxy, thread_id: str) -> list[str]:
    return sorted(str(document["type"]) for document in await partition(database, thread_id))


async def feedback(database: DatabaseProxy, thread_id: str) -> list[tuple[str, str, str]]:
    rated = [doc for doc in await partition(database, thread_id) if doc["type"] == "feedback"]
    rated.sort(key=lambda doc: (doc["created_at"], doc["item_id"]))
    return [(doc["item_id"], doc["kind"], doc["owner_id"]) for doc in rated]


async def save_state(
    database: DatabaseProxy, thread_id: str, customer_id: str | None = None
) -> None:
    async with writing(database) as unit:
        assert await CosmosConversations(unit).save_state(
            thread_id=thread_id,
            owner_id=ALICE.owner_id,
            customer_id=customer_id,
            data={},
            expected_version=0,
            at=T0,
        )


# --- threads --------------------------------------------------------------------------------


async def test_the_owner_of_a_thread_is_known_and_a_missing_one_has_none(store: Store) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)

    assert await store.thread_owner("thr_a") == ALICE.owner_id
    assert await store.thread_owner("thr_missing") is None


# --- paging ---------------------------------------------------------------------------------

# Stamps in insertion order, with ties; the expected order breaks ties by insertion.
STAMPS = [T0, T0 + SECOND, T0, T0 - SECOND, T0 + SECOND, T0, T0 - SECOND]


def expected_order(ids: list[str], order: Order) -> list[str]:
    ranked = sorted(range(len(ids)), key=lambda index: (STAMPS[index], index))
    in_order = [ids[index] for index in ranked]
    return in_order if order == "asc" else in_order[::-1]


async def walk(
    load_page: Callable[[str | None, int], Awaitable[tuple[list[str], bool, str | None]]],
    limit: int,
) -> list[str]:
    """Every id, page by page, checking each page's cursor and has_more."""
    seen: list[str] = []
    after: str | None = None
    while True:
        ids, has_more, after = await load_page(after, limit)
        assert len(ids) <= limit
        seen.extend(ids)
        if not has_more:
            assert after is None
            return seen
        assert len(ids) == limit
        assert after == ids[-1]


async def test_a_listed_thread_whose_thread_is_gone_is_passed_over(
    store: Store, database: DatabaseProxy
) -> None:
    for index in range(4):
        await store.save_thread(make_thread(f"thr_{index}", T0 + index * SECOND), ALICE)
    # As a deletion cut short between the two partitions leaves it.
    threads = database.get_container_client(THREADS.name)
    await threads.delete_item("thread", partition_key="thr_1")

    first = await store.load_threads(2, None, "asc", ALICE)
    rest = await store.load_threads(2, first.after, "asc", ALICE)

    assert [thread.id for thread in first.data] == ["thr_0", "thr_2"]
    assert first.has_more
    assert [thread.id for thread in rest.data] == ["thr_3"]
    assert not rest.has_more


# --- items ----------------------------------------------------------------------------------


async def test_ids_with_characters_cosmos_refuses_in_an_id_are_kept(store: Store) -> None:
    await store.save_thread(make_thread("thr/a?b"), ALICE)
    await store.add_thread_item("thr/a?b", reply("thr/a?b", "msg/1#x", "odd"), ALICE)
    await store.save_attachment(receipt("atc/1\\2"), ALICE)

    assert await store.load_item("thr/a?b", "msg/1#x", ALICE) == reply("thr/a?b", "msg/1#x", "odd")
    assert await store.load_attachment("atc/1\\2", ALICE) == receipt("atc/1\\2")
    assert [thread.id for thread in (await store.load_threads(5, None, "asc", ALICE)).data] == [
        "thr/a?b"
    ]


# --- deleting a thread ----------------------------------------------------------------------


async def test_a_thread_with_more_than_one_batch_of_documents_is_deleted_whole(
    store: Store, database: DatabaseProxy
) -> None:
    await store.save_thread(make_thread("thr_long"), ALICE)
    context = request()
    await store.load_thread("thr_long", context)
    async with writing(database) as unit:
        await store.stage(
            CosmosRepositories(unit),
            "thr_long",
            context,
            added=[reply("thr_long", f"msg_{n}", "", T0 + n * SECOND) for n in range(150)],
        )

    await store.delete_thread("thr_long", ALICE)

    assert await kinds_in(database, "thr_long") == []


# --- feedback -------------------------------------------------------------------------------


async def test_feedback_is_recorded_once_per_item_and_every_rating_is_kept(
    store: Store, database: DatabaseProxy
) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_1", "one"), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_2", "two"), ALICE)

    await store.add_feedback("thr_a", ["msg_1", "msg_2", "msg_1"], "positive", ALICE)
    assert await feedback(database, "thr_a") == [
        ("msg_1", "positive", ALICE.owner_id),
        ("msg_2", "positive", ALICE.owner_id),
    ]

    await store.add_feedback("thr_a", ["msg_1"], "negative", ALICE)
    assert sorted(await feedback(database, "thr_a")) == [
        ("msg_1", "negative", ALICE.owner_id),
        ("msg_1", "positive", ALICE.owner_id),
        ("msg_2", "positive", ALICE.owner_id),
    ]


# --- attachments ----------------------------------------------------------------------------


async def test_an_attachment_is_saved_updated_and_deleted(store: Store) -> None:
    await store.save_attachment(receipt(), ALICE)
    await store.save_attachment(receipt("atc_other"), ALICE)
    assert await store.load_attachment("atc_receipt", ALICE) == receipt()

    await store.save_attachment(receipt(thread_id="thr_a"), ALICE)
    assert await store.load_attachment("atc_receipt", ALICE) == receipt(thread_id="thr_a")

    await store.delete_attachment("atc_receipt", ALICE)
    with pytest.raises(NotFoundError):
        await store.load_attachment("atc_receipt", ALICE)
    assert await store.load_attachment("atc_other", ALICE) == receipt("atc_other")


# --- owner isolation and missing records ----------------------------------------------------

# Called with the store, a thread id, an attachment id and whose request it is.
Operation = Callable[[Store, str, str, RequestContext], Awaitable[object]]

# Each raises NotFoundError when the thread or attachment is someone else's or missing.
NEEDS_EXISTING: dict[str, Operation] = {
    "load_thread": lambda s, t, a, c: s.load_thread(t, c),
    "load_thread_items": lambda s, t, a, c: s.load_thread_items(t, None, 10, "asc", c),
    "load_threads_after": lambda s, t, a, c: s.load_threads(10, t, "desc", c),
    "load_item": lambda s, t, a, c: s.load_item(t, "msg_a", c),
    "load_item_json": lambda s, t, a, c: s.load_item_json(t, "msg_a", c),
    "add_thread_item": lambda s, t, a, c: s.add_thread_item(
        t, user_message(t, "msg_intruder", "let me in"), c
    ),
    "save_item_new": lambda s, t, a, c: s.save_item(
        t, user_message(t, "msg_intruder", "let me in"), c
    ),
    "save_item_existing": lambda s, t, a, c: s.save_item(t, reply(t, "msg_a", "rewritten"), c),
    "delete_thread": lambda s, t, a, c: s.delete_thread(t, c),
    "delete_thread_item": lambda s, t, a, c: s.delete_thread_item(t, "msg_a", c),
    "add_feedback": lambda s, t, a, c: s.add_feedback(t, ["msg_a"], "negative", c),
    "load_attachment": lambda s, t, a, c: s.load_attachment(a, c),
    "delete_attachment": lambda s, t, a, c: s.delete_attachment(a, c),
}
# For a missing id these create a record, which is right; another owner's id must not be taken.
OVERWRITES: dict[str, Operation] = {
    "save_thread": lambda s, t, a, c: s.save_thread(make_thread(t, title="taken"), c),
    "save_attachment": lambda s, t, a, c: s.save_attachment(receipt(a), c),
}


@pytest.fixture
async def alices(store: Store) -> str:
    await store.save_thread(make_thread("thr_alice"), ALICE)
    await store.add_thread_item("thr_alice", user_message("thr_alice", "msg_q", "Boots?"), ALICE)
    await store.add_thread_item(
        "thr_alice", reply("thr_alice", "msg_a", "Which size?", T0 + SECOND), ALICE
    )
    await store.add_feedback("thr_alice", ["msg_a"], "positive", ALICE)
    await store.save_attachment(receipt("atc_alice", "thr_alice"), ALICE)
    return "thr_alice"


async def alices_view(store: Store, database: DatabaseProxy, thread_id: str) -> object:
    return (
        await store.load_thread(thread_id, ALICE),
        await all_items(store, thread_id, ALICE),
        await store.load_attachment("atc_alice", ALICE),
        await feedback(database, thread_id),
        [thread.id for thread in (await store.load_threads(10, None, "asc", ALICE)).data],
    )


# --- within one request ---------------------------------------------------------------------


async def seeded(store: Store, count: int = 5) -> str:
    await store.save_thread(make_thread("thr_m", T0), ALICE)
    for n in range(count):
        await store.add_thread_item(
            "thr_m", reply("thr_m", f"msg_{n}", f"text {n}", T0 + n * SECOND), ALICE
        )
    return "thr_m"


async def test_writes_within_a_request_are_what_it_reads_back(store: Store) -> None:
    thread_id = await seeded(store)
    context = request()
    await store.load_thread_items(thread_id, None, 3, "desc", context)

    await store.save_item(thread_id, reply(thread_id, "msg_1", "edited", T0 + 9 * SECOND), context)
    await store.add_thread_item(
        thread_id, reply(thread_id, "msg_new", "new", T0 + 7 * SECOND), context
    )
    await store.delete_thread_item(thread_id, "msg_0", context)

    for order in ("asc", "desc"):
        for limit in (1, 2, 3, 10):
            mine = await store.load_thread_items(thread_id, None, limit, order, context)
            stored = await store.load_thread_items(thread_id, None, limit, order, ALICE)
            assert mine == stored
    assert await store.load_item(thread_id, "msg_1", context) == await store.load_item(
        thread_id, "msg_1", ALICE
    )
    with pytest.raises(NotFoundError):
        await store.load_item(thread_id, "msg_0", context)


async def test_a_thread_deleted_by_another_request_is_not_found_by_a_write(
    store: Store, database: DatabaseProxy
) -> None:
    thread_id = await seeded(store)
    context = request()
    await store.load_thread(thread_id, context)

    await store.delete_thread(thread_id, ALICE)

    with pytest.raises(NotFoundError) as raised:
        await store.add_thread_item(thread_id, reply(thread_id, "msg_late", "late"), context)
    assert isinstance(raised.value, NotFound)
    assert await kinds_in(database, thread_id) == []


async def test_a_thread_it_deleted_is_forgotten(store: Store) -> None:
    thread_id = await seeded(store)
    context = request()
    await store.load_item(thread_id, "msg_1", context)

    await store.delete_thread(thread_id, context)

    with pytest.raises(NotFoundError):
        await store.load_thread(thread_id, context)
    with pytest.raises(NotFoundError):
        await store.load_item(thread_id, "msg_1", context)


def message(thread_id: str, item_id: str, text: str) -> AssistantMessageItem:
    return AssistantMessageItem(
        id=item_id,
        thread_id=thread_id,
        created_at=T0 + 30 * SECOND,
        content=[AssistantMessageContent(text=text)],
    )


async def test_a_turn_writes_its_items_and_title_with_its_unit_of_work(
    store: Store, database: DatabaseProxy
) -> None:
    thread_id = await seeded(store, count=2)
    context = request()
    await store.load_thread(thread_id, context)
    ahead, changed = message(thread_id, "msg_ahead", "hello"), message(thread_id, "msg_b", "b")
    edited = reply(thread_id, "msg_1", "edited", T0 + 9 * SECOND)
    retitled = ThreadMetadata.model_validate(
        (await store.load_thread(thread_id, context)).model_dump() | {"title": "Return: Boots"}
    )

    async with writing(database) as unit:
        repositories = CosmosRepositories(unit)
        await store.read_ahead_latest(repositories, thread_id, 10, context)
        await store.read_ahead(repositories, thread_id, "msg_1", context)
        staged = await store.stage(
            repositories,
            thread_id,
            context,
            replaced=[edited],
            added=[ahead, changed],
            retitled=retitled,
        )
        # Nothing is written until the unit commits.
        with pytest.raises(NotFoundError):
            await store.load_item(thread_id, "msg_ahead", ALICE)
    store.staged(context, staged)

    # The stream's own writes of the same items and title find them stored.
    await store.add_thread_item(thread_id, ahead, context)
    await store.save_thread(retitled, context)
    changed.content = [AssistantMessageContent(text="b, revised")]
    await store.add_thread_item(thread_id, changed, context)

    assert [item.id for item in await all_items(store, thread_id, ALICE)] == [
        "msg_0",
        "msg_1",
        "msg_ahead",
        "msg_b",
    ]
    assert await store.load_item(thread_id, "msg_1", ALICE) == reply(
        thread_id, "msg_1", "edited", T0 + SECOND
    )
    assert await store.load_item(thread_id, "msg_b", ALICE) == changed
    assert (await store.load_thread(thread_id, ALICE)).title == "Return: Boots"


async def test_a_turn_that_does_not_commit_leaves_no_items(
    store: Store, database: DatabaseProxy
) -> None:
    thread_id = await seeded(store, count=1)
    context = request()
    await store.load_thread(thread_id, context)

    async def losing_turn() -> None:
        async with writing(database) as unit:
            await store.stage(
                CosmosRepositories(unit), thread_id, context, added=[message(thread_id, "m", "")]
            )
            raise RuntimeError("the turn lost")

    with pytest.raises(RuntimeError, match="lost"):
        await losing_turn()

    assert [item.id for item in await all_items(store, thread_id, ALICE)] == ["msg_0"]


async def test_staff_find_the_owner_through_the_unit_they_write_in(
    store: Store, database: DatabaseProxy
) -> None:
    thread_id = await seeded(store, count=0)
    async with writing(database) as unit:
        repositories = CosmosRepositories(unit)
        owner = await store.thread_owner(thread_id, repositories)
        assert owner == ALICE.owner_id
        await store.stage(
            repositories,
            thread_id,
            RequestContext(owner_id=owner),
            added=[message(thread_id, "msg_staff", "A person is here")],
        )
        assert await store.thread_owner("thr_missing", repositories) is None

    assert [item.id for item in await all_items(store, thread_id, ALICE)] == ["msg_staff"]


# --- partitions -----------------------------------------------------------------------------


async def test_a_shoppers_conversation_reads_no_more_than_one_partition_at_a_time(
    store: Store, database: DatabaseProxy, cosmos: CosmosServer
) -> None:
    thread_id = await seeded(store)
    await save_state(database, thread_id)
    context = request()
    await store.load_threads(2, None, "desc", ALICE)
    page = await store.load_threads(2, None, "asc", ALICE)
    await store.load_threads(2, page.after, "asc", ALICE)
    await store.load_thread(thread_id, context)
    newest = await store.load_thread_items(thread_id, None, 2, "desc", context)
    await store.load_thread_items(thread_id, newest.after, 2, "desc", context)
    await store.load_item(thread_id, "msg_1", ALICE)
    await store.save_item(thread_id, reply(thread_id, "msg_1", "x"), context)
    await store.add_feedback(thread_id, ["msg_1"], "positive", context)
    await store.save_attachment(receipt(thread_id=thread_id), context)
    await store.load_attachment("atc_receipt", context)
    await store.delete_thread(thread_id, context)

    assert [fan_out for fan_out in cosmos.fan_outs() if fan_out.database == database.id] == []


# --- writers at once ------------------------------------------------------------------------


async def test_writers_of_one_thread_at_once_all_succeed_and_the_last_one_wins(
    store: Store,
) -> None:
    thread_id = await seeded(store, count=1)
    texts = [f"edit {n}" for n in range(5)]
    titles = [f"title {n}" for n in range(5)]

    await asyncio.gather(
        *(store.save_item(thread_id, reply(thread_id, "msg_0", text), ALICE) for text in texts),
        *(store.save_thread(make_thread(thread_id, title=title), ALICE) for title in titles),
        store.add_feedback(thread_id, ["msg_0"], "positive", ALICE),
        store.delete_thread_item(thread_id, "msg_missing", ALICE),
    )

    stored = await store.load_item(thread_id, "msg_0", ALICE)
    assert stored in [reply(thread_id, "msg_0", text) for text in texts]
    assert (await store.load_thread(thread_id, ALICE)).title in titles
