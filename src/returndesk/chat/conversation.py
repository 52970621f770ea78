"""One turn of the conversation: an event in, the ChatKit events that show its outcome out.

Clicks and typed messages both end here. The turn loads the thread's state
from the database, lets the engine apply the event, writes the new state
only if nobody else changed it meanwhile (with the answered widget locked and
the next question's widget, in one transaction) and then shows them. Nothing
is kept in memory between requests, so any process can serve the next one.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from chatkit.store import NotFoundError
from chatkit.types import (
    AssistantMessageItem,
    NoticeEvent,
    ThreadItem,
    ThreadItemDoneEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    WidgetItem,
    WidgetRootUpdated,
)
from chatkit.widgets import DynamicWidgetRoot

from returndesk.chat.streaming import assistant_message, stream_text
from returndesk.chat.titles import short_title
from returndesk.flow.engine import Dispatched
from returndesk.flow.events import FlowEvent
from returndesk.flow.facts import records_key, request_facts
from returndesk.flow.state import FlowState
from returndesk.flow.turn import Caller, EventRejected
from returndesk.operations.context import Operations
from returndesk.request_context import RequestContext
from returndesk.store.port.conversations import StoredState
from returndesk.store.port.errors import Contention, Duplicate
from returndesk.store.port.threads import ThreadStore
from returndesk.usecases.seam import UseCases
from returndesk.widgets.lock import lock_widget

GREETING = (
    "Hi, I'm ReturnDesk. I can help you return or exchange items, cancel or change an "
    "order that hasn't shipped, update your address, check where a return or order "
    "stands, or answer questions about our products."
)
# After this many typed answers in a row that changed nothing, ask another way.
ASKED_ENOUGH = 2
ANOTHER_WAY = (
    "Let me make this easier: you can pick your answer on the card below, or say "
    '"talk to a person" and I\'ll pass your request to someone from our team.'
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
    # The reply as stored with the state, when the turn was asked for it.
    message: AssistantMessageItem | None = None


class Conversation:
    def __init__(
        self, ops: Operations, use_cases: UseCases, store: ThreadStore[RequestContext]
    ) -> None:
        self.ops = ops
        self.use_cases = use_cases
        self.engine = use_cases.engine()
        self.widgets = use_cases.widgets
        self.store = store

    async def state_of(
        self, thread_id: str, context: RequestContext | None = None
    ) -> tuple[FlowState, int]:
        """The thread's state and version; within a request, as this request last saw it.

        The first read of a request also reads, in the same snapshot, what
        every caller goes on to use: the records the state's facts need and the
        widget a turn will lock.
        """
        memo = context.memo if context is not None and context.memo.active else None
        stored = memo.states.get(thread_id) if memo is not None else None
        if stored is None:
            async with self.ops.storage.reading() as repositories:
                stored = await repositories.conversations.read_state(thread_id)
                state = self._state(stored)
                if context is not None:
                    facts = request_facts(context.memo)
                    await facts.records(self.ops, records_key(state), repositories)
                    if state.widget_item_id is not None:
                        await self.store.read_ahead(
                            repositories, thread_id, state.widget_item_id, context
                        )
            if memo is not None:
                memo.states[thread_id] = stored
            return state, stored.version
        return self._state(stored), stored.version

    def _state(self, stored: StoredState) -> FlowState:
        if stored.version == 0:
            return self.engine.initial_state()
        return FlowState.model_validate(stored.data)

    async def greet(
        self, thread: ThreadMetadata, context: RequestContext
    ) -> AsyncIterator[ThreadStreamEvent]:
        """The opening of a new thread: who we are, then the current question and its widget."""
        state, version = await self.state_of(thread.id, context)
        hello = GREETING
        if await self._vouched_for(state, context):
            hello = f"Hi, {await self._first_name(state, context)}! {GREETING.removeprefix('Hi, ')}"
        facts = await request_facts(context.memo).facts(self.ops, state)
        step = self.engine.current_step(state, facts)
        widget = await self.widgets.build(step.widget, state, facts, self.ops)
        widget_id = self.store.generate_item_id("message", thread, context)
        state.widget_item_id = widget_id
        # The card is stamped after its greeting, so it sorts after it when reloaded.
        greeting = self._message(thread, context, f"{hello} {step.hint}")
        widget_item = self._widget(thread, widget_id, widget)
        if not await self._save(thread, context, state, version, added=[greeting, widget_item]):
            return
        async for event in self._stream(greeting):
            yield event
        yield ThreadItemDoneEvent(item=widget_item)

    async def after_no_progress(
        self, thread: ThreadMetadata, context: RequestContext
    ) -> AsyncIterator[ThreadStreamEvent]:
        """A typed turn that changed nothing. From the second in a row the question changes
        form instead of being asked the same way again: its card is shown afresh, to answer
        with a click, and a person is offered."""
        state, version = await self.state_of(thread.id, context)
        facts = await request_facts(context.memo).facts(self.ops, state)
        if self.engine.finished(state, facts):
            return
        state.unanswered += 1
        if state.unanswered < ASKED_ENOUGH:
            await self._save(thread, context, state, version)
            return
        step = self.engine.current_step(state, facts)
        widget = await self.widgets.build(step.widget, state, facts, self.ops)
        locked = await self._locked(thread, context, state.widget_item_id, None, {})
        state.widget_item_id = self.store.generate_item_id("message", thread, context)
        message = self._message(thread, context, ANOTHER_WAY)
        widget_item = self._widget(thread, state.widget_item_id, widget)
        replaced = [locked] if locked else []
        if not await self._save(
            thread, context, state, version, replaced=replaced, added=[message, widget_item]
        ):
            return
        if locked is not None:
            update = WidgetRootUpdated(widget=locked.widget)
            yield ThreadItemUpdatedEvent(item_id=locked.id, update=update)
        async for event in self._stream(message):
            yield event
        yield ThreadItemDoneEvent(item=widget_item)

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
            thread,
            event,
            context,
            token=token,
            sender_id=sender_id,
            sent_values=sent_values,
            with_message=True,
        )
        for out in outcome.before:
            yield out
        if outcome.message is not None:
            # Stored with the state, stamped reply first: shown as they are.
            async for out in self._stream(outcome.message):
                yield out
            for out in outcome.after:
                yield out
            return
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
        with_message: bool = False,
    ) -> Outcome:
        """Apply `event`; a click passes the token its widget was drawn with and its item id.

        The state is saved before anything is shown, so what the shopper sees
        is always what the database holds: in the same transaction goes the
        answered widget, locked, and with `with_message` the reply and then the
        next widget. A typed turn's model says its own reply, so its widget is
        stored by the SDK once shown, after that reply.
        """
        state, version = await self.state_of(thread.id, context)
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
                state,
                event,
                ops=self.ops,
                thread_id=thread.id,
                caller=caller,
                source=request_facts(context.memo),
            )
        except EventRejected as rejected:
            return Outcome([], rejected.message, [], False)
        widget = await self.widgets.build(done.step.widget, done.state, done.facts, self.ops)
        widget_id = self.store.generate_item_id("message", thread, context)
        done.state.widget_item_id = widget_id
        values = dict(sent_values or {}) | _event_values(event)
        locked = await self._locked(thread, context, state.widget_item_id, event.name, values)
        reply = _reply(done)
        message = self._message(thread, context, reply) if with_message and reply else None
        # Stamped after the reply, so the card sorts after it when reloaded.
        widget_item = self._widget(thread, widget_id, widget)
        added: list[ThreadItem] = [] if message is None else [message, widget_item]
        title = self._title(done)
        retitled = None
        if title is not None and title != thread.title:
            retitled = thread.model_copy(update={"title": title})
        if not await self._save(
            thread,
            context,
            done.state,
            version,
            replaced=[locked] if locked else [],
            added=added,
            retitled=retitled,
            logged=(event, done.step.id),
        ):
            return Outcome(
                [NoticeEvent(level="warning", message=CHANGED_ELSEWHERE)], None, [], False
            )
        if title is not None:
            thread.title = title
        before: list[ThreadStreamEvent] = []
        if locked is not None:
            update = WidgetRootUpdated(widget=locked.widget)
            before.append(ThreadItemUpdatedEvent(item_id=locked.id, update=update))
        return Outcome(before, reply, [ThreadItemDoneEvent(item=widget_item)], True, message)

    def _title(self, done: Dispatched) -> str | None:
        """The thread's title for the flow it is in; None keeps the title it has."""
        flow_title = self.engine.title(done.state)
        if flow_title is None:
            return None
        return short_title(self.use_cases.title(done.state, done.facts, flow_title))

    async def _vouched_for(self, state: FlowState, context: RequestContext) -> bool:
        """Bind the thread to the customer the store's site vouched for, if any and if new."""
        if context.verified_customer_id is None or state.customer_id is not None:
            return False
        # Raises NotFound for an unknown customer; read as the bound state's facts will be.
        key = (context.verified_customer_id, None)
        await request_facts(context.memo).records(self.ops, key)
        state.customer_id = context.verified_customer_id
        self.engine.after_verification(state)
        return True

    async def _first_name(self, state: FlowState, context: RequestContext) -> str:
        assert state.customer_id is not None
        records = await request_facts(context.memo).records(self.ops, (state.customer_id, None))
        assert records.customer is not None
        return records.customer.first_name

    async def _save(
        self,
        thread: ThreadMetadata,
        context: RequestContext,
        state: FlowState,
        version: int,
        *,
        replaced: Sequence[ThreadItem] = (),
        added: Sequence[ThreadItem] = (),
        retitled: ThreadMetadata | None = None,
        logged: tuple[FlowEvent, str] | None = None,
    ) -> bool:
        """Save the state, and with it the turn's items and the event it applied (`logged`,
        with the step it led to); False when someone else saved first."""
        data = state.model_dump(mode="json")

        try:
            async with self.ops.storage.transaction(conversation_only=True) as repositories:
                saved = await repositories.conversations.save_state(
                    thread_id=thread.id,
                    owner_id=context.owner_id,
                    customer_id=state.customer_id,
                    data=data,
                    expected_version=version,
                    at=datetime.now(UTC),
                )
                # The items and the log go only with the state: nothing of a turn that lost.
                staged = None
                if saved:
                    if logged is not None:
                        event, step = logged
                        await repositories.conversations.log_event(
                            thread_id=thread.id,
                            at=self.ops.clock(),
                            customer_id=state.customer_id,
                            event=event.name,
                            flow=state.flow,
                            step=step,
                            answers=_yes_no_answers(event),
                        )
                    staged = await self.store.stage(
                        repositories,
                        thread.id,
                        context,
                        replaced=replaced,
                        added=added,
                        retitled=retitled,
                    )
        except (Duplicate, Contention):
            # Another request saved this thread's state first.
            saved, staged = False, None
        if staged is not None:
            self.store.staged(context, staged)
        if context.memo.active:
            if saved:
                context.memo.states[thread.id] = StoredState(data, version + 1)
            else:
                context.memo.states.pop(thread.id, None)
        return saved

    async def _locked(
        self,
        thread: ThreadMetadata,
        context: RequestContext,
        item_id: str | None,
        event_name: str | None,
        values: Mapping[str, Any],
    ) -> WidgetItem | None:
        """The answered widget, locked with the choice made, or None when there is none."""
        if item_id is None:
            return None
        try:
            stored = json.loads(await self.store.load_item_json(thread.id, item_id, context))
        except NotFoundError:
            return None
        if stored.get("type") != "widget":
            return None
        # Locked from the stored JSON, which is the widget's dump: no model to dump again.
        locked = lock_widget(stored["widget"], event_name, values, in_place=True)
        root = DynamicWidgetRoot.model_validate(locked)
        return WidgetItem.model_validate({**stored, "widget": root})

    def _message(
        self, thread: ThreadMetadata, context: RequestContext, text: str
    ) -> AssistantMessageItem:
        item_id = self.store.generate_item_id("message", thread, context)
        return assistant_message(thread.id, item_id, text)

    def _stream(self, message: AssistantMessageItem) -> AsyncIterator[ThreadStreamEvent]:
        text = message.content[0].text
        return stream_text(message.thread_id, message.id, text, message.created_at)

    async def say(
        self, thread: ThreadMetadata, context: RequestContext, text: str
    ) -> AsyncIterator[ThreadStreamEvent]:
        item_id = self.store.generate_item_id("message", thread, context)
        async for event in stream_text(thread.id, item_id, text):
            yield event

    def _widget(
        self, thread: ThreadMetadata, widget_id: str, widget: DynamicWidgetRoot
    ) -> WidgetItem:
        return WidgetItem(
            id=widget_id, thread_id=thread.id, created_at=datetime.now(), widget=widget
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


def _yes_no_answers(event: FlowEvent) -> dict[str, bool]:
    """The event's yes/no answers (an offer taken, a seal broken): what analytics count,
    and never anything the shopper typed."""
    return {key: value for key, value in asdict(event).items() if isinstance(value, bool)}


def _event_values(event: FlowEvent) -> dict[str, Any]:
    return {key: value for key, value in asdict(event).items() if value is not None}
