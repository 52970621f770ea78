"""Changing the account's default address, registered as one use case."""

from __future__ import annotations

from returndesk.usecases.default_address import cues, guards, handlers, plans, queries, widgets
from returndesk.usecases.default_address.answers import DefaultAddressAnswers
from returndesk.usecases.default_address.events import (
    EVENTS,
    ChooseOrdersFollowing,
    GiveDefaultAddress,
    StartDefaultAddressChange,
)
from returndesk.usecases.seam import UseCase
from returndesk.widgets.registry import Shows

USE_CASE = UseCase(
    package="returndesk.usecases.default_address",
    events=EVENTS,
    answers=(DefaultAddressAnswers,),
    handlers={
        StartDefaultAddressChange.name: handlers.start_default_address_change,
        GiveDefaultAddress.name: handlers.give_default_address,
        ChooseOrdersFollowing.name: handlers.choose_orders_following,
    },
    guards=guards.GUARDS,
    widgets={
        "default_address_form": widgets.default_address_form,
        "orders_follow_picker": Shows(queries.asked_orders, widgets.orders_follow_picker),
        "default_address_summary": Shows(queries.asked_orders, widgets.default_address_summary),
        "default_address_done": Shows(queries.asked_orders, widgets.default_address_done),
    },
    confirmations={DefaultAddressAnswers.flow: handlers.confirm_default_address},
    cues=cues.CUES,
    planners=plans.PLANNERS,
)
