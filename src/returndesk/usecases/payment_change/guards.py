"""The conditions the payment change flow branches on."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.flow.facts import Facts
from returndesk.flow.guards import Guard
from returndesk.flow.state import FlowState
from returndesk.usecases.payment_change.answers import ChangePaymentAnswers


def payment_order_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(ChangePaymentAnswers).order_id is not None


def new_payment_method_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(ChangePaymentAnswers).payment_method_id is not None


def payment_changed(state: FlowState, facts: Facts) -> bool:
    return state.answers(ChangePaymentAnswers).done


GUARDS: Mapping[str, Guard] = {
    guard.__name__: guard
    for guard in (payment_order_chosen, new_payment_method_chosen, payment_changed)
}
