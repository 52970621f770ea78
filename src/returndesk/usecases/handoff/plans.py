"""The tool call that asks for a person, with a summary even when the shopper gave none."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.llm.offline.context import Context
from returndesk.llm.offline.reading import Reading
from returndesk.llm.offline.rules import Planner, ToolCall, slot
from returndesk.usecases.handoff.events import RequestHandoff

UNSAID = "The shopper asked for a person."


def _handoff(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    return [ToolCall(RequestHandoff.name, {"summary": slot(reading, "summary") or UNSAID})]


PLANNERS: Mapping[str, Planner] = {RequestHandoff.name: _handoff}
