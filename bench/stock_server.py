"""The stock ChatKit SDK server, for comparison: an in-memory store and the SDK's own
request handling, answering each click with the same widget work ReturnDesk does
(lock the answered card, a short reply, the next card).

`POST /floor` answers with fixed events and no ChatKit work: what HTTP, the
framework and the benchmark's client cost on their own.

Run as `python -m bench.stock_server PORT [--cached-parser]`; with the flag, the
SDK's request parser is built once instead of on every request.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import uvicorn
from chatkit.actions import Action
from chatkit.server import ChatKitServer, NonStreamingResult, StreamingResult
from chatkit.store import NotFoundError, Store
from chatkit.types import (
    Attachment,
    Page,
    ThreadItem,
    ThreadItemDoneEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
    WidgetItem,
    WidgetRootUpdated,
    is_streaming_req,
)
from chatkit.widgets import DynamicWidgetRoot
from fastapi import FastAPI, Request
from starlette.responses import Response, StreamingResponse

from returndesk.chat.requests import CHATKIT_REQUEST
from returndesk.chat.streaming import stream_text
from returndesk.widgets.components import build_root, button, card, col, title
from returndesk.widgets.lock import lock_widget

# About the events a click streams (lock, reply, next card).
FLOOR_EVENTS = 8


class MemoryStore(Store[None]):
    def __init__(self) -> None:
        self.threads: dict[str, ThreadMetadata] = {}
        self.items: dict[str, list[ThreadItem]] = defaultdict(list)

    async def load_thread(self, thread_id: str, context: None) -> ThreadMetadata:
        if thread_id not in self.threads:
            raise NotFoundError(thread_id)
        return self.threads[thread_id]

    async def save_thread(self, thread: ThreadMetadata, context: None) -> None:
        self.threads[thread.id] = thread

    async def load_thread_items(
        self, thread_id: str, after: str | None, limit: int, order: str, context: None
    ) -> Page[ThreadItem]:
        items = list(self.items[thread_id])
        if order == "desc":
            items.reverse()
        return Page(data=items[:limit], has_more=len(items) > limit)

    async def save_attachment(self, attachment: Attachment, context: None) -> None:
        raise NotImplementedError

    async def load_attachment(self, attachment_id: str, context: None) -> Attachment:
        raise NotFoundError(attachment_id)

    async def delete_attachment(self, attachment_id: str, context: None) -> None:
        raise NotFoundError(attachment_id)

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: None
    ) -> Page[ThreadMetadata]:
        return Page(data=list(self.threads.values())[:limit])

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: None) -> None:
        self.items[thread_id].append(item)

    async def save_item(self, thread_id: str, item: ThreadItem, context: None) -> None:
        items = self.items[thread_id]
        for index, existing in enumerate(items):
            if existing.id == item.id:
                items[index] = item
                return
        items.append(item)

    async def load_item(self, thread_id: str, item_id: str, context: None) -> ThreadItem:
        for item in self.items[thread_id]:
            if item.id == item_id:
                return item
        raise NotFoundError(item_id)

    async def delete_thread(self, thread_id: str, context: None) -> None:
        self.threads.pop(thread_id, None)
        self.items.pop(thread_id, None)

    async def delete_thread_item(self, thread_id: str, item_id: str, context: None) -> None:
        self.items[thread_id] = [i for i in self.items[thread_id] if i.id != item_id]


def choices_card(step: int) -> DynamicWidgetRoot:
    labels = ["Print a prepaid label", "QR code at a drop-off point", "Schedule a pickup"]
    buttons = [
        button(label, on_click={"type": "pick", "payload": {"step": step, "choice": label}})
        for label in labels
    ]
    return build_root(card([title("How would you like to send it back?"), col(buttons)]))


class StockServer(ChatKitServer[None]):
    async def respond(
        self, thread: ThreadMetadata, input_user_message: UserMessageItem | None, context: None
    ) -> AsyncIterator[ThreadStreamEvent]:
        async for event in self._card(thread, 0, "Hello."):
            yield event

    async def action(
        self,
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: None,
    ) -> AsyncIterator[ThreadStreamEvent]:
        if sender is not None:
            locked = DynamicWidgetRoot.model_validate(
                lock_widget(
                    sender.widget.model_dump(exclude_none=True), action.type, action.payload
                )
            )
            await self.store.save_item(
                thread.id, sender.model_copy(update={"widget": locked}), context
            )
            yield ThreadItemUpdatedEvent(item_id=sender.id, update=WidgetRootUpdated(widget=locked))
        step = int(action.payload.get("step", 0)) + 1
        async for event in self._card(thread, step, "Noted. How would you like to send it back?"):
            yield event

    async def _card(
        self, thread: ThreadMetadata, step: int, text: str
    ) -> AsyncIterator[ThreadStreamEvent]:
        message_id = self.store.generate_item_id("message", thread, None)
        async for event in stream_text(thread.id, message_id, text):
            yield event
        widget_id = self.store.generate_item_id("message", thread, None)
        yield ThreadItemDoneEvent(
            item=WidgetItem(
                id=widget_id,
                thread_id=thread.id,
                created_at=datetime.now(),
                widget=choices_card(step),
            )
        )


class CachedParserServer(StockServer):
    """The stock server with only that changed: how fast the SDK's own pipeline can be."""

    async def process(
        self, request: str | bytes | bytearray, context: None
    ) -> StreamingResult | NonStreamingResult:
        # The adapter ReturnDesk builds once; the SDK's `process` builds it every request.
        parsed = CHATKIT_REQUEST.validate_json(request)
        if is_streaming_req(parsed):
            return StreamingResult(self._process_streaming(parsed, context))
        return NonStreamingResult(await self._process_non_streaming(parsed, context))


def app(cached_parser: bool = False) -> FastAPI:
    server = (CachedParserServer if cached_parser else StockServer)(MemoryStore())
    application = FastAPI()

    @application.post("/floor")
    async def floor(request: Request) -> Response:
        """No ChatKit at all: a click's worth of fixed events, the cost of HTTP alone."""
        await request.body()

        async def events() -> AsyncIterator[bytes]:
            for step in range(FLOOR_EVENTS):
                yield b'data: {"type":"thread.item.updated","item_id":"i","step":%d}\n\n' % step

        return StreamingResponse(events(), media_type="text/event-stream")

    @application.post("/chatkit")
    async def chatkit(request: Request) -> Response:
        result = await server.process(await request.body(), None)
        if isinstance(result, StreamingResult):
            return StreamingResponse(result, media_type="text/event-stream")
        return Response(content=result.json, media_type="application/json")

    return application


if __name__ == "__main__":
    application = app(cached_parser="--cached-parser" in sys.argv[2:])
    uvicorn.run(application, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
