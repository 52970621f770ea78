"""ChatKit's `Store` on Cosmos DB: threads, items, attachments and feedback, per owner.

A thread and everything hanging off it live in the thread's partition of `threads`: the
thread document (`id` "thread"), one document per item, the ratings of its items, and
beside them the conversation state, log and lease other modules keep. Each owner's
partition of `owners` lists the owner's threads, so listing them is one partition's
query; attachments are looked up by id in `keys`.

Documents keep each SDK model as JSON text, returned exactly as it was saved: the SDK
stamps naive local time and does arithmetic with it, so handing back an aware value
would break it (see `thread_json`). Beside the JSON, `created_at` holds the instant as
sortable UTC text, and `position` the order the SQL store gives rows: by that instant,
then in the order they were stored, so that items stamped alike keep their places.

Anything that belongs to another owner is reported exactly like something that does not
exist. Within one request the context's memo spares the store from proving the same
thread's ownership, and from reading the same thread and items, again and again (see
`request_memo`).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import TypeVar

from azure.cosmos.aio import DatabaseProxy
from chatkit.types import Attachment, FeedbackKind, Page, ThreadItem, ThreadMetadata

from returndesk.errors import Conflict
from returndesk.store.cosmos.containers import CUSTOMERS, KEYS, OWNERS, THREADS, Container
from returndesk.store.cosmos.documents import document_id, stamp
from returndesk.store.cosmos.repositories.conversations import STATE_ID, customer_thread_id
from returndesk.store.cosmos.thread_lock import LEASE_ID
from returndesk.store.cosmos.unit_of_work import Document, Unit, unit_of_work
from returndesk.store.owner import StoreContext
from returndesk.store.port.errors import Contention, Duplicate
from returndesk.store.port.storage import Repositories
from returndesk.store.port.threads import Caller, RecordNotFound, Staged, ThreadStore
from returndesk.store.request_memo import LatestItems
from returndesk.store.thread_json import (
    ATTACHMENT,
    THREAD_ITEM,
    attachment_not_found,
    check_limit,
    created_at_of,
    is_descending,
    item_json,
    item_not_found,
    newest_page_from_memo,
    remember_newest,
    replacement,
    thread_json,
    thread_not_found,
    to_utc,
)

# The thread's own document in its partition.
THREAD_ID = "thread"

# A write whose commit found a document it read changed since runs again, after a pause
# growing from this, with jitter so that racers spread out.
CONTENDED_ATTEMPTS = 8
FIRST_PAUSE_SECONDS = 0.01

_Model = TypeVar("_Model")
_T = TypeVar("_T")


class _InsertionClock:
    """Stamps that sort in the order they were handed out: nanoseconds since the epoch,
    never the same twice in a process, so items stored in one go keep their order."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> str:
        self._last = max(time.time_ns(), self._last + 1)
        # Fixed width, so that comparing the text compares the numbers.
        return f"{self._last:020d}"


_clock = _InsertionClock()


def next_seq() -> str:
    """A stamp for a new thread or item: later than every one this process gave before."""
    return _clock.next()


def position(created_at: datetime, seq: str) -> str:
    """Where a thread or item stands: by the instant it names, then by when it was stored.

    One text field, so a query orders by it without a composite index.
    """
    return f"{stamp(to_utc(created_at))}|{seq}"


def item_doc_id(item_id: str) -> str:
    return document_id("item", item_id)


def owned_thread_doc_id(thread_id: str) -> str:
    return document_id("thread", thread_id)


def attachment_doc_id(attachment_id: str) -> str:
    return document_id("attachment", attachment_id)


def thread_document(
    thread_id: str,
    owner_id: str,
    created_at: datetime,
    title: str | None,
    data: str,
    *,
    updated_at: datetime,
    seq: str,
) -> Document:
    """A thread's document in its partition of `threads`."""
    return {
        "id": THREAD_ID,
        "type": "thread",
        THREADS.key: thread_id,
        "owner_id": owner_id,
        "created_at": stamp(to_utc(created_at)),
        "updated_at": stamp(updated_at),
        "title": title,
        "json": data,
        "position": position(created_at, seq),
    }


def owned_thread_document(
    thread_id: str, owner_id: str, created_at: datetime, *, seq: str
) -> Document:
    """The entry listing a thread in its owner's partition of `owners`."""
    return {
        "id": owned_thread_doc_id(thread_id),
        "type": "owned_thread",
        OWNERS.key: owner_id,
        "thread_id": thread_id,
        "created_at": stamp(to_utc(created_at)),
        "position": position(created_at, seq),
    }


