"""Delivering a new hand-off to the team's webhook: retried through failures and timeouts,
given up on a refusal, never raising into the conversation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from returndesk.domain.handoffs import Handoff, HandoffStatus
from returndesk.operations.handoff_webhook import ATTEMPTS, HandoffWebhook
from tests.support.servers import free_port
from tests.support.webhook_server import WebhookServer, webhook_server

OPENED = Handoff(
    id=7,
    status=HandoffStatus.OPEN,
    thread_id="thr_1",
    customer_id="ada_1",
    customer_name="Ada Byron",
    customer_email="ada@example.com",
    summary="Wants to return a gift without a receipt.",
    created_at=datetime(2026, 3, 10, 12, 0, tzinfo=UTC),
    order_id="#W1234567",
    rma=None,
    holder=None,
    claimed_at=None,
    first_reply_at=None,
    closed_at=None,
    close_note=None,
)


@pytest.fixture
def hook() -> Iterator[WebhookServer]:
    with webhook_server() as server:
        yield server


async def deliver(url: str, *, per_attempt: float = 2.0) -> None:
    webhook = HandoffWebhook(url, timeout_seconds=per_attempt, first_pause_seconds=0.01)
    webhook.opened(OPENED)
    # Closing waits for the delivery under way.
    await webhook.close()


async def test_failures_are_retried_until_one_attempt_is_taken(hook: WebhookServer) -> None:
    hook.script = [500, 503]

    await deliver(hook.url)

    assert hook.attempts == 3
    [received] = hook.received
    assert received.body["text"] == (
        "Ada Byron asked for a person: Wants to return a gift without a receipt. (about #W1234567)"
    )
    assert received.body["handoff"]["order_id"] == "#W1234567"


async def test_a_webhook_slower_than_the_timeout_is_tried_again(hook: WebhookServer) -> None:
    hook.script = [1.0]

    await deliver(hook.url, per_attempt=0.3)

    assert hook.attempts == 2
    assert len(hook.received) >= 1


async def test_a_refusal_is_not_retried(hook: WebhookServer) -> None:
    hook.script = [400]

    await deliver(hook.url)

    assert hook.attempts == 1
    assert hook.received == []


async def test_a_webhook_that_never_answers_is_given_up_on_without_an_error(
    hook: WebhookServer,
) -> None:
    hook.script = [500] * ATTEMPTS

    await deliver(hook.url)
    await deliver(f"http://127.0.0.1:{free_port()}/nobody-listens")

    assert hook.attempts == ATTEMPTS
    assert hook.received == []
