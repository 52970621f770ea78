"""A verified shopper asking for a person, as the hand-off tests start."""

from __future__ import annotations

from returndesk.domain import Customer
from returndesk.operations.context import Operations
from tests.support.demo import find_line, ordinary
from tests.support.flows import verify
from tests.support.shopper import Shopper

ASK = "I'd like to talk to a person please"


async def asked_for_a_person(shopper: Shopper, ops: Operations) -> Customer:
    """The shopper verifies as a demo customer and asks for a person; the customer."""
    pick = await find_line(ops, ordinary)
    await verify(shopper, pick.customer)
    await shopper.say(ASK)
    return pick.customer