def item_document(
    thread_id: str, item_id: str, owner_id: str, created_at: datetime, data: str, *, seq: str
) -> Document:
    """An item's document in its thread's partition."""
    return {
        "id": item_doc_id(item_id),
        "type": "item",
        THREADS.key: thread_id,
        "item_id": item_id,
        "owner_id": owner_id,
        "created_at": stamp(to_utc(created_at)),
        "json": data,
        "position": position(created_at, seq),
    }


def _new_item(thread_id: str, item: ThreadItem, context: StoreContext) -> Document:
    return item_document(
        thread_id, item.id, context.owner_id, item.created_at, item_json(item), seq=next_seq()
    )


def _unit_of(repositories: Repositories) -> Unit:
    # Imported when needed: `unit_repositories` imports every repository, so a repository
    # that uses this module's documents would otherwise close an import cycle.
    from returndesk.store.cosmos.unit_repositories import unit_of

    return unit_of(repositories)


class CosmosThreadStore(ThreadStore[Caller]):
    def __init__(self, database: DatabaseProxy) -> None:
        self.database = database

    # --- threads -----------------------------------------------------------------------------

    async def load_thread(self, thread_id: str, context: Caller) -> ThreadMetadata:
        data = context.memo.threads.get(thread_id) if context.memo.active else None
        if data is None:
            async with unit_of_work(self.database, writable=False) as unit:
                document = await _owned_thread(unit, thread_id, context)
            data = str(document["json"])
            context.memo.saw_thread(thread_id, data)
        return ThreadMetadata.model_validate_json(data)

    async def save_thread(self, thread: ThreadMetadata, context: Caller) -> None:
        staged = context.memo.staged_threads.pop(thread.id, None)
        if staged is not None and thread_json(thread, created_at_of(staged)) == staged:
            return

        async def write(unit: Unit) -> str:
            updated = await _update_thread(unit, thread, context)
            return updated if updated is not None else await _save_thread(unit, thread, context)

        data = await self._commit(write, f"Thread {thread.id} was created twice at once.")
        context.memo.saw_thread(thread.id, data)

    async def thread_owner(
        self, thread_id: str, repositories: Repositories | None = None
    ) -> str | None:
        """Whose thread this is: for the store's staff, who read and write in any thread.

        Read in `repositories` when given, so a write in them can act as the owner.
        """
        if repositories is not None:
            return await _owner_of(_unit_of(repositories), thread_id)
        async with unit_of_work(self.database, writable=False) as unit:
            return await _owner_of(unit, thread_id)

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: Caller
    ) -> Page[ThreadMetadata]:
        descending = is_descending(order)
        check_limit(limit)
        owner_id = context.owner_id
        async with unit_of_work(self.database, writable=False) as unit:
            beyond: str | None = None
            if after is not None:
                cursor = await unit.read(OWNERS, owner_id, owned_thread_doc_id(after))
                if cursor is None:
                    raise thread_not_found(after)
                beyond = str(cursor["position"])
            # One thread more than asked says whether another page follows.
            shown: list[tuple[str, str]] = []
            while len(shown) <= limit:
                wanted = limit + 1 - len(shown)
                entries = await _in_order(
                    unit,
                    OWNERS,
                    owner_id,
                    "owned_thread",
                    descending=descending,
                    beyond=beyond,
                    count=wanted,
                )
                threads = await asyncio.gather(
                    *(unit.read(THREADS, str(entry["thread_id"]), THREAD_ID) for entry in entries)
                )
                # An entry whose thread is gone (a deletion cut short) is passed over.
                shown.extend(
                    (str(document[THREADS.key]), str(document["json"]))
                    for document in threads
                    if document is not None and document["owner_id"] == owner_id
                )
                if len(entries) < wanted:
                    break
                beyond = str(entries[-1]["position"])
        return _page(shown, limit, ThreadMetadata.model_validate_json)

    async def delete_thread(self, thread_id: str, context: Caller) -> None:
        try:
            await self._commit(lambda unit: _delete_thread(unit, thread_id, context))
        finally:
            context.memo.forget_thread(thread_id)

    # --- items -------------------------------------------------------------------------------

    async def load_thread_items(
        self,
        thread_id: str,
        after: str | None,
        limit: int,
        order: str,
        context: Caller,
    ) -> Page[ThreadItem]:
        descending = is_descending(order)
        check_limit(limit)
        remembered = newest_page_from_memo(
            context.memo, thread_id, after, limit, descending=descending
        )
        if remembered is not None:
            return remembered
        async with unit_of_work(self.database, writable=False) as unit:
            await _check_owner(unit, thread_id, context)
            beyond: str | None = None
            if after is not None:
                cursor = await unit.read(THREADS, thread_id, item_doc_id(after))
                if cursor is None:
                    raise item_not_found(thread_id, after)
                beyond = str(cursor["position"])
            # One item more than asked says whether another page follows.
            found = await _in_order(
                unit,
                THREADS,
                thread_id,
                "item",
                descending=descending,
                beyond=beyond,
                count=limit + 1,
            )
        rows = [(str(document["item_id"]), str(document["json"])) for document in found]
        remember_newest(context.memo, thread_id, after, limit, rows, descending=descending)
        return _page(rows, limit, THREAD_ITEM.validate_json)

    async def load_item(self, thread_id: str, item_id: str, context: Caller) -> ThreadItem:
        return THREAD_ITEM.validate_json(await self.load_item_json(thread_id, item_id, context))

    async def load_item_json(self, thread_id: str, item_id: str, context: Caller) -> str:
        """The item as stored, for a caller that only edits its JSON."""
        data = context.memo.item(thread_id, item_id)
        if data is None:
            async with unit_of_work(self.database, writable=False) as unit:
                if context.memo.owns(thread_id):
                    document = await unit.read(THREADS, thread_id, item_doc_id(item_id))
                    if document is None:
                        raise item_not_found(thread_id, item_id)
                    data = str(document["json"])
                else:
                    data = await _owned_thread_item(unit, thread_id, item_id, context)
            context.memo.saw_item(thread_id, item_id, data)
        return data

    async def read_ahead_latest(
        self, repositories: Repositories, thread_id: str, limit: int, context: Caller
    ) -> None:
        unit = _unit_of(repositories)
        if not context.memo.owns(thread_id) or thread_id in context.memo.latest:
            return
        # One item more than asked says whether older items follow. Whole documents, so
        # the unit holds them (with their ETags) should the turn rewrite one.
        found = await _in_order(
            unit, THREADS, thread_id, "item", descending=True, beyond=None, count=limit + 1
        )
        context.memo.latest[thread_id] = LatestItems(
            [str(document["item_id"]) for document in found],
            [str(document["json"]) for document in found],
            len(found) <= limit,
        )

    async def read_ahead(
        self, repositories: Repositories, thread_id: str, item_id: str, context: Caller
    ) -> None:
        unit = _unit_of(repositories)
        if not context.memo.owns(thread_id) or context.memo.item(thread_id, item_id) is not None:
            return
        document = await unit.read(THREADS, thread_id, item_doc_id(item_id))
        if document is not None:
            context.memo.saw_item(thread_id, item_id, str(document["json"]))

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: Caller) -> None:
        staged = context.memo.staged.pop((thread_id, item.id), None)
        if staged is not None:
            if item_json(item) == staged:
                return
            # Changed since it was stored ahead of the stream: store what is streamed.
            await self.save_item(thread_id, item, context)
            return
        document = _new_item(thread_id, item, context)

        async def write(unit: Unit) -> None:
            _prove_owner(await unit.read(THREADS, thread_id, THREAD_ID), thread_id, context)
            unit.create(THREADS, document)

        await self._commit(write, f"Item {item.id} already exists in thread {thread_id}.")
        context.memo.items_changed(thread_id, item.id, str(document["json"]))

    async def save_item(self, thread_id: str, item: ThreadItem, context: Caller) -> None:
        async def write(unit: Unit) -> str:
            thread, stored = await asyncio.gather(
                unit.read(THREADS, thread_id, THREAD_ID),
                unit.read(THREADS, thread_id, item_doc_id(item.id)),
            )
            _prove_owner(thread, thread_id, context)
            return _replace_item(unit, thread_id, item, stored, context)

        data = await self._commit(write, f"Item {item.id} was added twice at once.")
        context.memo.items_changed(thread_id, item.id, data)

    async def stage(
        self,
        repositories: Repositories,
        thread_id: str,
        context: Caller,
        *,
        replaced: Sequence[ThreadItem] = (),
        added: Sequence[ThreadItem] = (),
        retitled: ThreadMetadata | None = None,
    ) -> Staged:
        unit = _unit_of(repositories)
        owned, *stored = await asyncio.gather(
            unit.read(THREADS, thread_id, THREAD_ID),
            *(unit.read(THREADS, thread_id, item_doc_id(item.id)) for item in replaced),
        )
        _prove_owner(owned, thread_id, context)
        # A thread the memo does not know is left to the SDK's own `save_thread`.
        thread = None if retitled is None else await _update_thread(unit, retitled, context)
        written = [
            (item.id, _replace_item(unit, thread_id, item, found, context))
            for item, found in zip(replaced, stored, strict=True)
        ]
        documents = [_new_item(thread_id, item, context) for item in added]
        for document in documents:
            unit.create(THREADS, document)
        return Staged(
            thread_id,
            written,
            [(str(document["item_id"]), str(document["json"])) for document in documents],
            thread,
        )

    async def delete_thread_item(self, thread_id: str, item_id: str, context: Caller) -> None:
        # An item that is already gone is not an error: the SDK removes items that were
        # announced while streaming but never stored.
        doc_id = item_doc_id(item_id)

        async def write(unit: Unit) -> None:
            thread, stored = await asyncio.gather(
                unit.read(THREADS, thread_id, THREAD_ID), unit.read(THREADS, thread_id, doc_id)
            )
            _prove_owner(thread, thread_id, context)
            # Deleting what is not there fails the unit, so only what is there is deleted.
            if stored is not None:
                unit.delete(THREADS, thread_id, doc_id)

        await self._commit(write)
        context.memo.items_changed(thread_id, item_id, None)

    # --- feedback ----------------------------------------------------------------------------

    async def add_feedback(
        self, thread_id: str, item_ids: list[str], kind: FeedbackKind, context: Caller
    ) -> None:
        wanted = list(dict.fromkeys(item_ids))
        now = stamp(datetime.now(UTC))

        async def write(unit: Unit) -> None:
            thread, *found = await asyncio.gather(
                unit.read(THREADS, thread_id, THREAD_ID),
                *(unit.read(THREADS, thread_id, item_doc_id(item_id)) for item_id in wanted),
            )
            _prove_owner(thread, thread_id, context)
            missing = [
                item_id for item_id, document in zip(wanted, found, strict=True) if document is None
            ]
            if missing:
                raise RecordNotFound(
                    f"Item {', '.join(missing)} was not found in thread {thread_id}."
                )
            for item_id in wanted:
                # Every rating is kept, as given: a shopper who changes their mind rates again.
                unit.create(
                    THREADS,
                    {
                        "id": document_id("feedback", item_id, next_seq()),
                        "type": "feedback",
                        THREADS.key: thread_id,
                        "item_id": item_id,
                        "owner_id": context.owner_id,
                        "kind": kind,
                        "created_at": now,
                    },
                )

        await self._commit(write)

    # --- attachments -------------------------------------------------------------------------

    async def save_attachment(self, attachment: Attachment, context: Caller) -> None:
        data = attachment.model_dump_json(by_alias=True)
        doc_id = attachment_doc_id(attachment.id)

        async def write(unit: Unit) -> None:
            document = await unit.read(KEYS, doc_id, doc_id)
            if document is None:
                unit.create(
                    KEYS,
                    {
                        "id": doc_id,
                        "type": "key",
                        "kind": "attachment",
                        "owner_id": context.owner_id,
                        "thread_id": attachment.thread_id,
                        "created_at": stamp(datetime.now(UTC)),
                        "json": data,
                    },
                )
                return
            if document["owner_id"] != context.owner_id:
                raise attachment_not_found(attachment.id)
            document["thread_id"] = attachment.thread_id
            document["json"] = data
            unit.replace(KEYS, document)

        await self._commit(write, f"Attachment {attachment.id} was saved twice at once.")

    async def load_attachment(self, attachment_id: str, context: Caller) -> Attachment:
        async with unit_of_work(self.database, writable=False) as unit:
            document = await _owned_attachment(unit, attachment_id, context)
        return ATTACHMENT.validate_json(document["json"])

    async def delete_attachment(self, attachment_id: str, context: Caller) -> None:
        async def write(unit: Unit) -> None:
            document = await _owned_attachment(unit, attachment_id, context)
            unit.delete(KEYS, str(document["id"]), str(document["id"]))

        await self._commit(write)

    # --- helpers -----------------------------------------------------------------------------

    async def _commit(
        self, write: Callable[[Unit], Awaitable[_T]], conflict: str | None = None
    ) -> _T:
        """Run `write` in a unit of work of its own and commit it; a duplicate key becomes
        Conflict, said in `conflict`.

        A document the unit read and another writer changed before it committed fails
        the commit with Contention; `write` then runs again over the change, so the last
        writer wins, as it does in SQL.
        """
        for attempt in range(1, CONTENDED_ATTEMPTS + 1):
            try:
                async with unit_of_work(
                    self.database, writable=True, conversation_only=True
                ) as unit:
                    written = await write(unit)
                return written
            except Duplicate as exc:
                if conflict is None:
                    raise
                raise Conflict(conflict) from exc
            except Contention:
                if attempt == CONTENDED_ATTEMPTS:
                    raise
                await asyncio.sleep(
                    FIRST_PAUSE_SECONDS * 2 ** (attempt - 1) * random.uniform(0.5, 1.5)
                )
        raise AssertionError("unreachable")


