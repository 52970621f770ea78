"""Thread titles that say what the conversation is about: "Return: Office Chair".

The flow's title comes from the flow definition; what follows it is the detail the
shopper has given so far (the items, the order, the return).
"""

from __future__ import annotations

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState

MAX_LENGTH = 60


def thread_title(state: FlowState, facts: Facts, flow_title: str | None) -> str | None:
    """None keeps the current title (nothing specific has been asked yet)."""
    if flow_title is None:
        return None
    match state.flow:
        case "return" if facts.order is not None and state.returns.line_nos:
            names = dict.fromkeys(facts.order.line(n).name for n in state.returns.line_nos)
            title = f"{flow_title}: " + ", ".join(names)
        case "cancel_order" if state.cancel_order.order_id:
            title = f"{flow_title} {state.cancel_order.order_id}"
        case "cancel_return" if state.cancel_return.rma:
            title = f"{flow_title} {state.cancel_return.rma}"
        case "status" if state.status.order_id or state.status.rma:
            title = f"{flow_title}: {state.status.rma or state.status.order_id}"
        case "cancel_order" | "cancel_return" | "status":
            return None
        case _:
            title = flow_title
    return title if len(title) <= MAX_LENGTH else title[: MAX_LENGTH - 1] + "…"
