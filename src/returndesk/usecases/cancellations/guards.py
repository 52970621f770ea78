"""The conditions the cancellation flows branch on."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.flow.facts import Facts
from returndesk.flow.guards import Guard
from returndesk.flow.state import FlowState
from returndesk.usecases.cancellations.answers import CancelOrderAnswers, CancelReturnAnswers


def order_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(CancelOrderAnswers).order_id is not None


def cancel_reason_given(state: FlowState, facts: Facts) -> bool:
    return state.answers(CancelOrderAnswers).reason is not None


def order_cancelled(state: FlowState, facts: Facts) -> bool:
    return state.answers(CancelOrderAnswers).done


def return_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(CancelReturnAnswers).rma is not None


def return_cancelled(state: FlowState, facts: Facts) -> bool:
    return state.answers(CancelReturnAnswers).done


GUARDS: Mapping[str, Guard] = {
    guard.__name__: guard
    for guard in (
        order_chosen,
        cancel_reason_given,
        order_cancelled,
        return_chosen,
        return_cancelled,
    )
}
