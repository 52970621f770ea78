"""Moving around: going back, starting over, status questions and asking for a person."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from returndesk.domain import normalize_rma
from returndesk.errors import NotFound
from returndesk.flow.engine import EventRejected, Turn
from returndesk.flow.events import AskStatus, GoBack, RequestHandoff, SelectStatusTarget, StartOver
from returndesk.flow.state import FlowState, StatusAnswers
from returndesk.store.db import reading, transaction
from returndesk.store.repositories.orders import get_customer_order, normalize_order_id
from returndesk.store.repositories.returns import get_return
from returndesk.store.tables import HandoffRow

MENU = "menu"


def _clear_items(state: FlowState) -> None:
    state.returns.line_nos = []


def _clear_reasons(state: FlowState) -> None:
    state.returns.reasons = {}
    state.returns.offer_answer = None


def _clear_offer(state: FlowState) -> None:
    state.returns.offer_answer = None
    state.returns.resolution = None


def _clear_resolution(state: FlowState) -> None:
    state.returns.resolution = None
    state.returns.credit_destination = None


def _clear_exchanges(state: FlowState) -> None:
    state.returns.exchanges = {}
    state.returns.shortlist = []


# Going back to a step forgets the answer given there, so that step asks again;
# later answers stay and count again if they still fit.
_FORGET: Mapping[str, Callable[[FlowState], None]] = {
    "choose_items": _clear_items,
    "reason": _clear_reasons,
    "reason_note": lambda state: state.returns.notes.clear(),
    "hygiene": lambda state: state.returns.seal_opened.clear(),
    "offer": _clear_offer,
    "resolution": _clear_resolution,
    "exchange_variant": _clear_exchanges,
    "exchange_payment": lambda state: setattr(state.returns, "exchange_payment_method_id", None),
    "method": lambda state: setattr(state.returns, "method", None),
    "choose_order": lambda state: setattr(state.cancel_order, "order_id", None),
    "cancel_reason": lambda state: setattr(state.cancel_order, "reason", None),
    "choose_return": lambda state: setattr(state.cancel_return, "rma", None),
    "status_pick": lambda state: setattr(state, "status", StatusAnswers()),
}

_FINISHED = {"confirmation", "cancel_done", "cancel_return_done"}


async def go_back(state: FlowState, event: GoBack, turn: Turn) -> str | None:
    if state.trail and state.trail[-1] in _FINISHED:
        raise EventRejected("That's already done; I can't undo it by going back.")
    while state.trail:
        step = state.trail.pop()
        forget = _FORGET.get(step)
        if forget is not None:
            forget(state)
            return None
    state.flow = MENU
    state.reset_answers()
    return None


async def start_over(state: FlowState, event: StartOver, turn: Turn) -> str | None:
    state.flow = MENU
    state.reset_answers()
    return "Sure, let's start again."


async def ask_status(state: FlowState, event: AskStatus, turn: Turn) -> str | None:
    state.reset_answers()
    state.flow = "status"
    if event.order_id or event.rma:
        await _set_target(state, event.order_id, event.rma, turn)
    return None


async def select_status_target(
    state: FlowState, event: SelectStatusTarget, turn: Turn
) -> str | None:
    if not event.order_id and not event.rma:
        raise EventRejected("Which order or return would you like to check?")
    await _set_target(state, event.order_id, event.rma, turn)
    return None


async def _set_target(state: FlowState, order_id: str | None, rma: str | None, turn: Turn) -> None:
    assert state.customer_id is not None
    async with reading(turn.ops.sessions) as session:
        if rma:
            canonical = normalize_rma(rma) or rma.strip().upper()
            try:
                ret = await get_return(session, canonical)
            except NotFound:
                ret = None
            if ret is None or ret.customer_id != state.customer_id:
                raise EventRejected(f"I can't find return {canonical} on your account.")
            state.status.rma, state.status.order_id = ret.rma, None
            return
        assert order_id is not None
        try:
            order = await get_customer_order(session, state.customer_id, order_id)
        except NotFound as exc:
            raise EventRejected(
                f"I can't find order {normalize_order_id(order_id)} on your account."
            ) from exc
        state.status.order_id, state.status.rma = order.id, None


async def request_handoff(state: FlowState, event: RequestHandoff, turn: Turn) -> str | None:
    summary = (event.summary or "").strip()[:1000] or f"Asked for a person during: {state.flow}"
    async with transaction(turn.ops.sessions) as session:
        session.add(
            HandoffRow(
                thread_id=turn.thread_id,
                customer_id=state.customer_id,
                summary=summary,
                created_at=turn.facts.now,
            )
        )
    state.reset_answers()
    if state.customer_id is None:
        # Nothing else can happen before verification, so the form stays up.
        return (
            "I've passed your request to our team. Meanwhile, if you tell me who you are, "
            "I can help with returns, exchanges and cancellations right away."
        )
    state.flow = "handoff"
    state.handoff.summary = summary
    state.handoff.recorded = True
    return None
