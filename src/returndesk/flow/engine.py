"""Applies flow events to a thread's state, whichever door they came through.

A click handler and the language model's tools build the same events; the
engine checks that the event makes sense now, lets its handler update the
state (or refuse with a sentence for the shopper), and works out the step
that comes next from the definition's guards.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from returndesk.flow.definition import FlowDefinition, StepSpec, validate
from returndesk.flow.state import FlowState, new_token

FactsT = TypeVar("FactsT")
FactsT_contra = TypeVar("FactsT_contra", contravariant=True)


class FlowEvent(Protocol):
    name: ClassVar[str]


class EventRejected(Exception):
    """The event cannot apply; `message` tells the shopper why, and nothing changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Effect:
    """A change to the store's records that an event asks for; run by the caller."""

    kind: str
    data: Mapping[str, Any]


class Guard(Protocol[FactsT_contra]):
    def __call__(self, state: FlowState, facts: FactsT_contra, /) -> bool: ...


class Handler(Protocol[FactsT_contra]):
    def __call__(
        self, state: FlowState, event: Any, facts: FactsT_contra, /
    ) -> list[Effect] | None: ...


@dataclass(slots=True)
class Dispatched:
    state: FlowState
    step: StepSpec
    effects: list[Effect] = field(default_factory=list)


class FlowEngine(Generic[FactsT]):
    def __init__(
        self,
        definition: FlowDefinition,
        *,
        guards: Mapping[str, Guard[FactsT]],
        handlers: Mapping[str, Handler[FactsT]],
        widgets: Collection[str],
    ) -> None:
        validate(definition, guards=guards.keys(), events=handlers.keys(), widgets=widgets)
        self.definition = definition
        self._guards = guards
        self._handlers = handlers

    def initial_state(self) -> FlowState:
        return FlowState(flow=self.definition.spec.start)

    def current_step(self, state: FlowState, facts: FactsT) -> StepSpec:
        """The first step of the flow that applies and is not yet complete.

        A flow whose steps are all complete rests on its last step, which
        shows the outcome until the shopper asks for something else.
        """
        steps = self.definition.flow(state.flow).steps
        for step in steps:
            if self._applies(step, state, facts) and not self._guards[step.done](state, facts):
                return step
        return steps[-1]

    def reached_steps(self, state: FlowState, facts: FactsT) -> list[StepSpec]:
        """The steps up to and including the current one that apply to this state."""
        current = self.current_step(state, facts)
        reached = []
        for step in self.definition.flow(state.flow).steps:
            if self._applies(step, state, facts):
                reached.append(step)
            if step.id == current.id:
                break
        return reached

    def dispatch(self, state: FlowState, event: FlowEvent, facts: FactsT) -> Dispatched:
        """The state after the event. Raises EventRejected and leaves `state` untouched."""
        self._check_accepted(state, event, facts)
        updated = state.model_copy(deep=True)
        before = self.current_step(state, facts)
        effects = self._handlers[event.name](updated, event, facts) or []
        updated.token = new_token()
        step = self.current_step(updated, facts)
        if updated.flow != state.flow:
            updated.trail = []
        if step.id != before.id and updated.flow == state.flow:
            updated.trail = [*updated.trail, before.id]
        return Dispatched(updated, step, list(effects))

    def accepts(self, state: FlowState, event_name: str, facts: FactsT) -> bool:
        if state.customer_id is not None and event_name in self.definition.spec.anytime:
            return True
        return any(event_name in step.accepts for step in self.reached_steps(state, facts))

    def _check_accepted(self, state: FlowState, event: FlowEvent, facts: FactsT) -> None:
        if self.accepts(state, event.name, facts):
            return
        if state.customer_id is None:
            raise EventRejected("First I need to confirm who you are.")
        raise EventRejected(self.current_step(state, facts).hint)

    def _applies(self, step: StepSpec, state: FlowState, facts: FactsT) -> bool:
        return step.when is None or self._guards[step.when](state, facts)

