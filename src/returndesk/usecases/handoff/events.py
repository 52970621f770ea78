"""The event of asking for a person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from returndesk.flow.events import FlowEvent, Progress


@dataclass(frozen=True, slots=True)
class RequestHandoff:
    """Record a request for a person, for anything the tools cannot do.

    Args:
        summary: What the shopper needs, in one sentence.
    """

    name: ClassVar[str] = "request_handoff"
    progress: ClassVar[Progress] = Progress("Asking a person", "Asked a person", "lifesaver")
    summary: str | None = None


EVENTS: tuple[type[FlowEvent], ...] = (RequestHandoff,)