async def _owner_of(unit: Unit, thread_id: str) -> str | None:
    document = await unit.read(THREADS, thread_id, THREAD_ID)
    return None if document is None else str(document["owner_id"])


async def _owned_thread(unit: Unit, thread_id: str, context: StoreContext) -> Document:
    """The thread's document, if the thread is the caller's."""
    document = await unit.read(THREADS, thread_id, THREAD_ID)
    if document is None or document["owner_id"] != context.owner_id:
        raise thread_not_found(thread_id)
    return document


async def _check_owner(unit: Unit, thread_id: str, context: StoreContext) -> None:
    """Raise RecordNotFound unless the thread is the owner's; once per thread per request."""
    if context.memo.owns(thread_id):
        return
    document = await _owned_thread(unit, thread_id, context)
    context.memo.saw_thread(thread_id, str(document["json"]))


def _prove_owner(thread: Document | None, thread_id: str, context: StoreContext) -> None:
    """Raise RecordNotFound unless `thread`, its document as a write just read it, is the
    caller's.

    A write reads the thread even when the memo knows it: nothing in Cosmos refuses an
    item whose thread was deleted meanwhile, as a foreign key refuses it in SQL. The read
    goes alongside the write's own reads, so it costs no extra round trip but for a
    plain insert.
    """
    if thread is None or thread["owner_id"] != context.owner_id:
        if context.memo.owns(thread_id):
            context.memo.forget_thread(thread_id)
        raise thread_not_found(thread_id)
    if not context.memo.owns(thread_id):
        context.memo.saw_thread(thread_id, str(thread["json"]))


