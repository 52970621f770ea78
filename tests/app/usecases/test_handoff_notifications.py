"""Telling the team of a new hand-off: the webhook gets each one once, and a webhook that
fails or hangs never holds up the shopper."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from returndesk.operations.context import Operations
from tests.support.handoffs import ASK, asked_for_a_person
from tests.support.shopper import Shopper
from tests.support.staff import StaffConsole
from tests.support.webhook_server import WebhookServer, webhook_server

# The demo store's day (a Tuesday, noon UTC) is outside these hours.
WEEKEND_HOURS = "sat-sun 10:00-14:00"


@pytest.fixture
def hook() -> Iterator[WebhookServer]:
    with webhook_server() as server:
        yield server


@pytest.fixture
def app_settings(hook: WebhookServer) -> dict[str, object]:
    return {
        "handoff_webhook_url": hook.url,
        "handoff_webhook_timeout_seconds": 2,
        "console_url": "https://desk.example.com",
        "business_hours": WEEKEND_HOURS,
        "business_timezone": "Europe/London",
    }


async def test_each_new_handoff_is_posted_once_with_a_slack_text_and_its_fields(
    shopper: Shopper, ops: Operations, agent: StaffConsole, hook: WebhookServer
) -> None:
    customer = await asked_for_a_person(shopper, ops)
    await shopper.say(ASK)
    [handoff] = (await agent.handoffs())["handoffs"]

    [delivered] = await asyncio.to_thread(hook.wait_for, 1)
    await asyncio.sleep(0.3)
    assert hook.attempts == 1
    assert delivered.body["event"] == "handoff.opened"
    assert delivered.body["handoff"]["id"] == handoff["id"]
    assert delivered.body["handoff"]["thread_id"] == shopper.thread_id
    assert (
        f"{customer.first_name} {customer.last_name} asked for a person" in (delivered.body["text"])
    )
    assert f"https://desk.example.com/staff/inbox/{handoff['id']}" in delivered.body["text"]
    assert delivered.headers["idempotency-key"] == f"handoff-{handoff['id']}"


async def test_a_hanging_webhook_does_not_hold_up_the_shopper(
    shopper: Shopper, ops: Operations, agent: StaffConsole, hook: WebhookServer
) -> None:
    hook.script = [1.5, 1.5, 1.5, 1.5]

    await asked_for_a_person(shopper, ops)

    # The answer came while the webhook was still hanging on its first attempt.
    assert hook.received == []
    assert "someone will answer you in this chat" in str(shopper.widget)
    assert len((await agent.handoffs())["handoffs"]) == 1


async def test_outside_business_hours_the_shopper_is_told_when_someone_will_answer(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    await asked_for_a_person(shopper, ops)

    assert "Someone will answer from Saturday at 10:00" in str(shopper.widget)
    assert "Europe/London" in str(shopper.widget)
    assert (await agent.handoffs())["counts"]["open"] == 1
