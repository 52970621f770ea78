"""A request made before verifying is kept and carried out once the shopper is verified.

Whatever the request (return, exchange, cancellation, status), however the shopper
says who they are (email, or name and ZIP) and whether it all comes in one message
or over several, the card after verification is that request's first step, for the
order the shopper named: never the main menu asking again.
"""

from __future__ import annotations

import pytest

from returndesk.domain import Customer, Order, OrderStatus
from returndesk.operations.context import Operations
from tests.support.demo import Request, delivered_among_several, story
from tests.support.shopper import Shopper, ShopperFactory

MENU_QUESTION = "What can I help you with?"


REQUESTS = [
    Request(
        "return",
        delivered_among_several,
        (
            "Hi, I'd like to return something from order {order}",
            "i need to send back an item from {order_bare}",
        ),
        "Which items would you like to return?",
    ),
    Request(
        "exchange",
        delivered_among_several,
        ("hello, I want to exchange something from my order {order}",),
        "Which items would you like to return?",
    ),
    Request(
        "cancellation",
        lambda order, _: order.status is OrderStatus.PENDING,
        ("please cancel order {order}", "Can I cancel my order {order_bare}?"),
        "Why are you cancelling it?",
    ),
    # The reason given with the request is kept with it, so only the summary is left.
    Request(
        "cancellation",
        lambda order, _: order.status is OrderStatus.PENDING,
        (
            "Can I cancel my order {order_bare}? I don't need it",
            "cancel {order}, ordered by mistake",
        ),
        "Shall I cancel the order?",
    ),
    Request(
        "status",
        lambda order, _: order.status is not OrderStatus.CANCELLED,
        ("where is my order {order}?", "what's the status of {order_bare}"),
        "Is there anything else I can help with?",
    ),
]


def identity_of(customer: Customer, by_email: bool) -> str:
    if by_email:
        return f"my email is {customer.email}"
    return f"I'm {customer.first_name} {customer.last_name}, {customer.zip}"


def assert_request_goes_ahead(shopper: Shopper, request: Request, order: Order) -> None:
    assert request.next_question in shopper.said, shopper.said
    assert MENU_QUESTION not in shopper.said.split("verified.")[-1]
    if request.kind in ("return", "exchange"):
        forms = shopper.forms()
        # Only the named order is shown, the others behind a button.
        assert [f"from {order.id}" in str(form) for form in forms] == [True]
        assert "Show my other orders" in shopper.labels()
    else:
        assert order.id in str(shopper.widget)


CASES = [
    (request, shape, by_email)
    for request in REQUESTS
    for shape in ("one message", "request first", "greeting, request, identity")
    for by_email in (True, False)
]


@pytest.mark.parametrize(
    ("wanted", "shape", "by_email"),
    CASES,
    ids=[f"{r.kind}-{shape}-{'email' if e else 'name'}" for r, shape, e in CASES],
)
async def test_the_request_is_carried_out_after_verification(
    new_shopper: ShopperFactory, ops: Operations, wanted: Request, shape: str, by_email: bool
) -> None:
    request = wanted
    index = CASES.index((request, shape, by_email))
    # A different shopper, and a different wording, for each case.
    customer, order = await story(ops, request, skip=index % 4)
    asked = request.asks[index % len(request.asks)].format(
        order=order.id, order_bare=order.id.lstrip("#")
    )
    who = identity_of(customer, by_email)
    shopper = await new_shopper()
    match shape:
        case "one message":
            await shopper.start(f"{asked}. {who}")
        case "request first":
            await shopper.start(asked)
            assert "as soon as I've confirmed who you are" in shopper.said
            await shopper.say(who)
        case _:
            await shopper.start("hi")
            await shopper.say(asked)
            await shopper.say(who)
    assert f"Thanks, {customer.first_name}" in shopper.said
    assert_request_goes_ahead(shopper, request, order)


async def test_a_request_for_an_order_of_someone_else_is_refused_after_verification(
    new_shopper: ShopperFactory, ops: Operations
) -> None:
    request = REQUESTS[0]
    customer, _ = await story(ops, request, skip=0)
    _, strangers = await story(ops, request, skip=1)
    shopper = await new_shopper()
    await shopper.start(f"I want to return something from {strangers.id}")
    await shopper.say(identity_of(customer, by_email=True))
    assert f"I can't find order {strangers.id} on your account" in shopper.said
    assert MENU_QUESTION in shopper.said


async def test_the_request_waits_through_a_failed_verification(
    new_shopper: ShopperFactory, ops: Operations
) -> None:
    request = REQUESTS[2]
    customer, order = await story(ops, request, skip=0)
    shopper = await new_shopper()
    await shopper.start(f"please cancel {order.id}")
    await shopper.say("my email is nobody.at.all@example.com")
    assert "couldn't verify" in shopper.said
    await shopper.say(identity_of(customer, by_email=False))
    assert_request_goes_ahead(shopper, request, order)
