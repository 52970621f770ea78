"""The ChatKit store: per-owner isolation, stable paging and faithful round trips,
on SQLite, PostgreSQL and Cosmos DB alike."""

from __future__ import annotations

import os
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from chatkit.store import NotFoundError
from chatkit.types import (
    ClientToolCallItem,
    FileAttachment,
    ImageAttachment,
    LockedStatus,
    ThreadItem,
)
from pydantic import AnyUrl

from returndesk.errors import Conflict, InvalidRequest, NotFound
from returndesk.request_context import RequestContext
from returndesk.store.port.storage import Storage
from returndesk.store.port.threads import ThreadStore
from tests.support.stores import feedback_of_thread, open_test_storage, thread_records
from tests.support.thread_items import (
    SECOND,
    T0,
    Order,
    make_thread,
    reply,
    user_message,
)

ALICE = RequestContext(owner_id="own_alice")
BOB = RequestContext(owner_id="own_bob")


def receipt(attachment_id: str = "atc_receipt", thread_id: str | None = None) -> FileAttachment:
    return FileAttachment(
        id=attachment_id,
        name="receipt.pdf",
        mime_type="application/pdf",
        thread_id=thread_id,
        metadata={"scanned": True},
    )


@pytest.fixture
async def storage(every_store_url: str) -> AsyncIterator[Storage]:
    opened = open_test_storage(every_store_url)
    yield opened
    await opened.close()


@pytest.fixture
def store(storage: Storage) -> ThreadStore[RequestContext]:
    return storage.threads


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


async def all_items(
    store: ThreadStore[RequestContext], thread_id: str, context: RequestContext
) -> list[ThreadItem]:
    return (await store.load_thread_items(thread_id, None, 1000, "asc", context)).data


async def count_feedback(storage: Storage, thread_id: str) -> int:
    return (await thread_records(storage, thread_id))["feedback"]


# --- threads --------------------------------------------------------------------------------


async def test_a_thread_comes_back_as_saved(store: ThreadStore[RequestContext]) -> None:
    untitled = make_thread("thr_untitled", title=None)
    await store.save_thread(untitled, ALICE)

    assert await store.load_thread("thr_untitled", ALICE) == untitled


async def test_saving_again_updates_a_thread_but_keeps_its_creation_time(
    store: ThreadStore[RequestContext],
) -> None:
    await store.save_thread(make_thread("thr_first", T0), ALICE)
    await store.save_thread(make_thread("thr_second", T0 + 60 * SECOND), ALICE)

    changed = make_thread("thr_first", T0 + timedelta(hours=1), title="Boots, size 9")
    changed.status = LockedStatus(reason="Return created")
    changed.metadata = {"order": "W1", "rma": "RMA1"}
    await store.save_thread(changed, ALICE)

    loaded = await store.load_thread("thr_first", ALICE)
    assert loaded.title == "Boots, size 9"
    assert loaded.status == LockedStatus(reason="Return created")
    assert loaded.metadata == {"order": "W1", "rma": "RMA1"}
    assert loaded.created_at == T0
    listed = await store.load_threads(10, None, "asc", ALICE)
    assert [thread.id for thread in listed.data] == ["thr_first", "thr_second"]


@pytest.mark.parametrize("order", ["asc", "desc"])
async def test_updates_keep_a_thread_and_an_item_in_place_among_equal_stamps(
    store: ThreadStore[RequestContext], order: Order
) -> None:
    # An update that re-inserted the row (as the SDK's sample store does) would move it last.
    for thread_id in ("thr_1", "thr_2", "thr_3"):
        await store.save_thread(make_thread(thread_id, T0), ALICE)
        await store.add_thread_item("thr_1", reply("thr_1", f"msg_{thread_id}", "", T0), ALICE)
    await store.save_thread(make_thread("thr_1", T0, title="renamed"), ALICE)
    await store.save_item("thr_1", reply("thr_1", "msg_thr_1", "edited", T0), ALICE)

    threads = await store.load_threads(10, None, order, ALICE)
    items = await store.load_thread_items("thr_1", None, 10, order, ALICE)

    expected = ["1", "2", "3"] if order == "asc" else ["3", "2", "1"]
    assert [thread.id for thread in threads.data] == [f"thr_{n}" for n in expected]
    assert [item.id for item in items.data] == [f"msg_thr_{n}" for n in expected]


