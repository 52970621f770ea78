"""Switching items of a pending order, registered as one use case."""

from __future__ import annotations

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.usecases.item_change import brief, cues, guards, handlers, plans, queries, widgets
from returndesk.usecases.item_change.answers import ChangeItemsAnswers
from returndesk.usecases.item_change.events import (
    EVENTS,
    ChooseDifferenceMethod,
    ChooseItemLines,
    ChooseNewVariant,
    FinishItemChoices,
    SelectItemOrder,
    StartItemChange,
)
from returndesk.usecases.seam import UseCase
from returndesk.widgets.registry import Shows


def _title(state: FlowState, facts: Facts, flow_title: str) -> str | None:
    """ "Change items #W2611340" once the order is chosen."""
    order_id = state.answers(ChangeItemsAnswers).order_id
    return f"{flow_title} {order_id}" if order_id else None


USE_CASE = UseCase(
    package="returndesk.usecases.item_change",
    events=EVENTS,
    answers=(ChangeItemsAnswers,),
    handlers={
        StartItemChange.name: handlers.start_item_change,
        SelectItemOrder.name: handlers.select_item_order,
        ChooseItemLines.name: handlers.choose_item_lines,
        ChooseNewVariant.name: handlers.choose_new_variant,
        FinishItemChoices.name: handlers.finish_item_choices,
        ChooseDifferenceMethod.name: handlers.choose_difference_method,
    },
    guards=guards.GUARDS,
    widgets={
        "item_order_picker": Shows(queries.changeable_orders, widgets.item_order_picker),
        "item_line_picker": Shows(queries.item_change, widgets.item_line_picker),
        "new_variant_picker": Shows(queries.item_change, widgets.new_variant_picker),
        "item_choices_review": Shows(queries.item_change, widgets.item_choices_review),
        "difference_method_picker": Shows(queries.item_change, widgets.difference_method_picker),
        "item_change_summary": Shows(queries.item_change, widgets.item_change_summary),
        "item_change_done": Shows(queries.item_change, widgets.item_change_done),
    },
    confirmations={ChangeItemsAnswers.flow: handlers.confirm_item_change},
    titles={ChangeItemsAnswers.flow: _title},
    cues=cues.CUES,
    planners=plans.PLANNERS,
    briefs=brief.BRIEFS,
)
