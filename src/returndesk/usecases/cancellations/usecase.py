"""Cancelling a pending order, or a return not yet sent, registered as one use case."""

from __future__ import annotations

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.usecases.cancellations import cues, guards, handlers, plans, queries, widgets
from returndesk.usecases.cancellations.answers import CancelOrderAnswers, CancelReturnAnswers
from returndesk.usecases.cancellations.events import EVENTS
from returndesk.usecases.seam import UseCase
from returndesk.widgets.registry import Shows


def _order_title(state: FlowState, facts: Facts, flow_title: str) -> str | None:
    """ "Cancel order #W2611340" once the order is chosen; until then the title stays."""
    order_id = state.answers(CancelOrderAnswers).order_id
    return f"{flow_title} {order_id}" if order_id else None


def _return_title(state: FlowState, facts: Facts, flow_title: str) -> str | None:
    rma = state.answers(CancelReturnAnswers).rma
    return f"{flow_title} {rma}" if rma else None


USE_CASE = UseCase(
    package="returndesk.usecases.cancellations",
    events=EVENTS,
    answers=(CancelOrderAnswers, CancelReturnAnswers),
    handlers={
        "start_order_cancellation": handlers.start_order_cancellation,
        "select_order": handlers.select_order,
        "give_cancel_reason": handlers.give_cancel_reason,
        "start_return_cancellation": handlers.start_return_cancellation,
        "select_return": handlers.select_return,
    },
    guards=guards.GUARDS,
    widgets={
        "order_picker": Shows(queries.pending_orders, widgets.order_picker),
        "cancel_reason_picker": widgets.cancel_reason_picker,
        "cancel_order_summary": Shows(queries.chosen_order, widgets.cancel_order_summary),
        "cancel_order_confirmation": Shows(queries.chosen_order, widgets.cancel_order_confirmation),
        "return_picker": Shows(queries.open_returns, widgets.return_picker),
        "cancel_return_summary": Shows(queries.chosen_return, widgets.cancel_return_summary),
        "cancel_return_confirmation": Shows(
            queries.chosen_return, widgets.cancel_return_confirmation
        ),
    },
    confirmations={
        CancelOrderAnswers.flow: handlers.confirm_order_cancellation,
        CancelReturnAnswers.flow: handlers.confirm_return_cancellation,
    },
    titles={CancelOrderAnswers.flow: _order_title, CancelReturnAnswers.flow: _return_title},
    cues=cues.CUES,
    planners=plans.PLANNERS,
)
