"""Asking for a person, registered as one use case."""

from __future__ import annotations

from returndesk.usecases.handoff import cues, handlers, plans, widgets
from returndesk.usecases.handoff.answers import HandoffAnswers
from returndesk.usecases.handoff.events import EVENTS, RequestHandoff
from returndesk.usecases.seam import UseCase

USE_CASE = UseCase(
    package="returndesk.usecases.handoff",
    events=EVENTS,
    answers=(HandoffAnswers,),
    handlers={"request_handoff": handlers.request_handoff},
    widgets={"handoff_card": widgets.handoff_card},
    cues=cues.CUES,
    planners=plans.PLANNERS,
    worded_by_the_model=frozenset({RequestHandoff.name}),
)
