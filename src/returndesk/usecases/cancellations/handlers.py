"""Cancelling a pending order, or a return that has not been sent yet."""

from __future__ import annotations

from returndesk.domain import (
    CUSTOMER_CANCELLABLE,
    cancellation_reason,
    check_order_cancellation,
    next_step,
)
from returndesk.errors import DomainError, InvalidRequest, NotFound
from returndesk.flow.orders import require_allowed, shoppers_order
from returndesk.flow.state import FlowState
from returndesk.flow.turn import EventRejected, Turn
from returndesk.operations.orders import cancel_order
from returndesk.operations.returns import cancel_return
from returndesk.usecases.cancellations.answers import CancelOrderAnswers, CancelReturnAnswers
from returndesk.usecases.cancellations.events import (
    GiveCancelReason,
    SelectOrder,
    SelectReturn,
    StartOrderCancellation,
    StartReturnCancellation,
)


async def start_order_cancellation(
    state: FlowState, event: StartOrderCancellation, turn: Turn
) -> str | None:
    if event.order_id:
        answers = state.answers(CancelOrderAnswers)
        answers.order_id = await _cancellable_order(state, event.order_id, turn)
        if event.reason:
            answers.reason = _reason(event.reason, turn)
    return None


async def select_order(state: FlowState, event: SelectOrder, turn: Turn) -> str | None:
    state.answers(CancelOrderAnswers).order_id = await _cancellable_order(
        state, event.order_id, turn
    )
    state.answers(CancelOrderAnswers).reason = None
    return None


async def _cancellable_order(state: FlowState, order_id: str, turn: Turn) -> str:
    order = await shoppers_order(turn, order_id)
    customer = turn.facts.customer
    assert customer is not None
    require_allowed(order, check_order_cancellation(order, customer))
    return order.id


async def give_cancel_reason(state: FlowState, event: GiveCancelReason, turn: Turn) -> str | None:
    state.answers(CancelOrderAnswers).reason = _reason(event.reason, turn)
    return None


def _reason(reason: str, turn: Turn) -> str:
    try:
        return cancellation_reason(reason, turn.facts.policy)
    except InvalidRequest as exc:
        raise EventRejected(exc.message) from exc


async def confirm_order_cancellation(state: FlowState, turn: Turn) -> str | None:
    answers = state.answers(CancelOrderAnswers)
    if answers.order_id is None or answers.reason is None or state.customer_id is None:
        raise EventRejected("Let's choose the order and the reason first.")
    try:
        await cancel_order(
            turn.ops, answers.order_id, customer_id=state.customer_id, reason=answers.reason
        )
    except (DomainError, NotFound, InvalidRequest) as exc:
        raise EventRejected(exc.message) from exc
    answers.done = True
    return None


async def start_return_cancellation(
    state: FlowState, event: StartReturnCancellation, turn: Turn
) -> str | None:
    if event.rma:
        state.answers(CancelReturnAnswers).rma = await _cancellable_return(state, event.rma, turn)
    return None


async def select_return(state: FlowState, event: SelectReturn, turn: Turn) -> str | None:
    state.answers(CancelReturnAnswers).rma = await _cancellable_return(state, event.rma, turn)
    return None


async def _cancellable_return(state: FlowState, rma: str, turn: Turn) -> str:
    try:
        async with turn.ops.storage.reading() as repositories:
            ret = await repositories.returns.get(rma)
    except NotFound as exc:
        raise EventRejected(f"I can't find return {rma.upper()} on your account.") from exc
    if ret.customer_id != state.customer_id:
        raise EventRejected(f"I can't find return {ret.rma} on your account.")
    if ret.status not in CUSTOMER_CANCELLABLE:
        raise EventRejected(
            f"Return {ret.rma} is {ret.status.label} and can no longer be cancelled. "
            + next_step(ret.status, method=ret.method, keep_item=ret.keep_item)
        )
    return ret.rma


async def confirm_return_cancellation(state: FlowState, turn: Turn) -> str | None:
    answers = state.answers(CancelReturnAnswers)
    if answers.rma is None or state.customer_id is None:
        raise EventRejected("Let's choose the return first.")
    try:
        await cancel_return(turn.ops, answers.rma, customer_id=state.customer_id)
    except (DomainError, NotFound) as exc:
        raise EventRejected(exc.message) from exc
    answers.done = True
    return None
