"""Asking for a person: the request is recorded for the store's team, with a summary."""

from __future__ import annotations

from returndesk.flow.state import FlowState
from returndesk.flow.turn import Turn
from returndesk.store.db import transaction
from returndesk.store.tables import HandoffRow
from returndesk.usecases.handoff.answers import HandoffAnswers
from returndesk.usecases.handoff.events import RequestHandoff

MAX_SUMMARY = 1000


async def request_handoff(state: FlowState, event: RequestHandoff, turn: Turn) -> str | None:
    summary = (event.summary or "").strip()[:MAX_SUMMARY]
    summary = summary or f"Asked for a person during: {turn.arrived_in}"
    async with transaction(turn.ops.sessions) as session:
        session.add(
            HandoffRow(
                thread_id=turn.thread_id,
                customer_id=state.customer_id,
                summary=summary,
                created_at=turn.facts.now,
            )
        )
    if state.customer_id is None:
        # Nothing else can happen before verification, so the form stays up.
        return (
            "I've passed your request to our team. Meanwhile, if you tell me who you are, "
            "I can help with returns, exchanges and cancellations right away."
        )
    answers = state.answers(HandoffAnswers)
    answers.summary = summary
    answers.recorded = True
    return None
