"""Choosing the order and the method, checking the move, and writing it on Confirm."""

from __future__ import annotations

from returndesk.domain import Order, check_order_change, paying_method, plan_payment_change
from returndesk.errors import DomainError, InvalidRequest, NotFound
from returndesk.flow.orders import require_allowed, shoppers_order
from returndesk.flow.state import FlowState
from returndesk.flow.turn import EventRejected, Turn
from returndesk.operations.order_changes import change_payment_method
from returndesk.usecases.payment_change.answers import ChangePaymentAnswers
from returndesk.usecases.payment_change.events import (
    ChooseOrderPaymentMethod,
    SelectPaymentOrder,
    StartPaymentChange,
)


async def start_payment_change(
    state: FlowState, event: StartPaymentChange, turn: Turn
) -> str | None:
    answers = state.answers(ChangePaymentAnswers)
    if not event.order_id:
        if event.payment_method_id:
            # The method is checked once the order is known; until then it waits.
            answers.payment_method_id = _own_method(event.payment_method_id, turn)
        return None
    order = await _changeable_order(event.order_id, turn)
    answers.order_id = order.id
    if event.payment_method_id:
        answers.payment_method_id = _checked_method(order, event.payment_method_id, turn)
    return None


async def select_payment_order(
    state: FlowState, event: SelectPaymentOrder, turn: Turn
) -> str | None:
    answers = state.answers(ChangePaymentAnswers)
    order = await _changeable_order(event.order_id, turn)
    answers.order_id = order.id
    if answers.payment_method_id is not None:
        try:
            _checked_method(order, answers.payment_method_id, turn)
        except EventRejected as refused:
            answers.payment_method_id = None
            return refused.message
    return None


async def choose_order_payment_method(
    state: FlowState, event: ChooseOrderPaymentMethod, turn: Turn
) -> str | None:
    answers = state.answers(ChangePaymentAnswers)
    if answers.order_id is None:
        answers.payment_method_id = _own_method(event.payment_method_id, turn)
        return None
    order = await _changeable_order(answers.order_id, turn)
    answers.payment_method_id = _checked_method(order, event.payment_method_id, turn)
    return None


def _own_method(payment_method_id: str, turn: Turn) -> str:
    customer = turn.facts.customer
    assert customer is not None
    try:
        return customer.payment_method(payment_method_id).id
    except NotFound as exc:
        raise EventRejected("That payment method isn't on your account.") from exc


def _checked_method(order: Order, payment_method_id: str, turn: Turn) -> str:
    customer = turn.facts.customer
    assert customer is not None
    try:
        change = plan_payment_change(
            order,
            customer=customer,
            payment_method_id=_own_method(payment_method_id, turn),
            policy=turn.facts.policy,
        )
    except (DomainError, InvalidRequest) as exc:
        raise EventRejected(exc.message) from exc
    return change.new.id


async def _changeable_order(order_id: str, turn: Turn) -> Order:
    order = await shoppers_order(turn, order_id)
    customer = turn.facts.customer
    assert customer is not None
    require_allowed(order, check_order_change(order, customer))
    try:
        paying_method(order, customer)
    except DomainError as exc:
        raise EventRejected(f"Order {order.id}: {exc.message}") from exc
    return order


async def confirm_payment_change(state: FlowState, turn: Turn) -> str | None:
    answers = state.answers(ChangePaymentAnswers)
    if answers.order_id is None or answers.payment_method_id is None or state.customer_id is None:
        raise EventRejected("Let's choose the order and the payment method first.")
    try:
        change = await change_payment_method(
            turn.ops,
            answers.order_id,
            customer_id=state.customer_id,
            payment_method_id=answers.payment_method_id,
        )
    except (DomainError, NotFound, InvalidRequest) as exc:
        raise EventRejected(exc.message) from exc
    answers.moved_from = change.old.id
    answers.done = True
    return None