async def test_naive_local_and_aware_stamps_sort_by_the_instant_they_name(
    store: ThreadStore[RequestContext], local_clock_behind_utc: None
) -> None:
    # 08:00 local is 13:00 UTC; read as UTC it would come before 12:30 UTC.
    naive_local = datetime(2025, 3, 1, 8, 0)
    await store.save_thread(make_thread("thr_t"), ALICE)
    arrivals: list[ThreadItem] = [
        reply("thr_t", "msg_late", "c", datetime(2025, 3, 1, 13, 30, tzinfo=UTC)),
        user_message("thr_t", "msg_naive", "b", naive_local),
        reply("thr_t", "msg_early", "a", datetime(2025, 3, 1, 12, 30, tzinfo=UTC)),
    ]
    for item in arrivals:
        await store.add_thread_item("thr_t", item, ALICE)

    items = await all_items(store, "thr_t", ALICE)

    assert [item.id for item in items] == ["msg_early", "msg_naive", "msg_late"]
    # The SDK subtracts stored stamps from datetime.now(): a naive stamp must stay naive.
    assert items[1].created_at == naive_local
    assert items[1].created_at.tzinfo is None


async def test_thread_ids_keep_the_sdk_prefix_with_more_randomness(
    store: ThreadStore[RequestContext],
) -> None:
    thread_id = store.generate_thread_id(ALICE)
    thread = make_thread(thread_id)
    ids = {
        "thr": thread_id,
        "msg": store.generate_item_id("message", thread, ALICE),
        "tc": store.generate_item_id("tool_call", thread, ALICE),
        "wf": store.generate_item_id("workflow", thread, ALICE),
        "tsk": store.generate_item_id("task", thread, ALICE),
    }
    for prefix, generated in ids.items():
        assert re.fullmatch(rf"{prefix}_[0-9a-f]{{16,}}", generated), generated


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


@pytest.mark.parametrize("order", ["asc", "desc"])
async def test_threads_page_in_a_stable_order_without_gaps_or_repeats(
    store: ThreadStore[RequestContext], order: Order
) -> None:
    ids: list[str] = []
    for stamp in STAMPS:
        thread_id = store.generate_thread_id(ALICE)
        ids.append(thread_id)
        await store.save_thread(make_thread(thread_id, stamp), ALICE)
        await store.save_thread(make_thread(store.generate_thread_id(BOB), stamp), BOB)

    async def load_page(after: str | None, limit: int) -> tuple[list[str], bool, str | None]:
        page = await store.load_threads(limit, after, order, ALICE)
        return [thread.id for thread in page.data], page.has_more, page.after

    for limit in range(1, len(STAMPS) + 2):
        assert await walk(load_page, limit) == expected_order(ids, order), f"limit {limit}"


@pytest.mark.parametrize("order", ["asc", "desc"])
async def test_items_page_in_a_stable_order_without_gaps_or_repeats(
    store: ThreadStore[RequestContext], order: Order
) -> None:
    thread = make_thread("thr_paged")
    await store.save_thread(thread, ALICE)
    await store.save_thread(make_thread("thr_other"), ALICE)
    ids: list[str] = []
    for index, stamp in enumerate(STAMPS):
        item_id = store.generate_item_id("message", thread, ALICE)
        ids.append(item_id)
        await store.add_thread_item(
            "thr_paged", user_message("thr_paged", item_id, str(index), stamp), ALICE
        )
        await store.add_thread_item(
            "thr_other", user_message("thr_other", item_id, "x", stamp), ALICE
        )

    async def load_page(after: str | None, limit: int) -> tuple[list[str], bool, str | None]:
        page = await store.load_thread_items("thr_paged", after, limit, order, ALICE)
        return [item.id for item in page.data], page.has_more, page.after

    for limit in range(1, len(STAMPS) + 2):
        assert await walk(load_page, limit) == expected_order(ids, order), f"limit {limit}"


async def test_a_new_reply_does_not_shift_older_pages(
    store: ThreadStore[RequestContext],
) -> None:
    await store.save_thread(make_thread("thr_live"), ALICE)
    for index in range(4):
        await store.add_thread_item("thr_live", reply("thr_live", f"msg_{index}", "", T0), ALICE)

    newest = await store.load_thread_items("thr_live", None, 2, "desc", ALICE)
    await store.add_thread_item("thr_live", reply("thr_live", "msg_new", "", T0), ALICE)
    older = await store.load_thread_items("thr_live", newest.after, 2, "desc", ALICE)

    assert [item.id for item in newest.data] == ["msg_3", "msg_2"]
    assert [item.id for item in older.data] == ["msg_1", "msg_0"]
    assert not older.has_more


