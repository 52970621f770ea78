"""Questions about the catalogue's products, registered as one use case."""

from __future__ import annotations

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.usecases.product_info import brief, cues, guards, handlers, queries, widgets
from returndesk.usecases.product_info.answers import ProductAnswers
from returndesk.usecases.product_info.events import EVENTS, AskProduct
from returndesk.usecases.seam import UseCase
from returndesk.widgets.registry import Shows


def _title(state: FlowState, facts: Facts, flow_title: str) -> str | None:
    return flow_title if state.answers(ProductAnswers).product_id else None


USE_CASE = UseCase(
    package="returndesk.usecases.product_info",
    events=EVENTS,
    answers=(ProductAnswers,),
    handlers={AskProduct.name: handlers.ask_product},
    guards=guards.GUARDS,
    widgets={
        "product_picker": Shows(queries.product_names, widgets.product_picker),
        "product_card": Shows(queries.asked_product, widgets.product_card),
    },
    titles={ProductAnswers.flow: _title},
    cues=cues.CUES,
    briefs={step: brief.with_catalogue for step in (cues.PICK_STEP, cues.ANSWER_STEP)},
)
