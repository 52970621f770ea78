"""What the language layer's tools work with during one typed turn."""

from __future__ import annotations

from typing import Annotated, Any, Protocol

from chatkit.agents import AgentContext
from chatkit.types import ThreadMetadata, ThreadStreamEvent
from pydantic import Field, SkipValidation

from returndesk.domain import Policy
from returndesk.flow.events import FlowEvent


class TurnOutcome(Protocol):
    @property
    def before(self) -> list[ThreadStreamEvent]: ...
    @property
    def reply(self) -> str | None: ...
    @property
    def after(self) -> list[ThreadStreamEvent]: ...
    @property
    def applied(self) -> bool: ...


class EventRunner(Protocol):
    """The conversation engine's door for events (the chat layer provides it)."""

    async def run(self, thread: ThreadMetadata, event: FlowEvent, context: Any) -> TurnOutcome: ...


class TurnContext(AgentContext[Any]):
    """ChatKit's agent context plus the conversation the tools drive.

    A tool's new widget waits in `deferred` until the reply has streamed, so a
    typed turn shows text, then widget, exactly as a click does.
    """

    runner: Annotated[EventRunner, SkipValidation]
    policy: Annotated[Policy, SkipValidation]
    deferred: list[ThreadStreamEvent] = Field(default_factory=list)
    # A question of the shopper's was answered (the policy), which is progress too.
    answered: bool = False
