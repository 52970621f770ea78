"""ChatKit's `Store` on SQLAlchemy: threads, items, attachments and feedback, per owner.

Rows keep each SDK model as JSON, returned exactly as it was saved: the SDK
stamps naive local time and does arithmetic with it (`datetime.now() -
item.created_at`), so handing back an aware value would break it. The indexed
columns beside the JSON hold what queries need, with `created_at` as aware UTC
so that naive and aware stamps sort by the instant they name, and `seq` to
order equal stamps the way they were inserted.

Anything that belongs to another owner is reported exactly like something
that does not exist.

Within one request the context's memo spares the store from proving the same
thread's ownership, and from reading the same thread and items, again and
again (see `request_memo`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from chatkit.types import Attachment, FeedbackKind, Page, ThreadItem, ThreadMetadata
from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.errors import Conflict
from returndesk.store.port.storage import Repositories
from returndesk.store.port.threads import Caller, RecordNotFound, Staged, ThreadStore
from returndesk.store.request_memo import LatestItems
from returndesk.store.sql.db import SessionFactory, reading, transaction
from returndesk.store.sql.tables import AttachmentRow, FeedbackRow, ThreadItemRow, ThreadRow
from returndesk.store.sql.unit_of_work import session_of
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

# New items go in through Core: the ORM's unit of work would also read back each `seq`.
ITEMS = cast(Table, ThreadItemRow.__table__)

# The statements every turn runs, built once: building one costs more than SQLite runs it.
_THREAD_DATA = select(ThreadRow.data).where(
    ThreadRow.id == bindparam("thread_id"), ThreadRow.owner_id == bindparam("owner_id")
)
_ITEM_DATA = select(ThreadItemRow.data).where(
    ThreadItemRow.thread_id == bindparam("thread_id"), ThreadItemRow.id == bindparam("item_id")
)
# The thread's JSON if it is the owner's, with the item's JSON if the item is there.
_THREAD_AND_ITEM_DATA = (
    select(ThreadRow.data, ThreadItemRow.data)
    .select_from(ThreadRow)
    .outerjoin(
        ThreadItemRow,
        and_(ThreadItemRow.thread_id == ThreadRow.id, ThreadItemRow.id == bindparam("item_id")),
    )
    .where(ThreadRow.id == bindparam("thread_id"), ThreadRow.owner_id == bindparam("owner_id"))
)
_NEWEST_ITEMS = (
    select(ThreadItemRow.id, ThreadItemRow.data)
    .where(ThreadItemRow.thread_id == bindparam("thread_id"))
    .order_by(ThreadItemRow.created_at.desc(), ThreadItemRow.seq.desc())
    .limit(bindparam("limit"))
)
_INSERT_ITEMS = insert(ITEMS)
_REPLACE_ITEM = (
    update(ThreadItemRow)
    .where(ThreadItemRow.thread_id == bindparam("in_thread"), ThreadItemRow.id == bindparam("item"))
    .values(type=bindparam("new_type"), data=bindparam("new_data"))
    # Nothing in the session holds the row; there is nothing to keep in step.
    .execution_options(synchronize_session=False)
)
_RETITLE = (
    update(ThreadRow)
    .where(ThreadRow.id == bindparam("thread"), ThreadRow.owner_id == bindparam("owner"))
    .values(
        title=bindparam("new_title"),
        updated_at=bindparam("new_updated_at"),
        data=bindparam("new_data"),
    )
    .execution_options(synchronize_session=False)
)

_Row = TypeVar("_Row", ThreadRow, ThreadItemRow)
_Model = TypeVar("_Model")


async def _owner_of(session: AsyncSession, thread_id: str) -> str | None:
    owner: str | None = await session.scalar(
        select(ThreadRow.owner_id).where(ThreadRow.id == thread_id)
    )
    return owner


class SQLAlchemyStore(ThreadStore[Caller]):
    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    # --- threads -----------------------------------------------------------------------------

    async def load_thread(self, thread_id: str, context: Caller) -> ThreadMetadata:
        data = context.memo.threads.get(thread_id) if context.memo.active else None
        if data is None:
            async with reading(self._sessions) as session:
                data = await session.scalar(
                    _THREAD_DATA, {"thread_id": thread_id, "owner_id": context.owner_id}
                )
            if data is None:
                raise thread_not_found(thread_id)
            context.memo.saw_thread(thread_id, data)
        return ThreadMetadata.model_validate_json(data)

    async def save_thread(self, thread: ThreadMetadata, context: Caller) -> None:
        staged = context.memo.staged_threads.pop(thread.id, None)
        if staged is not None and thread_json(thread, created_at_of(staged)) == staged:
            return
        now = datetime.now(UTC)
        async with self._write(f"Thread {thread.id} was created twice at once.") as session:
            known = await _update_thread(session, thread, context)
            if known is not None:
                context.memo.saw_thread(thread.id, known)
                return
            row = await session.scalar(select(ThreadRow).where(ThreadRow.id == thread.id))
            if row is None:
                data = thread_json(thread, thread.created_at)
                session.add(
                    ThreadRow(
                        id=thread.id,
                        owner_id=context.owner_id,
                        created_at=to_utc(thread.created_at),
                        updated_at=now,
                        title=thread.title,
                        data=data,
                    )
                )
            else:
                if row.owner_id != context.owner_id:
                    raise thread_not_found(thread.id)
                created_at = ThreadMetadata.model_validate_json(row.data).created_at
                data = thread_json(thread, created_at)
                row.title = thread.title
                row.updated_at = now
                row.data = data
        context.memo.saw_thread(thread.id, data)

    async def thread_owner(
        self, thread_id: str, repositories: Repositories | None = None
    ) -> str | None:
        """Whose thread this is: for the store's staff, who read and write in any thread.

        Read in `repositories` when given, so a write in them can act as the owner.
        """
        if repositories is not None:
            return await _owner_of(session_of(repositories), thread_id)
        async with reading(self._sessions) as own:
            return await _owner_of(own, thread_id)

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: Caller
    ) -> Page[ThreadMetadata]:
        descending = is_descending(order)
        check_limit(limit)
        query = select(ThreadRow).where(ThreadRow.owner_id == context.owner_id)
        async with reading(self._sessions) as session:
            if after is not None:
                cursor = await _owned_thread(session, after, context)
                query = query.where(_beyond(ThreadRow, cursor, descending))
            rows = (await session.scalars(_ordered(query, ThreadRow, descending, limit))).all()
        return _page(rows, limit, ThreadMetadata.model_validate_json)

    async def delete_thread(self, thread_id: str, context: Caller) -> None:
        # Items, feedback and conversation state go with it by ON DELETE CASCADE.
        async with transaction(self._sessions, conversation_only=True) as session:
            deleted = await session.scalar(
                delete(ThreadRow)
                .where(ThreadRow.id == thread_id, ThreadRow.owner_id == context.owner_id)
                .returning(ThreadRow.id)
            )
        context.memo.forget_thread(thread_id)
        if deleted is None:
            raise thread_not_found(thread_id)

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
        query = select(ThreadItemRow).where(ThreadItemRow.thread_id == thread_id)
        async with reading(self._sessions) as session:
            await _check_owner(session, thread_id, context)
            if after is not None:
                cursor = await _item_in(session, thread_id, after)
                query = query.where(_beyond(ThreadItemRow, cursor, descending))
            rows = (await session.scalars(_ordered(query, ThreadItemRow, descending, limit))).all()
        remember_newest(
            context.memo,
            thread_id,
            after,
            limit,
            [(row.id, row.data) for row in rows],
            descending=descending,
        )
        return _page(rows, limit, THREAD_ITEM.validate_json)

    async def load_item(self, thread_id: str, item_id: str, context: Caller) -> ThreadItem:
        return THREAD_ITEM.validate_json(await self.load_item_json(thread_id, item_id, context))

    async def load_item_json(self, thread_id: str, item_id: str, context: Caller) -> str:
        """The item as stored, for a caller that only edits its JSON."""
        data = context.memo.item(thread_id, item_id)
        if data is None:
            async with reading(self._sessions) as session:
                if context.memo.owns(thread_id):
                    data = await session.scalar(
                        _ITEM_DATA, {"thread_id": thread_id, "item_id": item_id}
                    )
                    if data is None:
                        raise item_not_found(thread_id, item_id)
                else:
                    data = await _owned_thread_item(session, thread_id, item_id, context)
            context.memo.saw_item(thread_id, item_id, data)
        return data

    async def read_ahead_latest(
        self, repositories: Repositories, thread_id: str, limit: int, context: Caller
    ) -> None:
        session = session_of(repositories)
        if not context.memo.owns(thread_id) or thread_id in context.memo.latest:
            return
        # One row more than asked says whether older items follow.
        found = await session.execute(_NEWEST_ITEMS, {"thread_id": thread_id, "limit": limit + 1})
        rows = found.all()
        context.memo.latest[thread_id] = LatestItems(
            [row.id for row in rows], [row.data for row in rows], len(rows) <= limit
        )

    async def read_ahead(
        self, repositories: Repositories, thread_id: str, item_id: str, context: Caller
    ) -> None:
        session = session_of(repositories)
        if not context.memo.owns(thread_id) or context.memo.item(thread_id, item_id) is not None:
            return
        data = await session.scalar(_ITEM_DATA, {"thread_id": thread_id, "item_id": item_id})
        if data is not None:
            context.memo.saw_item(thread_id, item_id, data)

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: Caller) -> None:
        staged = context.memo.staged.pop((thread_id, item.id), None)
        if staged is not None:
            if item_json(item) == staged:
                return
            # Changed since it was stored ahead of the stream: store what is streamed.
            await self.save_item(thread_id, item, context)
            return
        values = _item_values(thread_id, item, context)
        conflict = f"Item {item.id} already exists in thread {thread_id}."
        async with self._write(conflict, thread_id, context) as session:
            await _check_owner(session, thread_id, context, for_write=True)
            await session.execute(_INSERT_ITEMS, [values])
        context.memo.items_changed(thread_id, item.id, values["data"])

    async def save_item(self, thread_id: str, item: ThreadItem, context: Caller) -> None:
        async with self._write(
            f"Item {item.id} was added twice at once.", thread_id, context
        ) as session:
            await _check_owner(session, thread_id, context, for_write=True)
            data = await _replace_item(session, thread_id, item, context)
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
        session = session_of(repositories)
        await _check_owner(session, thread_id, context, for_write=True)
        # A thread the memo does not know is left to the SDK's own `save_thread`.
        thread = None if retitled is None else await _update_thread(session, retitled, context)
        written = [
            (item.id, await _replace_item(session, thread_id, item, context)) for item in replaced
        ]
        rows = [_item_values(thread_id, item, context) for item in added]
        if rows:
            await session.execute(_INSERT_ITEMS, rows)
        return Staged(
            thread_id,
            written,
            [(row["id"], row["data"]) for row in rows],
            thread,
        )

    async def delete_thread_item(self, thread_id: str, item_id: str, context: Caller) -> None:
        # An item that is already gone is not an error: the SDK removes items that were
        # announced while streaming but never stored.
        async with transaction(self._sessions, conversation_only=True) as session:
            await _check_owner(session, thread_id, context, for_write=True)
            await session.execute(
                delete(ThreadItemRow).where(
                    ThreadItemRow.thread_id == thread_id, ThreadItemRow.id == item_id
                )
            )
        context.memo.items_changed(thread_id, item_id, None)

    # --- feedback ----------------------------------------------------------------------------

    async def add_feedback(
        self, thread_id: str, item_ids: list[str], kind: FeedbackKind, context: Caller
    ) -> None:
        wanted = list(dict.fromkeys(item_ids))
        now = datetime.now(UTC)
        async with transaction(self._sessions, conversation_only=True) as session:
            await _check_owner(session, thread_id, context, for_write=True)
            found = set(
                await session.scalars(
                    select(ThreadItemRow.id).where(
                        ThreadItemRow.thread_id == thread_id, ThreadItemRow.id.in_(wanted)
                    )
                )
            )
            missing = [item_id for item_id in wanted if item_id not in found]
            if missing:
                raise RecordNotFound(
                    f"Item {', '.join(missing)} was not found in thread {thread_id}."
                )
            session.add_all(
                FeedbackRow(
                    thread_id=thread_id,
                    item_id=item_id,
                    owner_id=context.owner_id,
                    kind=kind,
                    created_at=now,
                )
                for item_id in wanted
            )

    # --- attachments -------------------------------------------------------------------------

    async def save_attachment(self, attachment: Attachment, context: Caller) -> None:
        data = attachment.model_dump_json(by_alias=True)
        async with self._write(f"Attachment {attachment.id} was saved twice at once.") as session:
            row = await session.get(AttachmentRow, attachment.id)
            if row is None:
                session.add(
                    AttachmentRow(
                        id=attachment.id,
                        owner_id=context.owner_id,
                        thread_id=attachment.thread_id,
                        created_at=datetime.now(UTC),
                        data=data,
                    )
                )
                return
            if row.owner_id != context.owner_id:
                raise attachment_not_found(attachment.id)
            row.thread_id = attachment.thread_id
            row.data = data

    async def load_attachment(self, attachment_id: str, context: Caller) -> Attachment:
        async with reading(self._sessions) as session:
            data = await session.scalar(
                select(AttachmentRow.data).where(
                    AttachmentRow.id == attachment_id, AttachmentRow.owner_id == context.owner_id
                )
            )
        if data is None:
            raise attachment_not_found(attachment_id)
        return ATTACHMENT.validate_json(data)

    async def delete_attachment(self, attachment_id: str, context: Caller) -> None:
        async with transaction(self._sessions, conversation_only=True) as session:
            deleted = await session.scalar(
                delete(AttachmentRow)
                .where(
                    AttachmentRow.id == attachment_id, AttachmentRow.owner_id == context.owner_id
                )
                .returning(AttachmentRow.id)
            )
        if deleted is None:
            raise attachment_not_found(attachment_id)

    # --- helpers -----------------------------------------------------------------------------

    @asynccontextmanager
    async def _write(
        self, conflict: str, thread_id: str | None = None, context: Caller | None = None
    ) -> AsyncIterator[AsyncSession]:
        """A transaction whose constraint violations become Conflict, said in `conflict`.

        A write to a thread whose ownership came from the memo took no lock on
        the thread; if it was deleted meanwhile, say so as the locked check would.
        """
        try:
            async with transaction(self._sessions, conversation_only=True) as session:
                yield session
        except IntegrityError as exc:
            if thread_id is not None and context is not None and context.memo.owns(thread_id):
                context.memo.forget_thread(thread_id)
                async with reading(self._sessions) as session:
                    await _owned_thread(session, thread_id, context)
            raise Conflict(conflict) from exc


def _item_values(thread_id: str, item: ThreadItem, context: Caller) -> dict[str, Any]:
    """A new item's row, as values for an INSERT."""
    return {
        "id": item.id,
        "thread_id": thread_id,
        "owner_id": context.owner_id,
        "type": item.type,
        "created_at": to_utc(item.created_at),
        "data": item_json(item),
    }


