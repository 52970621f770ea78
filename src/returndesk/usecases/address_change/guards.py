"""The conditions the address change flow branches on."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.flow.facts import Facts
from returndesk.flow.guards import Guard
from returndesk.flow.state import FlowState
from returndesk.usecases.address_change.answers import ChangeAddressAnswers


def address_order_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(ChangeAddressAnswers).order_id is not None


def shipping_address_given(state: FlowState, facts: Facts) -> bool:
    return state.answers(ChangeAddressAnswers).address is not None


def address_changed(state: FlowState, facts: Facts) -> bool:
    return state.answers(ChangeAddressAnswers).done


GUARDS: Mapping[str, Guard] = {
    guard.__name__: guard
    for guard in (address_order_chosen, shipping_address_given, address_changed)
}
