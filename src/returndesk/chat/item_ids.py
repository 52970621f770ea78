"""Thread items with ids of their own, whatever the provider calls its messages.

Through the Chat Completions API (any OpenAI-compatible server, Azure's chat
deployments) the Agents SDK names every assistant message `__fake_id__`, and
ChatKit keeps that id for the thread item: the second reply in a thread would
collide with the first. Each such message gets a fresh id here, from its
`added` event to its `done`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from agents.models.fake_id import FAKE_RESPONSES_ID
from chatkit.types import (
    ThreadItemAddedEvent,
    ThreadItemDoneEvent,
    ThreadItemUpdatedEvent,
    ThreadStreamEvent,
)


async def with_own_ids(
    events: AsyncIterator[ThreadStreamEvent], new_id: Callable[[], str]
) -> AsyncIterator[ThreadStreamEvent]:
    current = FAKE_RESPONSES_ID
    async for event in events:
        if isinstance(event, ThreadItemAddedEvent) and event.item.id == FAKE_RESPONSES_ID:
            current = new_id()
            event = event.model_copy(update={"item": event.item.model_copy(update={"id": current})})
        elif isinstance(event, ThreadItemUpdatedEvent) and event.item_id == FAKE_RESPONSES_ID:
            event = event.model_copy(update={"item_id": current})
        elif isinstance(event, ThreadItemDoneEvent) and event.item.id == FAKE_RESPONSES_ID:
            event = event.model_copy(update={"item": event.item.model_copy(update={"id": current})})
        yield event