async def _check_owner(
    session: AsyncSession, thread_id: str, context: Caller, *, for_write: bool = False
) -> None:
    """Raise RecordNotFound unless the thread is the owner's; once per thread per request."""
    if context.memo.owns(thread_id):
        return
    row = await _owned_thread(session, thread_id, context, for_write=for_write)
    context.memo.saw_thread(thread_id, row.data)


async def _replace_item(
    session: AsyncSession, thread_id: str, item: ThreadItem, context: Caller
) -> str:
    """Write `item` over the stored one (or add it); the JSON stored."""
    known = context.memo.item(thread_id, item.id)
    if known is not None:
        # The memo holds the stamp this request read, so the row need not be read again.
        data = replacement(item, created_at_of(known))
        replaced = await session.execute(
            _REPLACE_ITEM,
            {"in_thread": thread_id, "item": item.id, "new_type": item.type, "new_data": data},
        )
        if replaced.rowcount:  # type: ignore[attr-defined]
            return data
    row = await session.scalar(_item_query(thread_id, item.id))
    if row is None:
        values = _item_values(thread_id, item, context)
        await session.execute(_INSERT_ITEMS, [values])
        return str(values["data"])
    # A replaced item keeps its place in the thread and the stamp it was shown with.
    row.type = item.type
    row.data = replacement(item, THREAD_ITEM.validate_json(row.data).created_at)
    return row.data


