"""Checking the new default address, asking about pending orders, writing on Confirm."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.domain import Address
from returndesk.errors import DomainError, InvalidRequest, NotFound
from returndesk.flow.addresses import checked_address, given_fields
from returndesk.flow.state import FlowState
from returndesk.flow.turn import EventRejected, Turn
from returndesk.operations.order_changes import change_default_address
from returndesk.operations.queries import pending_orders
from returndesk.usecases.default_address.answers import DefaultAddressAnswers
from returndesk.usecases.default_address.events import (
    ChooseOrdersFollowing,
    GiveDefaultAddress,
    StartDefaultAddressChange,
)


async def start_default_address_change(
    state: FlowState, event: StartDefaultAddressChange, turn: Turn
) -> str | None:
    fields = given_fields(event)
    if not fields:
        return None
    try:
        await _take(state, fields, turn)
    except InvalidRequest as exc:
        # A typed address that is incomplete: the form asks for what is missing.
        return exc.message
    return None


async def give_default_address(
    state: FlowState, event: GiveDefaultAddress, turn: Turn
) -> str | None:
    try:
        await _take(state, given_fields(event), turn)
    except InvalidRequest as exc:
        raise EventRejected(exc.message) from exc
    return None


async def _take(state: FlowState, fields: Mapping[str, str], turn: Turn) -> None:
    customer = turn.facts.customer
    assert customer is not None
    address = _checked(fields, customer.address, turn)
    answers = state.answers(DefaultAddressAnswers)
    answers.address = address.to_dict()
    orders = await pending_orders(turn.ops, customer.id)
    answers.pending_order_ids = [order.id for order in orders if order.address != address]
    answers.orders_follow = None


def _checked(fields: Mapping[str, str], current: Address | None, turn: Turn) -> Address:
    address = checked_address(dict(fields), current, turn.facts.policy)
    if address == current:
        raise InvalidRequest(f"Your address is already {address.one_line()}.")
    return address


async def choose_orders_following(
    state: FlowState, event: ChooseOrdersFollowing, turn: Turn
) -> str | None:
    answers = state.answers(DefaultAddressAnswers)
    if answers.address is None:
        raise EventRejected("Let's have the new address first.")
    answers.orders_follow = event.follow
    return None


async def confirm_default_address(state: FlowState, turn: Turn) -> str | None:
    answers = state.answers(DefaultAddressAnswers)
    if answers.address is None or state.customer_id is None:
        raise EventRejected("Let's have the new address first.")
    following = answers.pending_order_ids if answers.orders_follow else []
    try:
        await change_default_address(
            turn.ops,
            customer_id=state.customer_id,
            fields=answers.address,
            orders_following=following,
        )
    except (DomainError, NotFound, InvalidRequest) as exc:
        raise EventRejected(exc.message) from exc
    answers.done = True
    return None
