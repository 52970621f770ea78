"""Verifying the shopper: by email, or by first and last name with the ZIP code.

A failure never says which part did not match, and nothing about any customer
is shown before success. Repeated failures from one visitor or one address lock verification for a
while, counted in the database so every process sees them.
"""

from __future__ import annotations

import math

from returndesk.flow.events import Verify
from returndesk.flow.facts import Records
from returndesk.flow.state import FlowState
from returndesk.flow.turn import EventRejected, Turn
from returndesk.operations.lockouts import count_failure, forget_failures
from returndesk.store.commits import commits
from returndesk.store.port.attempts import AttemptLimit
from returndesk.telemetry import VERIFICATION_FAILURES


async def verify(state: FlowState, event: Verify, turn: Turn) -> str | None:
    if state.customer_id is not None:
        raise EventRejected(
            "You're already verified in this conversation; it can only serve one account."
        )
    limits = turn.ops.verification
    keys = [f"owner:{turn.caller.owner_id}"]
    if turn.caller.client_address:
        keys.append(f"address:{turn.caller.client_address}")
    now = turn.ops.clock()
    read_at = commits()
    async with turn.ops.storage.reading() as repositories:
        earlier = await repositories.attempts.standing(keys, now)
        if earlier.locked_until is not None:
            minutes = max(1, math.ceil((earlier.locked_until - now).total_seconds() / 60))
            raise EventRejected(
                "There have been too many attempts to verify, so I've paused them to keep "
                f"accounts safe. Please try again in {minutes} minutes, or ask for a person."
            )
        name_and_zip = (event.first_name, event.last_name, event.zip)
        if not event.email and not all(name_and_zip):
            raise EventRejected(
                "Please give me your email, or your first and last name with your ZIP code."
            )
        if event.email:
            customer = await repositories.customers.find_by_email(event.email)
        else:
            first, last, zip_code = (part or "" for part in name_and_zip)
            customer = await repositories.customers.find_by_name_and_zip(first, last, zip_code)
    if customer is None:
        VERIFICATION_FAILURES.inc()
        counted = [AttemptLimit(keys[0], limits.per_owner)]
        counted += [AttemptLimit(key, limits.per_address) for key in keys[1:]]
        await count_failure(turn.ops, counted, now=now, window=limits.lockout)
        return "I couldn't verify those details. Please check them and try again."
    if earlier.first_key_failed:
        await forget_failures(turn.ops, keys[0])
    # The verified state's facts start from this customer: no need to read them again.
    turn.source.remember((customer.id, None), Records(customer), read_at=read_at)
    # The engine moves a newly verified shopper on, to the definition's `after_verification`.
    state.customer_id = customer.id
    state.reset_answers()
    return f"Thanks, {customer.first_name}, you're verified."
