"""Where an order or a return stands, registered as one use case."""

from __future__ import annotations

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.usecases.seam import UseCase
from returndesk.usecases.status import cues, guards, handlers, queries, widgets
from returndesk.usecases.status.answers import StatusAnswers
from returndesk.usecases.status.events import EVENTS
from returndesk.widgets.registry import Shows


def _title(state: FlowState, facts: Facts, flow_title: str) -> str | None:
    """ "Status: #W2611340" once the order or return is chosen; until then the title stays."""
    answers = state.answers(StatusAnswers)
    target = answers.rma or answers.order_id
    return f"{flow_title}: {target}" if target else None


USE_CASE = UseCase(
    package="returndesk.usecases.status",
    events=EVENTS,
    answers=(StatusAnswers,),
    handlers={
        "ask_status": handlers.ask_status,
        "select_status_target": handlers.select_status_target,
    },
    guards=guards.GUARDS,
    widgets={
        "status_picker": Shows(queries.status_targets, widgets.status_picker),
        "status_card": Shows(queries.status_target, widgets.status_card),
    },
    titles={StatusAnswers.flow: _title},
    cues=cues.CUES,
)