async def _owned_thread_item(
    unit: Unit, thread_id: str, item_id: str, context: StoreContext
) -> str:
    """An item's JSON, proving that its thread is the owner's; both read at once."""
    thread, item = await asyncio.gather(
        unit.read(THREADS, thread_id, THREAD_ID),
        unit.read(THREADS, thread_id, item_doc_id(item_id)),
    )
    if thread is None or thread["owner_id"] != context.owner_id:
        raise thread_not_found(thread_id)
    context.memo.saw_thread(thread_id, str(thread["json"]))
    if item is None:
        raise item_not_found(thread_id, item_id)
    return str(item["json"])


async def _owned_attachment(unit: Unit, attachment_id: str, context: StoreContext) -> Document:
    doc_id = attachment_doc_id(attachment_id)
    document = await unit.read(KEYS, doc_id, doc_id)
    if document is None or document["owner_id"] != context.owner_id:
        raise attachment_not_found(attachment_id)
    return document


async def _save_thread(unit: Unit, thread: ThreadMetadata, context: StoreContext) -> str:
    """Create the thread, or update it if it is the caller's; the JSON stored."""
    now = datetime.now(UTC)
    document = await unit.read(THREADS, thread.id, THREAD_ID)
    if document is None:
        seq = next_seq()
        data = thread_json(thread, thread.created_at)
        unit.create(
            OWNERS,
            owned_thread_document(thread.id, context.owner_id, thread.created_at, seq=seq),
        )
        unit.create(
            THREADS,
            thread_document(
                thread.id,
                context.owner_id,
                thread.created_at,
                thread.title,
                data,
                updated_at=now,
                seq=seq,
            ),
        )
        return data
    if document["owner_id"] != context.owner_id:
        raise thread_not_found(thread.id)
    # The stored stamp is kept: the thread keeps its place among the owner's threads.
    data = thread_json(thread, created_at_of(str(document["json"])))
    _rewrite_thread(unit, document, thread.title, data, now)
    return data


