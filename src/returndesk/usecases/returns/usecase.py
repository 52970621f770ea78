"""Returns and exchanges, registered as one use case."""

from __future__ import annotations

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.usecases.returns import cues, guards, handlers, plans, queries
from returndesk.usecases.returns.answers import ReturnAnswers
from returndesk.usecases.returns.events import EVENTS
from returndesk.usecases.returns.widgets import choices, exchange, items, reasons, summary
from returndesk.usecases.seam import UseCase
from returndesk.widgets.registry import Shows


def _title(state: FlowState, facts: Facts, flow_title: str) -> str | None:
    """ "Return: Office Chair, Desk Lamp" once the items are chosen."""
    answers = state.answers(ReturnAnswers)
    if facts.order is None or not answers.line_nos:
        return flow_title
    names = dict.fromkeys(facts.order.line(line).name for line in answers.line_nos)
    return f"{flow_title}: " + ", ".join(names)


USE_CASE = UseCase(
    package="returndesk.usecases.returns",
    events=EVENTS,
    answers=(ReturnAnswers,),
    handlers={
        "start_return": handlers.start_return,
        "select_items": handlers.select_items,
        "give_reason": handlers.give_reason,
        "give_note": handlers.give_note,
        "answer_hygiene": handlers.answer_hygiene,
        "answer_offer": handlers.answer_offer,
        "choose_resolution": handlers.choose_resolution,
        "choose_variant": handlers.choose_variant,
        "shortlist_variants": handlers.shortlist_variants,
        "choose_payment_method": handlers.choose_payment_method,
        "choose_method": handlers.choose_method,
    },
    guards=guards.GUARDS,
    widgets={
        "item_picker": Shows(queries.delivered_orders, items.item_picker),
        "reason_picker": reasons.reason_picker,
        "note_form": reasons.note_form,
        "hygiene_question": reasons.hygiene_question,
        "retention_offer": choices.retention_offer,
        "resolution_picker": choices.resolution_picker,
        "variant_picker": exchange.variant_picker,
        "payment_picker": exchange.payment_picker,
        "method_picker": choices.method_picker,
        "return_summary": summary.return_summary,
        "return_confirmation": Shows(queries.confirmed_return, summary.return_confirmation),
    },
    confirmations={ReturnAnswers.flow: handlers.confirm_return},
    titles={ReturnAnswers.flow: _title},
    cues=cues.CUES,
    planners=plans.PLANNERS,
)