async def _update_thread(
    session: AsyncSession, thread: ThreadMetadata, context: Caller
) -> str | None:
    """Update a thread this request has read, without reading it again; its JSON, or None.

    None when the memo does not know the thread or its row is gone.
    """
    known = context.memo.threads.get(thread.id) if context.memo.owns(thread.id) else None
    if known is None:
        return None
    # The stored stamp is kept, as `save_thread` keeps it.
    data = thread_json(thread, created_at_of(known))
    updated = await session.execute(
        _RETITLE,
        {
            "thread": thread.id,
            "owner": context.owner_id,
            "new_title": thread.title,
            "new_updated_at": datetime.now(UTC),
            "new_data": data,
        },
    )
    return data if updated.rowcount else None  # type: ignore[attr-defined]


async def _owned_thread(
    session: AsyncSession, thread_id: str, context: Caller, *, for_write: bool = False
) -> ThreadRow:
    query = select(ThreadRow).where(
        ThreadRow.id == thread_id, ThreadRow.owner_id == context.owner_id
    )
    if for_write:
        # PostgreSQL: the thread cannot be deleted under a write that depends on it.
        query = query.with_for_update(read=True)
    row = await session.scalar(query)
    if row is None:
        raise thread_not_found(thread_id)
    return row


async def _owned_thread_item(
    session: AsyncSession, thread_id: str, item_id: str, context: Caller
) -> str:
    """An item's JSON, proving in the same statement that its thread is the owner's."""
    found = (
        await session.execute(
            _THREAD_AND_ITEM_DATA,
            {"thread_id": thread_id, "item_id": item_id, "owner_id": context.owner_id},
        )
    ).one_or_none()
    if found is None:
        raise thread_not_found(thread_id)
    thread_data, item_data = found
    context.memo.saw_thread(thread_id, thread_data)
    if item_data is None:
        raise item_not_found(thread_id, item_id)
    return str(item_data)


