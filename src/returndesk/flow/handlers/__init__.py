"""Event handlers, by event name; each updates the state or refuses with a sentence."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.flow.engine import EventRejected, Handler, Turn
from returndesk.flow.events import Confirm
from returndesk.flow.handlers import cancellations, identity, navigation, returns
from returndesk.flow.state import FlowState


async def confirm(state: FlowState, event: Confirm, turn: Turn) -> str | None:
    """One Confirm button per flow; what it confirms depends on the flow it is in."""
    match state.flow:
        case "return":
            return await returns.confirm_return(state, turn)
        case "cancel_order":
            return await cancellations.confirm_order_cancellation(state, turn)
        case "cancel_return":
            return await cancellations.confirm_return_cancellation(state, turn)
        case _:
            raise EventRejected("There's nothing waiting for confirmation.")


HANDLERS: Mapping[str, Handler] = {
    "verify": identity.verify,
    "start_return": returns.start_return,
    "select_items": returns.select_items,
    "give_reason": returns.give_reason,
    "give_note": returns.give_note,
    "answer_hygiene": returns.answer_hygiene,
    "answer_offer": returns.answer_offer,
    "choose_resolution": returns.choose_resolution,
    "choose_variant": returns.choose_variant,
    "shortlist_variants": returns.shortlist_variants,
    "choose_payment_method": returns.choose_payment_method,
    "choose_method": returns.choose_method,
    "confirm": confirm,
    "go_back": navigation.go_back,
    "start_over": navigation.start_over,
    "start_order_cancellation": cancellations.start_order_cancellation,
    "select_order": cancellations.select_order,
    "give_cancel_reason": cancellations.give_cancel_reason,
    "start_return_cancellation": cancellations.start_return_cancellation,
    "select_return": cancellations.select_return,
    "ask_status": navigation.ask_status,
    "select_status_target": navigation.select_status_target,
    "request_handoff": navigation.request_handoff,
}
