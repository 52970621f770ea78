"""What an event's handler is given besides the state, and how it refuses."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from returndesk.flow.facts import Facts, FactSource
from returndesk.flow.state import FlowState
from returndesk.operations.context import Operations


class EventRejected(Exception):
    """The event cannot apply; `message` tells the shopper why, and nothing changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Caller:
    """Who sent the event: the visitor's owner id and the client's address."""

    owner_id: str
    client_address: str | None = None


@dataclass(frozen=True, slots=True)
class Turn:
    """What a handler may use besides the state: today's facts and the store."""

    facts: Facts
    ops: Operations
    thread_id: str
    # The state's token before this event: the same click sent twice carries the
    # same token, so commands keyed on it happen once.
    token: str
    caller: Caller
    # Where the turn's facts came from, for a handler that needs those of another state.
    source: FactSource
    # The flow the shopper was in when the event arrived (an event that starts a flow
    # has entered it by the time its handler runs).
    arrived_in: str


# A handler updates the state it is given and may return a sentence for the shopper.
Handler = Callable[[FlowState, Any, Turn], Awaitable[str | None]]