def _item_query(thread_id: str, item_id: str) -> Select[ThreadItemRow]:
    return select(ThreadItemRow).where(
        ThreadItemRow.thread_id == thread_id, ThreadItemRow.id == item_id
    )


async def _item_in(session: AsyncSession, thread_id: str, item_id: str) -> ThreadItemRow:
    """An item of a thread whose ownership the caller has already checked."""
    row = await session.scalar(_item_query(thread_id, item_id))
    if row is None:
        raise item_not_found(thread_id, item_id)
    return row


def _beyond(
    table: type[ThreadRow] | type[ThreadItemRow],
    cursor: ThreadRow | ThreadItemRow,
    descending: bool,
) -> ColumnElement[bool]:
    """Rows after `cursor` in (created_at, seq) order: keyset paging, stable under ties."""
    if descending:
        return or_(
            table.created_at < cursor.created_at,
            and_(table.created_at == cursor.created_at, table.seq < cursor.seq),
        )
    return or_(
        table.created_at > cursor.created_at,
        and_(table.created_at == cursor.created_at, table.seq > cursor.seq),
    )


def _ordered(
    query: Select[_Row],
    table: type[ThreadRow] | type[ThreadItemRow],
    descending: bool,
    limit: int,
) -> Select[_Row]:
    # One row more than asked says whether another page follows.
    if descending:
        return query.order_by(table.created_at.desc(), table.seq.desc()).limit(limit + 1)
    return query.order_by(table.created_at.asc(), table.seq.asc()).limit(limit + 1)


def _page(
    rows: Sequence[ThreadRow | ThreadItemRow],
    limit: int,
    parse: Callable[[str], _Model],
) -> Page[_Model]:
    has_more = len(rows) > limit
    shown = rows[:limit]
    return Page(
        data=[parse(row.data) for row in shown],
        has_more=has_more,
        after=shown[-1].id if has_more else None,
    )
