"""Choosing the order, checking the new address, and writing it on Confirm."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.domain import Address, Order, check_address, check_order_change
from returndesk.errors import DomainError, InvalidRequest, NotFound
from returndesk.flow.state import FlowState
from returndesk.flow.turn import EventRejected, Turn
from returndesk.operations.order_changes import change_shipping_address
from returndesk.store.db import reading
from returndesk.store.repositories.orders import get_customer_order, normalize_order_id
from returndesk.usecases.address_change.answers import ChangeAddressAnswers
from returndesk.usecases.address_change.events import (
    GiveShippingAddress,
    SelectAddressOrder,
    StartAddressChange,
)

_FIELDS = ("address1", "address2", "city", "state", "zip", "country")


def _given(event: StartAddressChange | GiveShippingAddress) -> dict[str, str]:
    return {name: value for name in _FIELDS if (value := getattr(event, name))}


async def start_address_change(
    state: FlowState, event: StartAddressChange, turn: Turn
) -> str | None:
    answers = state.answers(ChangeAddressAnswers)
    order = None
    if event.order_id:
        order = await _changeable_order(event.order_id, turn)
        answers.order_id = order.id
    fields = _given(event)
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
        address = _checked(_given(event), order, turn)
    except InvalidRequest as exc:
        raise EventRejected(exc.message) from exc
    if order is not None and address == order.address:
        raise EventRejected(f"Order {order.id} already ships to {address.one_line()}.")
    answers.address = address.to_dict()
    return None


def _checked(fields: Mapping[str, str], order: Order | None, turn: Turn) -> Address:
    """The address as the policy wants it; a country left out is the current one's."""
    current = order.address if order is not None else None
    if current is None and turn.facts.customer is not None:
        current = turn.facts.customer.address
    complete = dict(fields)
    if "country" not in complete and current is not None:
        complete["country"] = current.country
    return check_address(complete, turn.facts.policy.order_changes.address)


async def _changeable_order(order_id: str, turn: Turn) -> Order:
    customer = turn.facts.customer
    assert customer is not None
    try:
        async with reading(turn.ops.sessions) as session:
            order = await get_customer_order(session, customer.id, order_id)
    except NotFound as exc:
        raise EventRejected(
            f"I can't find order {normalize_order_id(order_id)} on your account."
        ) from exc
    check = check_order_change(order, customer)
    if not check.allowed:
        raise EventRejected(f"Order {order.id}: {check.message}")
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