@pytest.mark.parametrize(
    ("limit", "order"),
    [(0, "asc"), (-1, "desc"), (10, "sideways")],
    ids=["zero", "negative", "order"],
)
async def test_paging_arguments_are_checked(
    store: ThreadStore[RequestContext], limit: int, order: str
) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)
    with pytest.raises(InvalidRequest):
        await store.load_threads(limit, None, order, ALICE)
    with pytest.raises(InvalidRequest):
        await store.load_thread_items("thr_a", None, limit, order, ALICE)


# --- items ----------------------------------------------------------------------------------


async def test_items_of_every_kind_come_back_as_saved(
    store: ThreadStore[RequestContext],
) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)
    saved: list[ThreadItem] = [
        user_message("thr_a", "msg_1", "Where is my refund?", T0),
        reply("thr_a", "msg_2", "Let me look.", T0 + SECOND),
        ClientToolCallItem(
            id="tc_1",
            thread_id="thr_a",
            created_at=T0 + 2 * SECOND,
            call_id="call_1",
            name="open_order",
            arguments={"order_id": "#W1", "lines": [1, 2]},
        ),
    ]
    for item in saved:
        await store.add_thread_item("thr_a", item, ALICE)

    assert await all_items(store, "thr_a", ALICE) == saved
    assert await store.load_item("thr_a", "tc_1", ALICE) == saved[2]


async def test_save_item_replaces_in_place_and_keeps_the_original_stamp(
    store: ThreadStore[RequestContext],
) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_1", "Checking", T0), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_2", "Found it", T0 + SECOND), ALICE)

    await store.save_item(
        "thr_a", reply("thr_a", "msg_1", "Checked", T0 + timedelta(hours=1)), ALICE
    )

    items = await all_items(store, "thr_a", ALICE)
    assert items == [
        reply("thr_a", "msg_1", "Checked", T0),
        reply("thr_a", "msg_2", "Found it", T0 + SECOND),
    ]


async def test_save_item_adds_an_item_that_is_not_there_yet(
    store: ThreadStore[RequestContext],
) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_2", "second", T0 + SECOND), ALICE)

    await store.save_item("thr_a", reply("thr_a", "msg_1", "first", T0), ALICE)

    assert [item.id for item in await all_items(store, "thr_a", ALICE)] == ["msg_1", "msg_2"]


async def test_adding_an_item_twice_is_a_conflict_that_changes_nothing(
    store: ThreadStore[RequestContext],
) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_1", "original"), ALICE)

    with pytest.raises(Conflict, match="msg_1"):
        await store.add_thread_item("thr_a", reply("thr_a", "msg_1", "copy"), ALICE)

    assert await all_items(store, "thr_a", ALICE) == [reply("thr_a", "msg_1", "original")]


async def test_item_ids_are_scoped_to_their_thread(store: ThreadStore[RequestContext]) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)
    await store.save_thread(make_thread("thr_b"), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_1", "in a"), ALICE)
    await store.add_thread_item("thr_b", reply("thr_b", "msg_1", "in b"), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_only_a", "only a"), ALICE)

    await store.save_item("thr_b", reply("thr_b", "msg_1", "b, edited"), ALICE)
    await store.delete_thread_item("thr_a", "msg_1", ALICE)

    assert await store.load_item("thr_b", "msg_1", ALICE) == reply("thr_b", "msg_1", "b, edited")
    with pytest.raises(NotFoundError):
        await store.load_item("thr_b", "msg_only_a", ALICE)


async def test_deleting_an_item_leaves_the_others(store: ThreadStore[RequestContext]) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)
    for index in range(3):
        await store.add_thread_item(
            "thr_a", reply("thr_a", f"msg_{index}", "", T0 + index * SECOND), ALICE
        )

    await store.delete_thread_item("thr_a", "msg_1", ALICE)
    # Already gone is fine: the SDK removes items it announced but never stored.
    await store.delete_thread_item("thr_a", "msg_1", ALICE)

    assert [item.id for item in await all_items(store, "thr_a", ALICE)] == ["msg_0", "msg_2"]
    with pytest.raises(NotFoundError):
        await store.load_item("thr_a", "msg_1", ALICE)


async def test_deleting_a_thread_removes_everything_hanging_off_it(
    store: ThreadStore[RequestContext], storage: Storage
) -> None:
    for thread_id in ("thr_gone", "thr_kept"):
        await store.save_thread(make_thread(thread_id), ALICE)
        await store.add_thread_item(thread_id, reply(thread_id, "msg_1", "hello"), ALICE)
        await store.add_feedback(thread_id, ["msg_1"], "negative", ALICE)
        async with storage.transaction(conversation_only=True) as repositories:
            await repositories.conversations.save_state(
                thread_id=thread_id,
                owner_id=ALICE.owner_id,
                customer_id=None,
                data={},
                expected_version=0,
                at=T0,
            )

    await store.delete_thread("thr_gone", ALICE)

    with pytest.raises(NotFoundError):
        await store.load_thread("thr_gone", ALICE)
    assert await thread_records(storage, "thr_gone") == {"items": 0, "feedback": 0, "state": 0}
    assert await thread_records(storage, "thr_kept") == {"items": 1, "feedback": 1, "state": 1}
    assert [thread.id for thread in (await store.load_threads(10, None, "asc", ALICE)).data] == [
        "thr_kept"
    ]


# --- feedback -------------------------------------------------------------------------------


async def test_feedback_is_recorded_once_per_item(
    store: ThreadStore[RequestContext], storage: Storage
) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_1", "one"), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_2", "two"), ALICE)

    await store.add_feedback("thr_a", ["msg_1", "msg_2", "msg_1"], "positive", ALICE)

    assert await feedback_of_thread(storage, "thr_a") == [
        ("msg_1", "positive", ALICE.owner_id),
        ("msg_2", "positive", ALICE.owner_id),
    ]


