"""The store within one request: what it already read is not read again, and stays true.

Each test plays one ChatKit request with a context whose memo is switched on,
as the server does, and checks the answers against a fresh context's, which
always reads the database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chatkit.store import NotFoundError
from chatkit.types import AssistantMessageContent, AssistantMessageItem, ThreadMetadata

from returndesk.errors import NotFound
from returndesk.request_context import RequestContext
from returndesk.store.sql.chatkit_store import SQLAlchemyStore
from returndesk.store.sql.db import SessionFactory, transaction
from returndesk.store.sql.unit_of_work import SqlRepositories
from tests.support.sql_log import sent_statements
from tests.support.thread_items import SECOND, T0, make_thread, reply


def request(owner_id: str = "own_alice") -> RequestContext:
    context = RequestContext(owner_id=owner_id)
    context.memo.active = True
    return context


def afresh(owner_id: str = "own_alice") -> RequestContext:
    return RequestContext(owner_id=owner_id)


@pytest.fixture
def store(sessions: SessionFactory) -> SQLAlchemyStore[RequestContext]:
    return SQLAlchemyStore[RequestContext](sessions)


@pytest.fixture
def statements(sessions: SessionFactory) -> Iterator[list[str]]:
    """The SQL statements the store sends from here on."""
    with sent_statements(
        sessions, lambda sql: not sql.startswith(("BEGIN", "COMMIT", "ROLLBACK"))
    ) as seen:
        yield seen


async def seeded(store: SQLAlchemyStore[RequestContext], count: int = 5) -> str:
    await store.save_thread(make_thread("thr_m", T0), afresh())
    for n in range(count):
        item = reply("thr_m", f"msg_{n}", f"text {n}", T0 + n * SECOND)
        await store.add_thread_item("thr_m", item, afresh())
    return "thr_m"


async def test_a_request_reads_its_thread_and_items_once(
    store: SQLAlchemyStore[RequestContext], statements: list[str]
) -> None:
    thread_id = await seeded(store)
    context = request()
    statements.clear()

    first = await store.load_item(thread_id, "msg_1", context)
    again = await store.load_item(thread_id, "msg_1", context)
    thread = await store.load_thread(thread_id, context)

    # One statement proved the thread is Alice's and read the item; nothing after it.
    assert len(statements) == 1
    assert first == again == await store.load_item(thread_id, "msg_1", afresh())
    assert thread == await store.load_thread(thread_id, afresh())


async def test_writes_within_a_request_are_what_it_reads_back(
    store: SQLAlchemyStore[RequestContext],
) -> None:
    thread_id = await seeded(store)
    context = request()
    await store.load_thread_items(thread_id, None, 3, "desc", context)

    edited = reply(thread_id, "msg_1", "edited", T0 + 9 * SECOND)
    await store.save_item(thread_id, edited, context)
    await store.add_thread_item(
        thread_id, reply(thread_id, "msg_new", "new", T0 + 7 * SECOND), context
    )
    await store.delete_thread_item(thread_id, "msg_0", context)

    for order in ("asc", "desc"):
        for limit in (1, 2, 3, 10):
            mine = await store.load_thread_items(thread_id, None, limit, order, context)
            stored = await store.load_thread_items(thread_id, None, limit, order, afresh())
            assert mine == stored
    assert await store.load_item(thread_id, "msg_1", context) == await store.load_item(
        thread_id, "msg_1", afresh()
    )
    with pytest.raises(NotFoundError):
        await store.load_item(thread_id, "msg_0", context)


@pytest.mark.parametrize("limit", [1, 2, 4, 5, 6, 20])
async def test_the_newest_items_page_the_same_from_memory(
    store: SQLAlchemyStore[RequestContext], statements: list[str], limit: int
) -> None:
    thread_id = await seeded(store)
    context = request()
    await store.load_thread_items(thread_id, None, 4, "desc", context)
    statements.clear()

    page = await store.load_thread_items(thread_id, None, limit, "desc", context)

    # Four newest were read with one more, which says more follow: pages up to four are known.
    assert bool(statements) == (limit > 4)
    assert page == await store.load_thread_items(thread_id, None, limit, "desc", afresh())


async def test_a_thread_deleted_by_another_request_is_not_found_by_a_write(
    store: SQLAlchemyStore[RequestContext],
) -> None:
    thread_id = await seeded(store)
    context = request()
    await store.load_thread(thread_id, context)

    await store.delete_thread(thread_id, afresh())

    with pytest.raises(NotFoundError) as raised:
        await store.add_thread_item(thread_id, reply(thread_id, "msg_late", "late"), context)
    assert isinstance(raised.value, NotFound)


async def test_a_thread_it_deleted_is_forgotten(store: SQLAlchemyStore[RequestContext]) -> None:
    thread_id = await seeded(store)
    context = request()
    await store.load_thread(thread_id, context)

    await store.delete_thread(thread_id, context)

    with pytest.raises(NotFoundError):
        await store.load_thread(thread_id, context)
    with pytest.raises(NotFoundError):
        await store.load_item(thread_id, "msg_1", context)


async def test_another_owner_learns_nothing_from_anyone_elses_request(
    store: SQLAlchemyStore[RequestContext],
) -> None:
    thread_id = await seeded(store)
    alice = request()
    await store.load_item(thread_id, "msg_1", alice)

    bob = request("own_bob")
    with pytest.raises(NotFoundError):
        await store.load_item(thread_id, "msg_1", bob)
    with pytest.raises(NotFoundError):
        await store.add_thread_item(thread_id, reply(thread_id, "msg_bob", "hi"), bob)


def message(thread_id: str, item_id: str, text: str) -> AssistantMessageItem:
    return AssistantMessageItem(
        id=item_id,
        thread_id=thread_id,
        created_at=T0 + 30 * SECOND,
        content=[AssistantMessageContent(text=text)],
    )


async def test_items_stored_ahead_of_the_stream_are_not_stored_twice(
    store: SQLAlchemyStore[RequestContext], sessions: SessionFactory, statements: list[str]
) -> None:
    thread_id = await seeded(store)
    context = request()
    await store.load_thread(thread_id, context)
    ahead, changed = message(thread_id, "msg_ahead", "hello"), message(thread_id, "msg_b", "b")
    retitled = ThreadMetadata.model_validate(
        (await store.load_thread(thread_id, context)).model_dump() | {"title": "Return: Boots"}
    )
    async with transaction(sessions) as session:
        staged = await store.stage(
            SqlRepositories(session), thread_id, context, added=[ahead, changed], retitled=retitled
        )
    store.staged(context, staged)
    statements.clear()

    await store.add_thread_item(thread_id, ahead, context)
    await store.save_thread(retitled, context)
    assert statements == []

    # An item that changed after it was stored is stored as the stream shows it.
    changed.content = [AssistantMessageContent(text="b, revised")]
    await store.add_thread_item(thread_id, changed, context)
    assert await store.load_item(thread_id, "msg_b", afresh()) == changed
    assert await store.load_item(thread_id, "msg_ahead", afresh()) == ahead
    assert (await store.load_thread(thread_id, afresh())).title == "Return: Boots"