async def _update_thread(unit: Unit, thread: ThreadMetadata, context: StoreContext) -> str | None:
    """Update a thread this request has read; its JSON, or None.

    None when the memo does not know the thread or its document is gone.
    """
    known = context.memo.threads.get(thread.id) if context.memo.owns(thread.id) else None
    if known is None:
        return None
    document = await unit.read(THREADS, thread.id, THREAD_ID)
    if document is None or document["owner_id"] != context.owner_id:
        return None
    # The stored stamp is kept, as `save_thread` keeps it.
    data = thread_json(thread, created_at_of(known))
    _rewrite_thread(unit, document, thread.title, data, datetime.now(UTC))
    return data


def _rewrite_thread(
    unit: Unit, document: Document, title: str | None, data: str, now: datetime
) -> None:
    # A customer's list of conversations reads the title and times from here.
    unit.replace(THREADS, {**document, "title": title, "updated_at": stamp(now), "json": data})


def _replace_item(
    unit: Unit, thread_id: str, item: ThreadItem, document: Document | None, context: StoreContext
) -> str:
    """Write `item` over `document`, the stored one as just read (or add it); the JSON stored."""
    if document is None:
        added = _new_item(thread_id, item, context)
        unit.create(THREADS, added)
        return str(added["json"])
    # A replaced item keeps its place in the thread and the stamp it was shown with.
    data = replacement(item, created_at_of(str(document["json"])))
    unit.replace(THREADS, {**document, "json": data})
    return data


