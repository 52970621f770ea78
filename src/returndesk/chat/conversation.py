"""One turn of the conversation: an event in, the ChatKit events that show its outcome out.

Clicks and typed messages both end here. The turn loads the thread's state
from the database, lets the engine apply the event, writes the new state
only if nobody else changed it meanwhile, locks the widget that was answered
and shows the next question with its widget. Nothing is kept in memory
between turns, so any process can serve the next one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from chatkit.store import NotFoundError, Store
from chatkit.types import (
    NoticeEvent,
    ThreadItemDoneEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    WidgetItem,
    WidgetRootUpdated,
)
from chatkit.widgets import DynamicWidgetRoot

from returndesk.chat.streaming import stream_text
from returndesk.chat.titles import thread_title
from returndesk.flow.engine import Caller, Dispatched, EventRejected, FlowEngine
from returndesk.flow.events import FlowEvent
from returndesk.flow.facts import load_facts
from returndesk.flow.handlers.identity import AFTER_VERIFICATION
from returndesk.flow.state import FlowState
from returndesk.operations.context import Operations
from returndesk.request_context import RequestContext
from returndesk.store.repositories.conversations import load_state, save_state
from returndesk.store.repositories.customers import get_customer
from returndesk.widgets.inputs import WidgetInput
from returndesk.widgets.lock import lock_widget
from returndesk.widgets.registry import build_widget

GREETING = (
    "Hi, I'm ReturnDesk. I can help you return or exchange items, cancel an order "
    "that hasn't shipped, or check where a return or order stands."
)
STALE_CLICK = "That card is no longer current, so nothing changed. Please use the latest one below."
OTHER_ACCOUNT = (
    "This conversation belongs to another account, so I can't continue it here. "
    "Please start a new conversation."
)
CHANGED_ELSEWHERE = (
    "This conversation just changed in another window, so I didn't apply that. "
    "Please continue from the latest card."
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a turn shows: events first, then the reply, then the events after it."""

    before: list[ThreadStreamEvent]
    reply: str | None
    after: list[ThreadStreamEvent]
    # The event was applied and saved (not refused, stale or overtaken).
    applied: bool


