"""Applies flow events to a thread's state, whichever door they came through.

A click handler and the language model's tools build the same events; the
engine checks that the event makes sense now, lets its handler update the
state (or refuse with a sentence for the shopper), and works out the step
that comes next from the definition's guards, over facts loaded afresh for
the request (records a handler's own command changed are read again).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, replace

from returndesk.flow.actions import EventCatalog
from returndesk.flow.definition import FlowDefinition, StepSpec, validate
from returndesk.flow.events import FlowEvent
from returndesk.flow.facts import Facts, FactSource
from returndesk.flow.guards import Guard
from returndesk.flow.navigation import Confirmation, Navigation
from returndesk.flow.state import Answers, FlowState, PendingRequest, new_token
from returndesk.flow.turn import Caller, EventRejected, Handler, Turn
from returndesk.operations.context import Operations

KEPT_FOR_LATER = "I can help with that as soon as I've confirmed who you are."
VERIFY_FIRST = "First I need to confirm who you are."


@dataclass(frozen=True, slots=True)
class Dispatched:
    state: FlowState
    facts: Facts
    step: StepSpec
    # What the handler had to say about the change, before the next question.
    remark: str | None


class FlowEngine:
    def __init__(
        self,
        definition: FlowDefinition,
        *,
        events: EventCatalog,
        guards: Mapping[str, Guard],
        handlers: Mapping[str, Handler],
        widgets: Collection[str],
        answers: Mapping[str, type[Answers]],
        confirmations: Mapping[str, Confirmation],
    ) -> None:
        """`answers`: each flow's answers model; `confirmations`: what Confirm does in each
        flow that has one. Going back, starting over and Confirm are the engine's own."""
        navigation = Navigation(
            definition,
            answers=answers,
            confirmations=confirmations,
            current_step=self.current_step,
        )
        self._navigation = navigation
        handlers = {**handlers, **navigation.handlers()}
        validate(
            definition,
            guards=guards.keys(),
            events=events.types.keys() & handlers.keys(),
            widgets=widgets,
            answers={flow: kind.model_fields.keys() for flow, kind in answers.items()},
        )
        self.definition = definition
        self.events = events
        self._guards = guards
        self._handlers = handlers

    def initial_state(self) -> FlowState:
        return FlowState(flow=self.definition.start)

    def current_step(self, state: FlowState, facts: Facts) -> StepSpec:
        """The first step of the flow that applies and is not yet complete.

        A flow whose steps are all complete rests on its last step, which
        shows the outcome until the shopper asks for something else.
        """
        steps = self.definition.flow(state.flow).steps
        for step in steps:
            if self._applies(step, state, facts) and not self._guards[step.done](state, facts):
                return step
        return steps[-1]

    def after_verification(self, state: FlowState) -> None:
        """Where a shopper goes once verified, as the definition says."""
        state.flow = self.definition.after_verification

    def title(self, state: FlowState) -> str | None:
        """The definition's title of the state's flow, if it has one."""
        return self.definition.flow(state.flow).title

    def finished(self, state: FlowState, facts: Facts) -> bool:
        """Whether the flow's request is done and its last step only shows the outcome."""
        steps = self.definition.flow(state.flow).steps
        return len(steps) > 1 and self.current_step(state, facts).id == steps[-1].id

    def reached_steps(self, state: FlowState, facts: Facts) -> list[StepSpec]:
        """The steps up to and including the current one that apply to this state."""
        current = self.current_step(state, facts)
        reached = []
        for step in self.definition.flow(state.flow).steps:
            if self._applies(step, state, facts):
                reached.append(step)
            if step.id == current.id:
                break
        return reached

    def confirming(self, state: FlowState, facts: Facts) -> bool:
        """Whether the current step is the flow's confirmation, waiting for a yes."""
        return self.current_step(state, facts).id == self.definition.flow(state.flow).confirmation

    def wrapped_up(self, state: FlowState, facts: Facts) -> bool:
        """Whether a use case's request is over: its flow rests on its last step."""
        flow = self.definition.flow(state.flow)
        return bool(flow.starts) and self.current_step(state, facts).id == flow.steps[-1].id

    def accepts(self, state: FlowState, event_name: str, facts: Facts) -> bool:
        starts = self.definition.started_by(event_name)
        if state.customer_id is not None:
            if starts is not None or event_name in self.definition.anytime:
                return True
        elif starts is not None and starts.before_verification == "answer":
            return True
        return any(event_name in step.accepts for step in self.reached_steps(state, facts))

    def _kept(self, state: FlowState, event: FlowEvent) -> bool:
        """A request made before verification, carried out once the shopper is verified."""
        starts = self.definition.started_by(event.name)
        return (
            state.customer_id is None
            and starts is not None
            and starts.before_verification == "keep"
        )

    async def dispatch(
        self,
        state: FlowState,
        event: FlowEvent,
        *,
        ops: Operations,
        thread_id: str,
        caller: Caller,
        source: FactSource | None = None,
    ) -> Dispatched:
        """The state after the event. Raises EventRejected and leaves `state` untouched.

        `source` is the request's; without one the facts are read for this event alone.
        """
        source = source or FactSource()
        facts = await source.facts(ops, state)
        if self._kept(state, event):
            return self._kept_until_verified(state, event, facts)
        self._check_accepted(state, event, facts)
        before = self.current_step(state, facts)
        updated = state.model_copy(deep=True)
        turn = Turn(facts, ops, thread_id, state.token, caller, source, state.flow)
        remark = await self._handle(updated, event, turn)
        if state.customer_id is None and updated.customer_id is not None:
            self.after_verification(updated)
            remark = await self._carry_out_pending(updated, remark, turn)
        updated.token = new_token()
        updated.unanswered = 0
        facts = await source.facts(ops, updated)
        if updated.queued and self._ready_for_next(updated, facts):
            remark = await self._start_next(updated, remark, replace(turn, facts=facts))
            facts = await source.facts(ops, updated)
        step = self.current_step(updated, facts)
        if updated.flow != state.flow or event.name in self.definition.starting:
            updated.trail = []
        elif step.id != before.id and event.name != "go_back":
            updated.trail = [*updated.trail, before.id]
        return Dispatched(updated, facts, step, remark)

    def _ready_for_next(self, state: FlowState, facts: Facts) -> bool:
        """The request in hand is over (or none is in hand): a queued one may start."""
        return (
            state.customer_id is not None and state.flow == self.definition.after_verification
        ) or self.wrapped_up(state, facts)

    async def _start_next(self, state: FlowState, remark: str | None, turn: Turn) -> str | None:
        """Start the next request the shopper asked for, saying so; one that cannot go
        ahead says why, and the one after it is tried."""
        while state.queued:
            name = state.queued.pop(0)
            try:
                event = self.events.types[name]()
            except TypeError:
                # A store's request whose start needs details cannot begin by itself.
                ask = f"When you're ready, tell me about {self._navigation.called(name)}."
                remark = _joined(remark, ask)
                continue
            attempt = state.model_copy(deep=True)
            try:
                said = await self._handle(attempt, event, turn)
            except EventRejected as refused:
                remark = _joined(remark, refused.message)
                continue
            _adopt(state, attempt)
            now = f"Now {self._navigation.called(name)}."
            return _joined(remark, _joined(now, said))
        return remark

    def _kept_until_verified(self, state: FlowState, event: FlowEvent, facts: Facts) -> Dispatched:
        updated = state.model_copy(deep=True)
        updated.pending = PendingRequest(event=event.name, arguments=_arguments(event))
        updated.token = new_token()
        return Dispatched(updated, facts, self.current_step(updated, facts), KEPT_FOR_LATER)

    async def _carry_out_pending(
        self, state: FlowState, remark: str | None, turn: Turn
    ) -> str | None:
        """Go ahead with the request the shopper made before verifying, on their account now."""
        pending, state.pending = state.pending, None
        if pending is None:
            return remark
        event, _ = self.events.event_from_action(pending.event, dict(pending.arguments))
        facts = await turn.source.facts(turn.ops, state)
        verified = replace(turn, facts=facts)
        attempt = state.model_copy(deep=True)
        try:
            said = await self._handle(attempt, event, verified)
        except EventRejected as refused:
            # The request cannot go ahead as asked (not their order, say): the shopper,
            # verified, hears why and chooses again from the menu.
            return _joined(remark, refused.message)
        _adopt(state, attempt)
        return _joined(remark, said)

    async def _handle(self, state: FlowState, event: FlowEvent, turn: Turn) -> str | None:
        """Run the event's handler; an event that starts a flow enters it first, afresh."""
        flow_id = self.definition.starting.get(event.name)
        if flow_id is not None and state.customer_id is not None:
            state.enter(flow_id)
        return await self._handlers[event.name](state, event, turn)

    def _check_accepted(self, state: FlowState, event: FlowEvent, facts: Facts) -> None:
        if self.accepts(state, event.name, facts):
            return
        if state.customer_id is None:
            raise EventRejected(KEPT_FOR_LATER if state.pending else VERIFY_FIRST)
        raise EventRejected(self.current_step(state, facts).hint)

    def _applies(self, step: StepSpec, state: FlowState, facts: Facts) -> bool:
        return step.when is None or self._guards[step.when](state, facts)


def _arguments(event: FlowEvent) -> dict[str, str | None]:
    # Requests kept until verification carry references only: ids and numbers as text.
    return {key: value for key, value in asdict(event).items() if isinstance(value, str | None)}


def _adopt(state: FlowState, attempt: FlowState) -> None:
    """Take on what an attempt on a copy of `state` made of it, once it went through."""
    for name in FlowState.model_fields:
        setattr(state, name, getattr(attempt, name))


def _joined(first: str | None, second: str | None) -> str | None:
    said = " ".join(part for part in (first, second) if part)
    return said or None
