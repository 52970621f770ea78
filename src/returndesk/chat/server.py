"""ReturnDesk's ChatKit server: typed messages and clicks, both into one conversation engine."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any, Protocol

from chatkit.actions import Action
from chatkit.errors import ErrorCode
from chatkit.server import ChatKitServer, NonStreamingResult, StreamingResult
from chatkit.store import Store
from chatkit.types import (
    ErrorEvent,
    FeedbackKind,
    NoticeEvent,
    StreamingReq,
    ThreadItem,
    ThreadItemDoneEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
    WidgetItem,
    is_streaming_req,
)

from returndesk.chat.conversation import Conversation
from returndesk.chat.handoff_desk import HandoffDesk, held_notice
from returndesk.chat.limits import Limits, check_limits
from returndesk.chat.requests import check_references, parse_request
from returndesk.domain.handoffs import Handoff
from returndesk.flow.actions import InvalidAction
from returndesk.request_context import RequestContext
from returndesk.store.port.storage import ThreadLocks
from returndesk.telemetry import ERRORS

logger = logging.getLogger(__name__)

STREAM_FAILED = ErrorEvent(
    code=ErrorCode.STREAM_ERROR,
    message="Something went wrong on our side while answering. Please try again.",
    allow_retry=True,
)


class FeedbackRecorder(Protocol):
    async def add_feedback(
        self, thread_id: str, item_ids: list[str], kind: FeedbackKind, context: RequestContext
    ) -> None: ...


class TextResponder(Protocol):
    """What answers a typed message: the language layer, driving the same conversation."""

    def respond(
        self, thread: ThreadMetadata, text: str, context: RequestContext
    ) -> AsyncIterator[ThreadStreamEvent]: ...

    async def close(self) -> None: ...

    def asks_for_something(self, text: str) -> bool:
        """Whether a first message says more than hello (it is then followed, not just greeted)."""
        ...


class ReturnDeskServer(ChatKitServer[RequestContext]):
    def __init__(
        self,
        store: Store[RequestContext],
        *,
        feedback: FeedbackRecorder,
        conversation: Conversation,
        text: TextResponder,
        limits: Limits,
        locks: ThreadLocks,
        desk: HandoffDesk,
    ) -> None:
        super().__init__(store)
        self.desk = desk
        self.limits = limits
        self.locks = locks
        self.feedback = feedback
        self.conversation = conversation
        self.text = text

    async def close(self) -> None:
        """Release the language layer's connections; called when the app stops (the storage,
        with its locks, is closed by whoever opened it)."""
        await self.text.close()

    async def process(
        self, request: str | bytes | bytearray, context: RequestContext
    ) -> StreamingResult | NonStreamingResult:
        """Parse with the shared adapter and resolve references before streaming.

        Raises InvalidRequest or NotFound, which the web layer answers with 400/404.
        """
        body = request.encode() if isinstance(request, str) else bytes(request)
        parsed = parse_request(body, self.limits.json)
        check_limits(parsed, self.limits)
        # From here on the store may answer again from what this request already read.
        context.memo.active = True
        context.notes["type"] = parsed.type
        thread_id = getattr(getattr(parsed, "params", None), "thread_id", None)
        if thread_id:
            context.notes["thread_id"] = thread_id
        await check_references(parsed, self.store, context)
        if is_streaming_req(parsed):
            stream: AsyncGenerator[bytes, None] = self._stream_to_the_end(parsed, context)
            if thread_id:
                stream = self._one_at_a_time(thread_id, stream)
            return StreamingResult(stream)
        return NonStreamingResult(await self._process_non_streaming(parsed, context))

    async def _stream_to_the_end(
        self, request: StreamingReq, context: RequestContext
    ) -> AsyncGenerator[bytes, None]:
        """The turn's events; a failure once streaming has begun ends it with an error event.

        The SDK turns a failing handler into an error event, but whatever fails outside
        one (storing the user's message, encoding an event) escapes and cuts the body,
        which a client sees as a broken connection instead of a message.
        """
        try:
            async for event in self._process_streaming_impl(request, context):
                yield _sse(self._serialize(event))
        except Exception:
            logger.exception("the turn failed after its stream had started")
            ERRORS.labels("stream").inc()
            yield _sse(self._serialize(STREAM_FAILED))

    async def _one_at_a_time(
        self, thread_id: str, stream: AsyncIterator[bytes]
    ) -> AsyncGenerator[bytes, None]:
        """The turn runs while holding its thread's lock, so turns of one thread queue up."""
        async with self.locks.hold(thread_id):
            async for chunk in stream:
                yield chunk

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
        context.notes["thread_id"] = thread.id
        _, version = await self.conversation.state_of(thread.id, context)
        text = _text_of(input_user_message)
        if version == 0:
            async for event in self.conversation.greet(thread, context):
                yield event
            if not self.text.asks_for_something(text):
                return
        if not text:
            return
        waiting = await self.desk.holding(thread.id) if version else None
        if waiting is not None and waiting.handler is not None:
            # A person holds the thread: the message is theirs to answer, not the assistant's.
            assert input_user_message is not None
            await self.desk.pass_on(waiting, [input_user_message])
            return
        answer = self.text.respond(thread, text, context)
        async for event in self._shown_to_team(waiting, answer, input_user_message):
            yield event

    async def action(
        self,
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: RequestContext,
    ) -> AsyncIterator[ThreadStreamEvent]:
        waiting = await self.desk.holding(thread.id)
        notice = held_notice(waiting) if waiting is not None else None
        if notice is not None:
            yield NoticeEvent(level="info", message=notice)
            return
        try:
            event, token = self.conversation.engine.events.event_from_action(
                action.type, dict(action.payload or {})
            )
        except InvalidAction as invalid:
            yield NoticeEvent(level="warning", message=str(invalid))
            return
        outcome = self.conversation.apply(
            thread,
            event,
            context,
            token=token,
            sender_id=sender.id if sender is not None else None,
            sent_values=dict(action.payload or {}),
        )
        async for out in self._shown_to_team(waiting, outcome):
            yield out

    async def _shown_to_team(
        self,
        waiting: Handoff | None,
        events: AsyncIterator[ThreadStreamEvent],
        sent: UserMessageItem | None = None,
    ) -> AsyncIterator[ThreadStreamEvent]:
        """The turn's events; in a thread waiting for a person, its items (with the shopper's
        message that began it) are then passed on to the team's open pages."""
        shown: list[ThreadItem] = [] if sent is None else [sent]
        async for event in events:
            yield event
            if isinstance(event, ThreadItemDoneEvent):
                shown.append(event.item)
        if waiting is not None:
            await self.desk.pass_on(waiting, shown)


def _sse(data: bytes) -> bytes:
    return b"data: " + data + b"\n\n"


def _text_of(message: UserMessageItem | None) -> str:
    if message is None:
        return ""
    return " ".join(part.text for part in message.content if part.type == "input_text").strip()
