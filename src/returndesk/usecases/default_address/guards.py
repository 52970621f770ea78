"""The conditions the default address flow branches on."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.flow.facts import Facts
from returndesk.flow.guards import Guard
from returndesk.flow.state import FlowState
from returndesk.usecases.default_address.answers import DefaultAddressAnswers


def default_address_given(state: FlowState, facts: Facts) -> bool:
    return state.answers(DefaultAddressAnswers).address is not None


def has_pending_orders(state: FlowState, facts: Facts) -> bool:
    return bool(state.answers(DefaultAddressAnswers).pending_order_ids)


def orders_following_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(DefaultAddressAnswers).orders_follow is not None


def default_address_changed(state: FlowState, facts: Facts) -> bool:
    return state.answers(DefaultAddressAnswers).done


GUARDS: Mapping[str, Guard] = {
    guard.__name__: guard
    for guard in (
        default_address_given,
        has_pending_orders,
        orders_following_chosen,
        default_address_changed,
    )
}
