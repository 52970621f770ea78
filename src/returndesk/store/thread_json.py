"""ChatKit's threads and items as kept, whichever database keeps them: the SDK's models
as JSON, returned exactly as saved (the SDK stamps naive local time and does arithmetic
with it, so handing back an aware value would break it), and what paging them means."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from chatkit.types import Attachment, Page, ThreadItem, ThreadMetadata
from pydantic import TypeAdapter

from returndesk.errors import InvalidRequest
from returndesk.store.port.threads import RecordNotFound
from returndesk.store.request_memo import LatestItems, RequestMemo

THREAD_ITEM = TypeAdapter[ThreadItem](ThreadItem)
STAMP = TypeAdapter[datetime](datetime)
ATTACHMENT = TypeAdapter[Attachment](Attachment)


def to_utc(moment: datetime) -> datetime:
    """Aware UTC; a naive value is read as local time, which is what the SDK stamps."""
    return moment.astimezone(UTC)


def thread_json(thread: ThreadMetadata, created_at: datetime) -> str:
    # A `Thread` also carries a page of items; those are kept on their own.
    pinned = thread.model_copy(update={"created_at": created_at})
    return pinned.model_dump_json(by_alias=True, exclude={"items"})


def item_json(item: ThreadItem) -> str:
    return item.model_dump_json(by_alias=True)


def created_at_of(data: str) -> datetime:
    """`created_at` of a stored thread or item, without validating the rest of it."""
    return STAMP.validate_python(json.loads(data)["created_at"])


def replacement(item: ThreadItem, created_at: datetime) -> str:
    return item.model_copy(update={"created_at": created_at}).model_dump_json(by_alias=True)


def is_descending(order: str) -> bool:
    if order not in ("asc", "desc"):
        raise InvalidRequest(f"order must be 'asc' or 'desc', not {order!r}.")
    return order == "desc"


def check_limit(limit: int) -> None:
    if limit < 1:
        raise InvalidRequest(f"limit must be at least 1, not {limit}.")


def newest_page_from_memo(
    memo: RequestMemo, thread_id: str, after: str | None, limit: int, *, descending: bool
) -> Page[ThreadItem] | None:
    """The first page of newest items, when the request has already read enough of them;
    None when the store must be read."""
    latest = memo.latest.get(thread_id) if memo.active else None
    if latest is None or after is not None or not descending:
        return None
    if not (latest.complete or len(latest.ids) > limit):
        return None
    return page_of_latest(latest, limit)


def remember_newest(
    memo: RequestMemo,
    thread_id: str,
    after: str | None,
    limit: int,
    rows: list[tuple[str, str]],
    *,
    descending: bool,
) -> None:
    """Keep a first page of newest items (id, JSON) read from the store for the request."""
    if memo.active and after is None and descending:
        memo.latest[thread_id] = LatestItems(
            [item_id for item_id, _ in rows], [data for _, data in rows], len(rows) <= limit
        )


def page_of_latest(latest: LatestItems, limit: int) -> Page[ThreadItem]:
    has_more = len(latest.ids) > limit
    return Page(
        data=[THREAD_ITEM.validate_json(data) for data in latest.data[:limit]],
        has_more=has_more,
        after=latest.ids[limit - 1] if has_more else None,
    )


def thread_not_found(thread_id: str) -> RecordNotFound:
    return RecordNotFound(f"Thread {thread_id} was not found.")


def item_not_found(thread_id: str, item_id: str) -> RecordNotFound:
    return RecordNotFound(f"Item {item_id} was not found in thread {thread_id}.")


def attachment_not_found(attachment_id: str) -> RecordNotFound:
    return RecordNotFound(f"Attachment {attachment_id} was not found.")
