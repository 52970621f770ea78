"""Changing the shipping address of a pending order, registered as one use case."""

from __future__ import annotations

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.usecases.address_change import cues, guards, handlers, plans, queries, widgets
from returndesk.usecases.address_change.answers import ChangeAddressAnswers
from returndesk.usecases.address_change.events import (
    EVENTS,
    GiveShippingAddress,
    SelectAddressOrder,
    StartAddressChange,
)
from returndesk.usecases.seam import UseCase
from returndesk.widgets.registry import Shows


def _title(state: FlowState, facts: Facts, flow_title: str) -> str | None:
    """ "Change address #W2611340" once the order is chosen."""
    order_id = state.answers(ChangeAddressAnswers).order_id
    return f"{flow_title} {order_id}" if order_id else None


USE_CASE = UseCase(
    package="returndesk.usecases.address_change",
    events=EVENTS,
    answers=(ChangeAddressAnswers,),
    handlers={
        StartAddressChange.name: handlers.start_address_change,
        SelectAddressOrder.name: handlers.select_address_order,
        GiveShippingAddress.name: handlers.give_shipping_address,
    },
    guards=guards.GUARDS,
    widgets={
        "address_order_picker": Shows(queries.changeable_orders, widgets.address_order_picker),
        "shipping_address_form": Shows(queries.chosen_order, widgets.shipping_address_form),
        "address_change_summary": Shows(queries.chosen_order, widgets.address_change_summary),
        "address_change_done": Shows(queries.chosen_order, widgets.address_change_done),
    },
    confirmations={ChangeAddressAnswers.flow: handlers.confirm_address_change},
    titles={ChangeAddressAnswers.flow: _title},
    cues=cues.CUES,
    planners=plans.PLANNERS,
)
