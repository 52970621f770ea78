"""How the offline model reads a message asking for a person."""

from __future__ import annotations

from returndesk.llm.offline import cues
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import Reading
from returndesk.llm.offline.rules import SURE, Cue, Stage
from returndesk.usecases.handoff.events import RequestHandoff


def _handoff(message: Message) -> Reading | None:
    return (
        Reading(RequestHandoff.name, confidence=SURE) if cues.wants_handoff(message.text) else None
    )


CUES: tuple[Cue, ...] = (Cue(_handoff, Stage.LEAVING),)
