"""ReturnDesk's ChatKit server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from chatkit.server import ChatKitServer, NonStreamingResult, StreamingResult
from chatkit.store import Store
from chatkit.types import (
    FeedbackKind,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
    is_streaming_req,
)

from returndesk.chat.context import RequestContext
from returndesk.chat.requests import check_references, parse_request
from returndesk.chat.streaming import stream_text

GREETING = (
    "Hi, I'm ReturnDesk. I can help you return or exchange items, cancel an order "
    "that hasn't shipped, or check where a return stands."
)


class FeedbackRecorder(Protocol):
    async def add_feedback(
        self, thread_id: str, item_ids: list[str], kind: FeedbackKind, context: RequestContext
    ) -> None: ...


class ReturnDeskServer(ChatKitServer[RequestContext]):
    def __init__(self, store: Store[RequestContext], feedback: FeedbackRecorder) -> None:
        super().__init__(store)
        self.feedback = feedback

    async def process(
        self, request: str | bytes | bytearray, context: RequestContext
    ) -> StreamingResult | NonStreamingResult:
        """Parse with the shared adapter and resolve references before streaming.

        Raises InvalidRequest or NotFound, which the web layer answers with 400/404.
        """
        body = request.encode() if isinstance(request, str) else bytes(request)
        parsed = parse_request(body)
        await check_references(parsed, self.store, context)
        if is_streaming_req(parsed):
            return StreamingResult(self._process_streaming(parsed, context))
        return NonStreamingResult(await self._process_non_streaming(parsed, context))

    async def add_feedback(
        self,
        thread_id: str,
        item_ids: list[str],
        feedback: FeedbackKind,
        context: RequestContext,
    ) -> None:
        await self.feedback.add_feedback(thread_id, item_ids, feedback, context)

    async def respond(
        self,
        thread: ThreadMetadata,
        input_user_message: UserMessageItem | None,
        context: RequestContext,
    ) -> AsyncIterator[ThreadStreamEvent]:
        item_id = self.store.generate_item_id("message", thread, context)
        async for event in stream_text(thread.id, item_id, GREETING):
            yield event
