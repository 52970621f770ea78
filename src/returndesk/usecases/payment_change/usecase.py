"""Moving a pending order's payment to another method, registered as one use case."""

from __future__ import annotations

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.usecases.payment_change import cues, guards, handlers, plans, queries, widgets
from returndesk.usecases.payment_change.answers import ChangePaymentAnswers
from returndesk.usecases.payment_change.events import (
    EVENTS,
    ChooseOrderPaymentMethod,
    SelectPaymentOrder,
    StartPaymentChange,
)
from returndesk.usecases.seam import UseCase
from returndesk.widgets.registry import Shows


def _title(state: FlowState, facts: Facts, flow_title: str) -> str | None:
    """ "Change payment #W2611340" once the order is chosen."""
    order_id = state.answers(ChangePaymentAnswers).order_id
    return f"{flow_title} {order_id}" if order_id else None


USE_CASE = UseCase(
    package="returndesk.usecases.payment_change",
    events=EVENTS,
    answers=(ChangePaymentAnswers,),
    handlers={
        StartPaymentChange.name: handlers.start_payment_change,
        SelectPaymentOrder.name: handlers.select_payment_order,
        ChooseOrderPaymentMethod.name: handlers.choose_order_payment_method,
    },
    guards=guards.GUARDS,
    widgets={
        "payment_order_picker": Shows(queries.changeable_orders, widgets.payment_order_picker),
        "new_payment_method_picker": Shows(queries.chosen_order, widgets.new_payment_method_picker),
        "payment_change_summary": Shows(queries.chosen_order, widgets.payment_change_summary),
        "payment_change_done": Shows(queries.chosen_order, widgets.payment_change_done),
    },
    confirmations={ChangePaymentAnswers.flow: handlers.confirm_payment_change},
    titles={ChangePaymentAnswers.flow: _title},
    cues=cues.CUES,
    planners=plans.PLANNERS,
)
