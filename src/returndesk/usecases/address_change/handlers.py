"""Choosing the order, checking the new address, and writing it on Confirm."""

from __future__ import annotations

from returndesk.domain import Address, Order, check_order_change
from returndesk.errors import DomainError, InvalidRequest, NotFound
from returndesk.flow.addresses import checked_address, given_fields
from returndesk.flow.orders import require_allowed, shoppers_order
from returndesk.flow.state import FlowState
from returndesk.flow.turn import EventRejected, Turn
from returndesk.operations.order_changes import change_shipping_address
from returndesk.usecases.address_change.answers import ChangeAddressAnswers
from returndesk.usecases.address_change.events import (
    GiveShippingAddress,
    SelectAddressOrder,
    StartAddressChange,
)


async def start_address_change(
    state: FlowState, event: StartAddressChange, turn: Turn
) -> str | None:
    answers = state.answers(ChangeAddressAnswers)
    order = None
    if event.order_id:
        order = await _changeable_order(event.order_id, turn)
        answers.order_id = order.id
    fields = given_fields(event)
    if not fields:
        return None
    try:
        answers.address = _checked(fields, order, turn).to_dict()
    except InvalidRequest as exc:
        # A typed address that is incomplete: the order stays chosen and the form asks.
        return exc.message
    return None


async def select_address_order(
    state: FlowState, event: SelectAddressOrder, turn: Turn
) -> str | None:
    order = await _changeable_order(event.order_id, turn)
    state.answers(ChangeAddressAnswers).order_id = order.id
    return None


async def give_shipping_address(
    state: FlowState, event: GiveShippingAddress, turn: Turn
) -> str | None:
    answers = state.answers(ChangeAddressAnswers)
    order = await _changeable_order(answers.order_id, turn) if answers.order_id else None
    try:
        address = _checked(given_fields(event), order, turn)
    except InvalidRequest as exc:
        raise EventRejected(exc.message) from exc
    if order is not None and address == order.address:
        raise EventRejected(f"Order {order.id} already ships to {address.one_line()}.")
    answers.address = address.to_dict()
    return None


def _checked(fields: dict[str, str], order: Order | None, turn: Turn) -> Address:
    current = order.address if order is not None else None
    if current is None and turn.facts.customer is not None:
        current = turn.facts.customer.address
    return checked_address(fields, current, turn.facts.policy)


async def _changeable_order(order_id: str, turn: Turn) -> Order:
    order = await shoppers_order(turn, order_id)
    customer = turn.facts.customer
    assert customer is not None
    require_allowed(order, check_order_change(order, customer))
    return order


async def confirm_address_change(state: FlowState, turn: Turn) -> str | None:
    answers = state.answers(ChangeAddressAnswers)
    if answers.order_id is None or answers.address is None or state.customer_id is None:
        raise EventRejected("Let's choose the order and the new address first.")
    try:
        await change_shipping_address(
            turn.ops, answers.order_id, customer_id=state.customer_id, fields=answers.address
        )
    except (DomainError, NotFound, InvalidRequest) as exc:
        raise EventRejected(exc.message) from exc
    answers.done = True
    return None