async def _delete_thread(unit: Unit, thread_id: str, context: StoreContext) -> None:
    """Stage the deletion of the thread, everything in its partition and where it is listed.

    The lease is left to its holder, who deletes it when done (or to expire): deleting it
    here could fail the deletion, should the holder delete it first.
    """
    contents = await unit.query(
        THREADS, "SELECT c.id, c.owner_id, c.customer_id FROM c", partition=thread_id
    )
    by_id = {str(document["id"]): document for document in contents if document["id"] != LEASE_ID}
    thread = by_id.get(THREAD_ID)
    if thread is None or thread["owner_id"] != context.owner_id:
        raise thread_not_found(thread_id)
    # The thread's own document goes last, so a deletion cut short can be run again.
    for doc_id in [doc_id for doc_id in by_id if doc_id != THREAD_ID] + [THREAD_ID]:
        unit.delete(THREADS, thread_id, doc_id)
    owned = owned_thread_doc_id(thread_id)
    if await unit.read(OWNERS, context.owner_id, owned) is not None:
        unit.delete(OWNERS, context.owner_id, owned)
    customer_id = by_id.get(STATE_ID, {}).get("customer_id")
    if customer_id is not None:
        listed = customer_thread_id(thread_id)
        if await unit.read(CUSTOMERS, str(customer_id), listed) is not None:
            unit.delete(CUSTOMERS, str(customer_id), listed)


async def _in_order(
    unit: Unit,
    container: Container,
    partition: str,
    kind: str,
    *,
    descending: bool,
    beyond: str | None,
    count: int,
) -> list[Document]:
    """The first `count` documents of a kind in one partition, in `position` order,
    past `beyond` when given: keyset paging, stable under equal stamps."""
    parameters = {"@kind": kind}
    where = "c.type = @kind"
    if beyond is not None:
        where += " AND c.position < @beyond" if descending else " AND c.position > @beyond"
        parameters["@beyond"] = beyond
    direction = "DESC" if descending else "ASC"
    return await unit.query(
        container,
        f"SELECT * FROM c WHERE {where} ORDER BY c.position {direction}",
        parameters,
        partition=partition,
        max_items=count,
    )


def _page(
    rows: Sequence[tuple[str, str]], limit: int, parse: Callable[[str], _Model]
) -> Page[_Model]:
    """A page of (id, JSON) rows, fetched one more than `limit`."""
    has_more = len(rows) > limit
    shown = rows[:limit]
    return Page(
        data=[parse(data) for _, data in shown],
        has_more=has_more,
        after=shown[-1][0] if has_more else None,
    )
