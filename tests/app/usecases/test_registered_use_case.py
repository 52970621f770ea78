"""A request type added from its own folder, by a setting alone: the call back that lives in
tests/fixtures/usecases/callback gets a menu entry, a tool, an intent, a thread title and a
working conversation, clicked or typed, beside the built-in ones."""

from __future__ import annotations

import pytest

from returndesk.domain import Customer
from returndesk.operations.context import Operations
from tests.support.flows import verify
from tests.support.shopper import Shopper

CALLBACK = "tests.fixtures.usecases.callback.usecase"
DEMO_CUSTOMER = "yusuf_rossi_9620"


@pytest.fixture
def app_settings() -> dict[str, object]:
    return {"use_cases": [CALLBACK]}


@pytest.fixture
async def customer(ops: Operations) -> Customer:
    async with ops.storage.reading() as repositories:
        return await repositories.customers.get(DEMO_CUSTOMER)


async def test_registering_it_adds_a_menu_entry_after_the_built_in_ones(
    shopper: Shopper, customer: Customer
) -> None:
    await verify(shopper, customer)

    labels = shopper.labels()
    assert labels[-1] == "Ask for a call back"
    assert labels[0] == "Return or exchange items"


async def test_a_click_conversation_runs_from_the_menu_to_the_booked_call(
    shopper: Shopper, customer: Customer
) -> None:
    await verify(shopper, customer)

    await shopper.click("Ask for a call back")
    assert "When should we call you?" in shopper.said
    assert shopper.labels() == ["In the morning", "In the afternoon", "In the evening"]
    await shopper.click("In the afternoon")

    assert "We'll call you then." in shopper.said
    assert "call you in the afternoon" in str(shopper.widget)
    assert await shopper.title() == "Call back: afternoon"


async def test_a_typed_conversation_reaches_the_same_booked_call(
    shopper: Shopper, customer: Customer
) -> None:
    await shopper.say(f"my email is {customer.email}")

    await shopper.say("I'd like a callback please")
    assert "When should we call you?" in shopper.said
    await shopper.say("the evening works best")

    assert "call you in the evening" in str(shopper.widget)
    assert await shopper.title() == "Call back: evening"


async def test_asked_before_verification_it_waits_and_then_goes_ahead(
    shopper: Shopper, customer: Customer
) -> None:
    await shopper.say("can you ring me in the morning?")
    assert "as soon as I've confirmed who you are" in shopper.said

    await shopper.say(f"my email is {customer.email}")

    assert "call you in the morning" in str(shopper.widget)


async def test_going_back_forgets_the_time_and_a_built_in_request_still_works(
    shopper: Shopper, customer: Customer
) -> None:
    await verify(shopper, customer)
    await shopper.click("Ask for a call back")
    await shopper.click("In the morning")

    await shopper.say("go back")
    assert "already done" in shopper.said

    await shopper.click("Something else")
    await shopper.click("Check an order or return")
    assert "Which order or return would you like to check?" in shopper.said


async def test_a_time_outside_the_day_is_refused_and_changes_nothing(
    shopper: Shopper, customer: Customer
) -> None:
    await verify(shopper, customer)
    await shopper.click("Ask for a call back")
    action = shopper.button("In the morning")["onClickAction"]

    await shopper.send({**action, "payload": {**action["payload"], "time": "midnight"}})
    assert "We call in the morning, the afternoon or the evening." in shopper.said

    await shopper.click("In the evening")
    assert "call you in the evening" in str(shopper.widget)