class Conversation:
    def __init__(self, ops: Operations, engine: FlowEngine, store: Store[RequestContext]) -> None:
        self.ops = ops
        self.engine = engine
        self.store = store

    async def state_of(self, thread_id: str) -> tuple[FlowState, int]:
        stored = await load_state(self.ops.sessions, thread_id)
        if stored.version == 0:
            return self.engine.initial_state(), 0
        return FlowState.model_validate(stored.data), stored.version

    async def greet(
        self, thread: ThreadMetadata, context: RequestContext
    ) -> AsyncIterator[ThreadStreamEvent]:
        """The opening of a new thread: who we are, then the current question and its widget."""
        state, version = await self.state_of(thread.id)
        greeting = GREETING
        if await self._vouched_for(state, context):
            greeting = f"Hi, {await self._first_name(state)}! {GREETING.removeprefix('Hi, ')}"
        facts = await load_facts(self.ops, state)
        step = self.engine.current_step(state, facts)
        widget = await build_widget(step.widget, WidgetInput(state, facts, self.ops))
        widget_id = self.store.generate_item_id("message", thread, context)
        state.widget_item_id = widget_id
        if not await self._save(thread, context, state, version):
            return
        async for event in self.say(thread, context, f"{greeting} {step.hint}"):
            yield event
        yield self._widget_done(thread, widget_id, widget)

    async def apply(
        self,
        thread: ThreadMetadata,
        event: FlowEvent,
        context: RequestContext,
        *,
        token: str | None = None,
        sender_id: str | None = None,
        sent_values: Mapping[str, Any] | None = None,
    ) -> AsyncIterator[ThreadStreamEvent]:
        """Apply `event` and show its outcome: the lock, the reply, then the next widget."""
        outcome = await self.run(
            thread, event, context, token=token, sender_id=sender_id, sent_values=sent_values
        )
        for out in outcome.before:
            yield out
        if outcome.reply:
            async for out in self.say(thread, context, outcome.reply):
                yield out
        for out in shown_now(outcome.after):
            yield out

    async def run(
        self,
        thread: ThreadMetadata,
        event: FlowEvent,
        context: RequestContext,
        *,
        token: str | None = None,
        sender_id: str | None = None,
        sent_values: Mapping[str, Any] | None = None,
    ) -> Outcome:
        """Apply `event`; a click passes the token its widget was drawn with and its item id.

        The state is saved before anything is shown, so what the shopper sees
        is always what the database holds.
        """
        state, version = await self.state_of(thread.id)
        if context.verified_customer_id and state.customer_id not in (
            None,
            context.verified_customer_id,
        ):
            return Outcome([], OTHER_ACCOUNT, [], False)
        await self._vouched_for(state, context)
        if token is not None and (token != state.token or sender_id != state.widget_item_id):
            return Outcome([NoticeEvent(level="info", message=STALE_CLICK)], None, [], False)
        try:
            caller = Caller(context.owner_id, context.client_address)
            done = await self.engine.dispatch(
                state, event, ops=self.ops, thread_id=thread.id, caller=caller
            )
        except EventRejected as rejected:
            return Outcome([], rejected.message, [], False)
        widget = await build_widget(done.step.widget, WidgetInput(done.state, done.facts, self.ops))
        widget_id = self.store.generate_item_id("message", thread, context)
        done.state.widget_item_id = widget_id
        if not await self._save(thread, context, done.state, version):
            return Outcome(
                [NoticeEvent(level="warning", message=CHANGED_ELSEWHERE)], None, [], False
            )
        values = dict(sent_values or {}) | _event_values(event)
        locked = [
            out
            async for out in self._lock(thread, context, state.widget_item_id, event.name, values)
        ]
        title = thread_title(done.state, done.facts)
        if title is not None:
            thread.title = title
        return Outcome(locked, _reply(done), [self._widget_done(thread, widget_id, widget)], True)

    async def _vouched_for(self, state: FlowState, context: RequestContext) -> bool:
        """Bind the thread to the customer the store's site vouched for, if any and if new."""
        if context.verified_customer_id is None or state.customer_id is not None:
            return False
        async with self.ops.sessions() as session:
            await get_customer(session, context.verified_customer_id)
        state.customer_id = context.verified_customer_id
        state.flow = AFTER_VERIFICATION
        return True

    async def _first_name(self, state: FlowState) -> str:
        assert state.customer_id is not None
        async with self.ops.sessions() as session:
            return (await get_customer(session, state.customer_id)).first_name

    async def _save(
        self, thread: ThreadMetadata, context: RequestContext, state: FlowState, version: int
    ) -> bool:
        return await save_state(
            self.ops.sessions,
            thread_id=thread.id,
            owner_id=context.owner_id,
            customer_id=state.customer_id,
            data=state.model_dump(mode="json"),
            expected_version=version,
        )

    async def _lock(
        self,
        thread: ThreadMetadata,
        context: RequestContext,
        item_id: str | None,
        event_name: str,
        values: Mapping[str, Any],
    ) -> AsyncIterator[ThreadStreamEvent]:
        if item_id is None:
            return
        try:
            item = await self.store.load_item(thread.id, item_id, context)
        except NotFoundError:
            return
        if not isinstance(item, WidgetItem):
            return
        locked = lock_widget(item.widget.model_dump(exclude_none=True), event_name, values)
        root = DynamicWidgetRoot.model_validate(locked)
        await self.store.save_item(thread.id, item.model_copy(update={"widget": root}), context)
        yield ThreadItemUpdatedEvent(item_id=item_id, update=WidgetRootUpdated(widget=root))

    async def say(
        self, thread: ThreadMetadata, context: RequestContext, text: str
    ) -> AsyncIterator[ThreadStreamEvent]:
        item_id = self.store.generate_item_id("message", thread, context)
        async for event in stream_text(thread.id, item_id, text):
            yield event

    def _widget_done(
        self, thread: ThreadMetadata, widget_id: str, widget: DynamicWidgetRoot
    ) -> ThreadItemDoneEvent:
        return ThreadItemDoneEvent(
            item=WidgetItem(
                id=widget_id, thread_id=thread.id, created_at=datetime.now(), widget=widget
            )
        )


def shown_now(events: list[ThreadStreamEvent]) -> list[ThreadStreamEvent]:
    """Items stamped with the moment they are shown, so a card sorts after the reply
    that introduces it when the thread is loaded again."""
    now = datetime.now()
    return [
        ThreadItemDoneEvent(item=event.item.model_copy(update={"created_at": now}))
        if isinstance(event, ThreadItemDoneEvent)
        else event
        for event in events
    ]


def _reply(done: Dispatched) -> str:
    return f"{done.remark} {done.step.hint}" if done.remark else done.step.hint


def _event_values(event: FlowEvent) -> dict[str, Any]:
    return {key: value for key, value in asdict(event).items() if value is not None}
