"""Moving around any flow: going back, starting over, and confirming what is on screen.

None of them knows a use case: going back forgets what the definition says the
step it returns to `clears`, a finished request cannot be undone by going
back, and Confirm is carried out by the confirmation of the flow it is in.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from returndesk.flow.definition import FlowDefinition, StepSpec
from returndesk.flow.events import Confirm, GoBack, QueueRequests, StartOver
from returndesk.flow.facts import Facts
from returndesk.flow.state import Answers, FlowState
from returndesk.flow.turn import EventRejected, Handler, Turn

# Carries out the request a flow's summary shows, once the shopper confirms it.
Confirmation = Callable[[FlowState, Turn], Awaitable[str | None]]

ALREADY_DONE = "That's already done; I can't undo it by going back."
NOTHING_TO_CONFIRM = "There's nothing waiting for confirmation."


class Navigation:
    def __init__(
        self,
        definition: FlowDefinition,
        *,
        answers: Mapping[str, type[Answers]],
        confirmations: Mapping[str, Confirmation],
        current_step: Callable[[FlowState, Facts], StepSpec],
    ) -> None:
        self._definition = definition
        self._answers = answers
        self._confirmations = confirmations
        self._current_step = current_step

    def handlers(self) -> Mapping[str, Handler]:
        return {
            "go_back": self.go_back,
            "start_over": self.start_over,
            "confirm": self.confirm,
            "queue_requests": self.queue_requests,
        }

    def to_menu(self, state: FlowState) -> None:
        state.enter(self._definition.after_verification)

    async def go_back(self, state: FlowState, event: GoBack, turn: Turn) -> str | None:
        finished = self._definition.flow(state.flow).finished
        if finished is not None and self._current_step(state, turn.facts).id == finished:
            raise EventRejected(ALREADY_DONE)
        kind = self._answers.get(state.flow)
        clears = {step.id: step.clears for step in self._definition.flow(state.flow).steps}
        while state.trail:
            forget = clears.get(state.trail.pop())
            if forget and kind is not None:
                state.forget_answers(kind, forget)
                return None
        self.to_menu(state)
        return None

    async def start_over(self, state: FlowState, event: StartOver, turn: Turn) -> str | None:
        self.to_menu(state)
        # Starting again drops what was asked for next, too.
        state.queued = []
        return "Sure, let's start again."

    async def queue_requests(
        self, state: FlowState, event: QueueRequests, turn: Turn
    ) -> str | None:
        """Keep the requests for after the current one, and say the order they come in."""
        unknown = [name for name in event.requests if name not in self._definition.starting]
        if unknown:
            raise EventRejected("I can't take that request here; please use the menu.")
        state.queued = [*state.queued, *event.requests]
        current = self._definition.flow(state.flow).called
        later = [self.called(name) for name in state.queued]
        if current is None:
            return None
        return f"First {current}, then {', then '.join(later)}."

    def called(self, start_event: str) -> str:
        """How a sentence names the request `start_event` begins: "the address change"."""
        flow = self._definition.flow(self._definition.starting[start_event])
        return flow.called or "your next request"

    async def confirm(self, state: FlowState, event: Confirm, turn: Turn) -> str | None:
        """One Confirm button per flow; what it confirms depends on the flow it is in."""
        confirmation = self._confirmations.get(state.flow)
        if confirmation is None:
            raise EventRejected(NOTHING_TO_CONFIRM)
        return await confirmation(state, turn)