async def test_feedback_on_an_unknown_item_records_nothing(
    store: ThreadStore[RequestContext], storage: Storage
) -> None:
    await store.save_thread(make_thread("thr_a"), ALICE)
    await store.add_thread_item("thr_a", reply("thr_a", "msg_1", "one"), ALICE)

    with pytest.raises(NotFoundError, match="msg_nope"):
        await store.add_feedback("thr_a", ["msg_1", "msg_nope"], "negative", ALICE)

    assert await count_feedback(storage, "thr_a") == 0


# --- attachments ----------------------------------------------------------------------------


async def test_attachments_come_back_as_saved(store: ThreadStore[RequestContext]) -> None:
    image = ImageAttachment(
        id="atc_photo",
        name="scuff.png",
        mime_type="image/png",
        preview_url=AnyUrl("https://cdn.example.com/scuff.png"),
        metadata={"width": 640},
    )
    await store.save_attachment(receipt(), ALICE)
    await store.save_attachment(image, ALICE)

    assert await store.load_attachment("atc_receipt", ALICE) == receipt()
    assert await store.load_attachment("atc_photo", ALICE) == image


async def test_saving_an_attachment_again_updates_it(
    store: ThreadStore[RequestContext],
) -> None:
    await store.save_attachment(receipt(), ALICE)
    await store.save_thread(make_thread("thr_a"), ALICE)

    await store.save_attachment(receipt(thread_id="thr_a"), ALICE)

    assert await store.load_attachment("atc_receipt", ALICE) == receipt(thread_id="thr_a")


async def test_a_deleted_attachment_is_gone(store: ThreadStore[RequestContext]) -> None:
    await store.save_attachment(receipt(), ALICE)
    await store.save_attachment(receipt("atc_other"), ALICE)

    await store.delete_attachment("atc_receipt", ALICE)

    with pytest.raises(NotFoundError):
        await store.load_attachment("atc_receipt", ALICE)
    assert await store.load_attachment("atc_other", ALICE) == receipt("atc_other")


# --- owner isolation and missing records ----------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What an operation aims at, and on whose behalf it runs."""

    thread_id: str
    item_id: str
    attachment_id: str
    context: RequestContext


Operation = Callable[[ThreadStore[RequestContext], Target], Awaitable[object]]

# Each raises NotFoundError when the thread or attachment is someone else's or missing.
NEEDS_EXISTING: dict[str, Operation] = {
    "load_thread": lambda s, t: s.load_thread(t.thread_id, t.context),
    "load_thread_items": lambda s, t: s.load_thread_items(t.thread_id, None, 10, "asc", t.context),
    "load_threads_after": lambda s, t: s.load_threads(10, t.thread_id, "desc", t.context),
    "load_item": lambda s, t: s.load_item(t.thread_id, t.item_id, t.context),
    "add_thread_item": lambda s, t: s.add_thread_item(
        t.thread_id, user_message(t.thread_id, "msg_intruder", "let me in"), t.context
    ),
    "save_item_new": lambda s, t: s.save_item(
        t.thread_id, user_message(t.thread_id, "msg_intruder", "let me in"), t.context
    ),
    "save_item_existing": lambda s, t: s.save_item(
        t.thread_id, reply(t.thread_id, t.item_id, "rewritten"), t.context
    ),
    "delete_thread": lambda s, t: s.delete_thread(t.thread_id, t.context),
    "delete_thread_item": lambda s, t: s.delete_thread_item(t.thread_id, t.item_id, t.context),
    "add_feedback": lambda s, t: s.add_feedback(t.thread_id, [t.item_id], "negative", t.context),
    "load_attachment": lambda s, t: s.load_attachment(t.attachment_id, t.context),
    "delete_attachment": lambda s, t: s.delete_attachment(t.attachment_id, t.context),
}
# For a missing id these create a record, which is right; another owner's id must not be taken.
OVERWRITES: dict[str, Operation] = {
    "save_thread": lambda s, t: s.save_thread(make_thread(t.thread_id, title="taken"), t.context),
    "save_attachment": lambda s, t: s.save_attachment(receipt(t.attachment_id), t.context),
}


