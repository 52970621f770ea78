"""The conditions the item change flow branches on."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from returndesk.flow.facts import Facts
from returndesk.flow.guards import Guard
from returndesk.flow.state import FlowState
from returndesk.usecases.item_change.answers import ChangeItemsAnswers


def items_order_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(ChangeItemsAnswers).order_id is not None


def item_lines_chosen(state: FlowState, facts: Facts) -> bool:
    return bool(state.answers(ChangeItemsAnswers).line_nos)


def item_variants_chosen(state: FlowState, facts: Facts) -> bool:
    answers = state.answers(ChangeItemsAnswers)
    return bool(answers.line_nos) and all(n in answers.choices for n in answers.line_nos)


def item_choices_complete(state: FlowState, facts: Facts) -> bool:
    return state.answers(ChangeItemsAnswers).complete


def difference_to_settle(state: FlowState, facts: Facts) -> bool:
    difference = state.answers(ChangeItemsAnswers).difference
    return difference is not None and Decimal(difference) != 0


def difference_method_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(ChangeItemsAnswers).payment_method_id is not None


def items_changed(state: FlowState, facts: Facts) -> bool:
    return state.answers(ChangeItemsAnswers).done


GUARDS: Mapping[str, Guard] = {
    guard.__name__: guard
    for guard in (
        items_order_chosen,
        item_lines_chosen,
        item_variants_chosen,
        item_choices_complete,
        difference_to_settle,
        difference_method_chosen,
        items_changed,
    )
}
