"""The staff console's returns queue: one page at a time, with an opaque cursor to the next."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from returndesk.domain import is_valid_rma
from returndesk.errors import InvalidRequest
from returndesk.operations.context import Operations
from returndesk.store.port.return_queue import QueueEntry, QueueFilter, QueuePosition

MAX_PAGE_SIZE = 200
# Ours are under 100 characters; a longer one is not worth decoding.
MAX_CURSOR_CHARS = 200


@dataclass(frozen=True, slots=True)
class QueuePage:
    entries: Sequence[QueueEntry]
    # Where the next page starts; None on the last page.
    next_cursor: str | None
    waiting_for_review: int


def encode_cursor(position: QueuePosition) -> str:
    data = json.dumps([position.created_at.isoformat(), position.rma]).encode()
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def decode_cursor(cursor: str) -> QueuePosition:
    """The position a cursor names; anything that is not one of ours is a 400."""
    if len(cursor) > MAX_CURSOR_CHARS:
        raise InvalidRequest("That page cursor is not one this queue gave.")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created_at, rma = json.loads(base64.urlsafe_b64decode(padded.encode()))
        moment = datetime.fromisoformat(created_at)
    except (ValueError, TypeError, binascii.Error, UnicodeError) as exc:
        raise InvalidRequest("That page cursor is not one this queue gave.") from exc
    if moment.tzinfo is None or not isinstance(rma, str) or not is_valid_rma(rma):
        raise InvalidRequest("That page cursor is not one this queue gave.")
    return QueuePosition(moment, rma)


async def returns_queue(
    ops: Operations, queue_filter: QueueFilter, *, cursor: str | None, page_size: int
) -> QueuePage:
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InvalidRequest(f"A page holds between 1 and {MAX_PAGE_SIZE} returns.")
    after = None if cursor is None else decode_cursor(cursor)
    async with ops.storage.reading() as repositories:
        # One row more than shown says whether another page follows.
        entries = await repositories.return_queue.page(
            queue_filter, after=after, limit=page_size + 1
        )
        waiting = await repositories.return_queue.review_count()
    more = len(entries) > page_size
    shown = entries[:page_size]
    return QueuePage(
        entries=shown,
        next_cursor=encode_cursor(shown[-1].position) if more else None,
        waiting_for_review=waiting,
    )