@dataclass(frozen=True)
class Seeded:
    thread_id: str
    item_ids: tuple[str, str]
    attachment_id: str


@pytest.fixture
async def alices(store: ThreadStore[RequestContext]) -> Seeded:
    thread_id = store.generate_thread_id(ALICE)
    await store.save_thread(make_thread(thread_id), ALICE)
    await store.add_thread_item(thread_id, user_message(thread_id, "msg_q", "My boots?", T0), ALICE)
    await store.add_thread_item(
        thread_id, reply(thread_id, "msg_a", "Which size?", T0 + SECOND), ALICE
    )
    await store.add_feedback(thread_id, ["msg_a"], "positive", ALICE)
    await store.save_attachment(receipt("atc_alice", thread_id), ALICE)
    return Seeded(thread_id, ("msg_q", "msg_a"), "atc_alice")


async def alices_view(
    store: ThreadStore[RequestContext], storage: Storage, seeded: Seeded
) -> object:
    return (
        await store.load_thread(seeded.thread_id, ALICE),
        await all_items(store, seeded.thread_id, ALICE),
        await store.load_attachment(seeded.attachment_id, ALICE),
        await count_feedback(storage, seeded.thread_id),
        [thread.id for thread in (await store.load_threads(10, None, "asc", ALICE)).data],
    )


@pytest.mark.parametrize(
    "operation",
    [
        pytest.param(operation, id=name)
        for name, operation in {**NEEDS_EXISTING, **OVERWRITES}.items()
    ],
)
async def test_another_owners_records_are_not_found_and_not_touched(
    store: ThreadStore[RequestContext],
    storage: Storage,
    alices: Seeded,
    operation: Operation,
) -> None:
    before = await alices_view(store, storage, alices)
    bob = Target(alices.thread_id, alices.item_ids[1], alices.attachment_id, BOB)

    with pytest.raises(NotFoundError) as raised:
        await operation(store, bob)

    assert isinstance(raised.value, NotFound), "the web layer answers NotFound with 404"
    assert await alices_view(store, storage, alices) == before


@pytest.mark.parametrize(
    "operation", [pytest.param(operation, id=name) for name, operation in NEEDS_EXISTING.items()]
)
async def test_missing_records_are_not_found_and_nothing_else_changes(
    store: ThreadStore[RequestContext],
    storage: Storage,
    alices: Seeded,
    operation: Operation,
) -> None:
    before = await alices_view(store, storage, alices)
    missing = Target("thr_missing", alices.item_ids[1], "atc_missing", ALICE)

    with pytest.raises(NotFoundError):
        await operation(store, missing)

    assert await alices_view(store, storage, alices) == before


async def test_another_owner_sees_no_threads(
    store: ThreadStore[RequestContext], alices: Seeded
) -> None:
    page = await store.load_threads(10, None, "desc", BOB)
    assert page.data == []
    assert not page.has_more


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda s, t: s.load_item(t.thread_id, "msg_missing", ALICE), id="load_item"),
        pytest.param(
            lambda s, t: s.load_thread_items(t.thread_id, "msg_missing", 10, "asc", ALICE),
            id="items_cursor",
        ),
        pytest.param(
            lambda s, t: s.load_threads(10, "thr_missing", "asc", ALICE), id="threads_cursor"
        ),
    ],
)
async def test_unknown_item_or_cursor_in_an_own_thread_is_not_found(
    store: ThreadStore[RequestContext],
    alices: Seeded,
    call: Callable[[ThreadStore[RequestContext], Seeded], Awaitable[object]],
) -> None:
    with pytest.raises(NotFoundError):
        await call(store, alices)
