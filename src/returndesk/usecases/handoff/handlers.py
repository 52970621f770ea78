"""Asking for a person: a hand-off opens in the team's inbox, with a summary and what the
conversation was about, and the team's webhook is told of it."""

from __future__ import annotations

from returndesk.domain.handoffs import MAX_SUMMARY_CHARS
from returndesk.flow.state import FlowState
from returndesk.flow.turn import Turn
from returndesk.operations.handoffs import open_handoff
from returndesk.usecases.handoff.answers import HandoffAnswers
from returndesk.usecases.handoff.events import RequestHandoff


def _concerned(state: FlowState) -> tuple[str | None, str | None]:
    """The order and return the shopper's requests were about, for the inbox."""
    order_id: str | None = None
    rma: str | None = None
    for answers in state.answers_by_flow.values():
        order_id = order_id or getattr(answers, "order_id", None)
        rma = rma or getattr(answers, "rma", None) or getattr(answers, "confirmed_rma", None)
    return order_id, rma


async def request_handoff(state: FlowState, event: RequestHandoff, turn: Turn) -> str | None:
    summary = (event.summary or "").strip()[:MAX_SUMMARY_CHARS]
    summary = summary or f"Asked for a person during: {turn.arrived_in}"
    order_id, rma = _concerned(state)
    opened, new = await open_handoff(
        turn.ops,
        thread_id=turn.thread_id,
        customer_id=state.customer_id,
        summary=summary,
        order_id=order_id,
        rma=rma,
    )
    if new and turn.ops.handoff_notifier is not None:
        turn.ops.handoff_notifier.opened(opened)
    hours = turn.ops.business_hours
    away = hours.when_answered(turn.facts.now) if hours is not None else None
    if state.customer_id is None:
        # Nothing else can happen before verification, so the form stays up.
        return " ".join(
            part
            for part in (
                "I've passed your request to our team.",
                away,
                "Meanwhile, if you tell me who you are, I can help with returns, exchanges "
                "and cancellations right away.",
            )
            if part
        )
    answers = state.answers(HandoffAnswers)
    answers.summary = summary
    answers.recorded = True
    answers.away = away
    return None
