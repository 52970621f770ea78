"""Where an order or a return stands: choosing which one, on the shopper's account only."""

from __future__ import annotations

from returndesk.domain import normalize_rma
from returndesk.errors import NotFound
from returndesk.flow.state import FlowState
from returndesk.flow.turn import EventRejected, Turn
from returndesk.store.port.orders import normalize_order_id
from returndesk.usecases.status.answers import StatusAnswers
from returndesk.usecases.status.events import AskStatus, SelectStatusTarget


async def ask_status(state: FlowState, event: AskStatus, turn: Turn) -> str | None:
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
    answers = state.answers(StatusAnswers)
    async with turn.ops.storage.reading() as repositories:
        if rma:
            canonical = normalize_rma(rma) or rma.strip().upper()
            try:
                ret = await repositories.returns.get(canonical)
            except NotFound:
                ret = None
            if ret is None or ret.customer_id != state.customer_id:
                raise EventRejected(f"I can't find return {canonical} on your account.")
            answers.rma, answers.order_id = ret.rma, None
            return
        assert order_id is not None
        try:
            order = await repositories.orders.customer_order(state.customer_id, order_id)
        except NotFound as exc:
            raise EventRejected(
                f"I can't find order {normalize_order_id(order_id)} on your account."
            ) from exc
        answers.order_id, answers.rma = order.id, None
