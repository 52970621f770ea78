"""ChatKit's `Store` on SQLAlchemy: threads, items, attachments and feedback, per owner.

Rows keep each SDK model as JSON, returned exactly as it was saved: the SDK
stamps naive local time and does arithmetic with it (`datetime.now() -
item.created_at`), so handing back an aware value would break it. The indexed
columns beside the JSON hold what queries need, with `created_at` as aware UTC
so that naive and aware stamps sort by the instant they name, and `seq` to
order equal stamps the way they were inserted.

Anything that belongs to another owner is reported exactly like something
that does not exist.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import TypeVar

from chatkit.store import NotFoundError, Store, StoreItemType, default_generate_id
from chatkit.types import Attachment, FeedbackKind, Page, ThreadItem, ThreadMetadata
from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, Select, and_, delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.errors import Conflict, InvalidRequest, NotFound
from returndesk.request_context import RequestContext
from returndesk.store.db import SessionFactory, transaction
from returndesk.store.tables import AttachmentRow, FeedbackRow, ThreadItemRow, ThreadRow

THREAD_ITEM = TypeAdapter[ThreadItem](ThreadItem)
ATTACHMENT = TypeAdapter[Attachment](Attachment)

_Row = TypeVar("_Row", ThreadRow, ThreadItemRow)
_Model = TypeVar("_Model")


class RecordNotFound(NotFoundError, NotFound):
    """The SDK and `chat.requests` catch NotFoundError; the web layer answers NotFound with 404."""


class SQLAlchemyStore(Store[RequestContext]):
    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    # --- ids ---------------------------------------------------------------------------------

    def generate_thread_id(self, context: RequestContext) -> str:
        return _random_id("thr")

    def generate_item_id(
        self, item_type: StoreItemType, thread: ThreadMetadata, context: RequestContext
    ) -> str:
        # The SDK's eight hex digits collide too soon for ids that name a customer's
        # conversation; its prefix is kept, taken from its own generator so new types match.
        return _random_id(default_generate_id(item_type).partition("_")[0])

    # --- threads -----------------------------------------------------------------------------

    async def load_thread(self, thread_id: str, context: RequestContext) -> ThreadMetadata:
        async with self._sessions() as session:
            row = await _owned_thread(session, thread_id, context)
        return ThreadMetadata.model_validate_json(row.data)

    async def save_thread(self, thread: ThreadMetadata, context: RequestContext) -> None:
        now = datetime.now(UTC)
        async with self._write(f"Thread {thread.id} was created twice at once.") as session:
            row = await session.scalar(select(ThreadRow).where(ThreadRow.id == thread.id))
            if row is None:
                session.add(
                    ThreadRow(
                        id=thread.id,
                        owner_id=context.owner_id,
                        created_at=to_utc(thread.created_at),
                        updated_at=now,
                        title=thread.title,
                        data=_thread_json(thread, thread.created_at),
                    )
                )
                return
            if row.owner_id != context.owner_id:
                raise _thread_not_found(thread.id)
            created_at = ThreadMetadata.model_validate_json(row.data).created_at
            row.title = thread.title
            row.updated_at = now
            row.data = _thread_json(thread, created_at)

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: RequestContext
    ) -> Page[ThreadMetadata]:
        descending = _is_descending(order)
        _check_limit(limit)
        query = select(ThreadRow).where(ThreadRow.owner_id == context.owner_id)
        async with self._sessions() as session:
            if after is not None:
                cursor = await _owned_thread(session, after, context)
                query = query.where(_beyond(ThreadRow, cursor, descending))
            rows = (await session.scalars(_ordered(query, ThreadRow, descending, limit))).all()
        return _page(rows, limit, ThreadMetadata.model_validate_json)

    async def delete_thread(self, thread_id: str, context: RequestContext) -> None:
        # Items, feedback and conversation state go with it by ON DELETE CASCADE.
        async with transaction(self._sessions) as session:
            deleted = await session.scalar(
                delete(ThreadRow)
                .where(ThreadRow.id == thread_id, ThreadRow.owner_id == context.owner_id)
                .returning(ThreadRow.id)
            )
        if deleted is None:
            raise _thread_not_found(thread_id)

    # --- items -------------------------------------------------------------------------------

    async def load_thread_items(
        self,
        thread_id: str,
        after: str | None,
        limit: int,
        order: str,
        context: RequestContext,
    ) -> Page[ThreadItem]:
        descending = _is_descending(order)
        _check_limit(limit)
        query = select(ThreadItemRow).where(ThreadItemRow.thread_id == thread_id)
        async with self._sessions() as session:
            await _owned_thread(session, thread_id, context)
            if after is not None:
                cursor = await _item_in(session, thread_id, after)
                query = query.where(_beyond(ThreadItemRow, cursor, descending))
            rows = (await session.scalars(_ordered(query, ThreadItemRow, descending, limit))).all()
        return _page(rows, limit, THREAD_ITEM.validate_json)

    async def load_item(self, thread_id: str, item_id: str, context: RequestContext) -> ThreadItem:
        async with self._sessions() as session:
            await _owned_thread(session, thread_id, context)
            row = await _item_in(session, thread_id, item_id)
        return THREAD_ITEM.validate_json(row.data)

    async def add_thread_item(
        self, thread_id: str, item: ThreadItem, context: RequestContext
    ) -> None:
        async with self._write(f"Item {item.id} already exists in thread {thread_id}.") as session:
            await _owned_thread(session, thread_id, context, for_write=True)
            session.add(_new_item_row(thread_id, item, context))

    async def save_item(self, thread_id: str, item: ThreadItem, context: RequestContext) -> None:
        async with self._write(f"Item {item.id} was added twice at once.") as session:
            await _owned_thread(session, thread_id, context, for_write=True)
            row = await session.scalar(_item_query(thread_id, item.id))
            if row is None:
                session.add(_new_item_row(thread_id, item, context))
                return
            # A replaced item keeps its place in the thread and the stamp it was shown with.
            created_at = THREAD_ITEM.validate_json(row.data).created_at
            row.type = item.type
            row.data = item.model_copy(update={"created_at": created_at}).model_dump_json(
                by_alias=True
            )

    async def delete_thread_item(
        self, thread_id: str, item_id: str, context: RequestContext
    ) -> None:
        # An item that is already gone is not an error: the SDK removes items that were
        # announced while streaming but never stored.
        async with transaction(self._sessions) as session:
            await _owned_thread(session, thread_id, context, for_write=True)
            await session.execute(
                delete(ThreadItemRow).where(
                    ThreadItemRow.thread_id == thread_id, ThreadItemRow.id == item_id
                )
            )

    # --- feedback ----------------------------------------------------------------------------

    async def add_feedback(
        self, thread_id: str, item_ids: list[str], kind: FeedbackKind, context: RequestContext
    ) -> None:
        wanted = list(dict.fromkeys(item_ids))
        now = datetime.now(UTC)
        async with transaction(self._sessions) as session:
            await _owned_thread(session, thread_id, context, for_write=True)
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

    async def save_attachment(self, attachment: Attachment, context: RequestContext) -> None:
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
                raise _attachment_not_found(attachment.id)
            row.thread_id = attachment.thread_id
            row.data = data

    async def load_attachment(self, attachment_id: str, context: RequestContext) -> Attachment:
        async with self._sessions() as session:
            data = await session.scalar(
                select(AttachmentRow.data).where(
                    AttachmentRow.id == attachment_id, AttachmentRow.owner_id == context.owner_id
                )
            )
        if data is None:
            raise _attachment_not_found(attachment_id)
        return ATTACHMENT.validate_json(data)

    async def delete_attachment(self, attachment_id: str, context: RequestContext) -> None:
        async with transaction(self._sessions) as session:
            deleted = await session.scalar(
                delete(AttachmentRow)
                .where(
                    AttachmentRow.id == attachment_id, AttachmentRow.owner_id == context.owner_id
                )
                .returning(AttachmentRow.id)
            )
        if deleted is None:
            raise _attachment_not_found(attachment_id)

    # --- helpers -----------------------------------------------------------------------------

    @asynccontextmanager
    async def _write(self, conflict: str) -> AsyncIterator[AsyncSession]:
        """A transaction whose constraint violations become Conflict, said in `conflict`."""
        try:
            async with transaction(self._sessions) as session:
                yield session
        except IntegrityError as exc:
            raise Conflict(conflict) from exc


def to_utc(moment: datetime) -> datetime:
    """Aware UTC; a naive value is read as local time, which is what the SDK stamps."""
    return moment.astimezone(UTC)


def _random_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


def _thread_json(thread: ThreadMetadata, created_at: datetime) -> str:
    # A `Thread` also carries a page of items; those live in their own rows.
    pinned = thread.model_copy(update={"created_at": created_at})
    return pinned.model_dump_json(by_alias=True, exclude={"items"})


def _new_item_row(thread_id: str, item: ThreadItem, context: RequestContext) -> ThreadItemRow:
    return ThreadItemRow(
        id=item.id,
        thread_id=thread_id,
        owner_id=context.owner_id,
        type=item.type,
        created_at=to_utc(item.created_at),
        data=item.model_dump_json(by_alias=True),
    )


async def _owned_thread(
    session: AsyncSession, thread_id: str, context: RequestContext, *, for_write: bool = False
) -> ThreadRow:
    query = select(ThreadRow).where(
        ThreadRow.id == thread_id, ThreadRow.owner_id == context.owner_id
    )
    if for_write:
        # PostgreSQL: the thread cannot be deleted under a write that depends on it.
        query = query.with_for_update(read=True)
    row = await session.scalar(query)
    if row is None:
        raise _thread_not_found(thread_id)
    return row


def _item_query(thread_id: str, item_id: str) -> Select[ThreadItemRow]:
    return select(ThreadItemRow).where(
        ThreadItemRow.thread_id == thread_id, ThreadItemRow.id == item_id
    )


async def _item_in(session: AsyncSession, thread_id: str, item_id: str) -> ThreadItemRow:
    """An item of a thread whose ownership the caller has already checked."""
    row = await session.scalar(_item_query(thread_id, item_id))
    if row is None:
        raise RecordNotFound(f"Item {item_id} was not found in thread {thread_id}.")
    return row


def _is_descending(order: str) -> bool:
    if order not in ("asc", "desc"):
        raise InvalidRequest(f"order must be 'asc' or 'desc', not {order!r}.")
    return order == "desc"


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise InvalidRequest(f"limit must be at least 1, not {limit}.")


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


def _thread_not_found(thread_id: str) -> RecordNotFound:
    return RecordNotFound(f"Thread {thread_id} was not found.")


def _attachment_not_found(attachment_id: str) -> RecordNotFound:
    return RecordNotFound(f"Attachment {attachment_id} was not found.")
