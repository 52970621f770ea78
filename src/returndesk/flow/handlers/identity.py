"""Verifying the shopper: by email, or by first and last name with the ZIP code.

A failure never says which part did not match, and nothing about any customer
is shown before success. After a few failures the thread stops trying.
"""

from __future__ import annotations

from returndesk.flow.engine import EventRejected, Turn
from returndesk.flow.events import Verify
from returndesk.flow.state import FlowState
from returndesk.store.repositories.customers import find_by_email, find_by_name_and_zip

MAX_FAILURES = 5
AFTER_VERIFICATION = "menu"


async def verify(state: FlowState, event: Verify, turn: Turn) -> str | None:
    if state.customer_id is not None:
        raise EventRejected(
            "You're already verified in this conversation; it can only serve one account."
        )
    if state.verification_failures >= MAX_FAILURES:
        raise EventRejected(
            "I couldn't verify you after several tries, so I've stopped here to keep accounts "
            "safe. Please ask for a person if you need more help."
        )
    name_and_zip = (event.first_name, event.last_name, event.zip)
    if not event.email and not all(name_and_zip):
        raise EventRejected(
            "Please give me your email, or your first and last name with your ZIP code."
        )
    async with turn.ops.sessions() as session:
        if event.email:
            customer = await find_by_email(session, event.email)
        else:
            first, last, zip_code = (part or "" for part in name_and_zip)
            customer = await find_by_name_and_zip(session, first, last, zip_code)
    if customer is None:
        state.verification_failures += 1
        return "I couldn't verify those details. Please check them and try again."
    state.customer_id = customer.id
    state.flow = AFTER_VERIFICATION
    state.reset_answers()
    return f"Thanks, {customer.first_name}, you're verified."
