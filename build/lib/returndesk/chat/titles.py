"""Thread titles that say what the conversation is about: "Return: Office Chair"."""

from __future__ import annotations

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState

MAX_LENGTH = 60


def thread_title(state: FlowState, facts: Facts) -> str | None:
    """None keeps the current title (nothing specific has been asked yet)."""
    match state.flow:
        case "return" if facts.order is not None and state.returns.line_nos:
            names = dict.fromkeys(facts.order.line(n).name for n in state.returns.line_nos)
            title = "Return: " + ", ".join(names)
        case "return":
            title = "Return"
        case "cancel_order" if state.cancel_order.order_id:
            title = f"Cancel order {state.cancel_order.order_id}"
        case "cancel_return" if state.cancel_return.rma:
            title = f"Cancel return {state.cancel_return.rma}"
        case "status" if state.status.order_id or state.status.rma:
            title = f"Status: {state.status.rma or state.status.order_id}"
        case "handoff":
            title = "Talk to a person"
        case _:
            return None
    return title if len(title) <= MAX_LENGTH else title[: MAX_LENGTH - 1] + "…"
