"""Turning assistant text into the ChatKit events a client renders as it arrives."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime

from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageContentPartAdded,
    AssistantMessageContentPartDone,
    AssistantMessageContentPartTextDelta,
    AssistantMessageItem,
    ThreadItemAddedEvent,
    ThreadItemDoneEvent,
    ThreadItemUpdatedEvent,
    ThreadStreamEvent,
)

# Sentences (or lines) with their trailing space, so the deltas join back to the exact
# text. The whole text is known at once, so finer pieces would only cost events.
_CHUNK = re.compile(r".+?(?:[.!?:](?=\s)|\n|$)\s*|\s+", re.DOTALL)


def assistant_message(
    thread_id: str, item_id: str, text: str, created_at: datetime | None = None
) -> AssistantMessageItem:
    """The message as `stream_text` finishes it, for storing it before it is streamed."""
    return AssistantMessageItem(
        id=item_id,
        thread_id=thread_id,
        created_at=created_at or datetime.now(UTC),
        content=[AssistantMessageContent(text=text)],
    )


async def stream_text(
    thread_id: str, item_id: str, text: str, created_at: datetime | None = None
) -> AsyncIterator[ThreadStreamEvent]:
    created_at = created_at or datetime.now(UTC)
    yield ThreadItemAddedEvent(
        item=AssistantMessageItem(
            id=item_id, thread_id=thread_id, created_at=created_at, content=[]
        )
    )
    yield ThreadItemUpdatedEvent(
        item_id=item_id,
        update=AssistantMessageContentPartAdded(
            content_index=0, content=AssistantMessageContent(text="")
        ),
    )
    for chunk in _CHUNK.findall(text):
        yield ThreadItemUpdatedEvent(
            item_id=item_id,
            update=AssistantMessageContentPartTextDelta(content_index=0, delta=chunk),
        )
    done = assistant_message(thread_id, item_id, text, created_at)
    yield ThreadItemUpdatedEvent(
        item_id=item_id,
        update=AssistantMessageContentPartDone(content_index=0, content=done.content[0]),
    )
    yield ThreadItemDoneEvent(item=done)
