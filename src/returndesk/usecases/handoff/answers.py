"""What the shopper asked a person for."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict

from returndesk.flow.state import Answers


class HandoffAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "handoff"

    summary: str | None = None
    # Stored states carry it; the request is recorded when the flow is entered.
    recorded: bool = False
    # Outside the team's hours: when someone will answer.
    away: str | None = None
