"""Telling the store's team of each new hand-off: a JSON POST to their webhook.

The body has a Slack-compatible `text` (a Slack or Teams incoming webhook shows
it as is) and the hand-off's fields for anything else. Each delivery runs in
the background with a timeout per attempt and a few retries with growing
pauses, so a slow or failing webhook never holds up the shopper's answer. A
4xx other than 429 is not retried: the same body would be refused again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import httpx

from returndesk import __version__
from returndesk.domain.handoffs import Handoff
from returndesk.operations.json_views import handoff_json
from returndesk.telemetry import HANDOFF_WEBHOOK

logger = logging.getLogger(__name__)

ATTEMPTS = 4
FIRST_PAUSE_SECONDS = 1.0
# On shutdown, deliveries still running get this long to finish.
DRAIN_SECONDS = 5.0


def webhook_body(handoff: Handoff, console_url: str | None) -> dict[str, Any]:
    who = handoff.customer_name or "A shopper who has not signed in"
    concerning = handoff.rma or handoff.order_id
    text = f"{who} asked for a person: {handoff.summary}"
    if concerning:
        text += f" (about {concerning})"
    if console_url:
        text += f"\n<{console_url.rstrip('/')}/staff/inbox/{handoff.id}|Open in the inbox>"
    return {
        "text": text,
        "event": "handoff.opened",
        "handoff": handoff_json(handoff, handoff.created_at),
    }


class HandoffWebhook:
    def __init__(
        self,
        url: str,
        *,
        timeout_seconds: float,
        console_url: str | None = None,
        first_pause_seconds: float = FIRST_PAUSE_SECONDS,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.url = url
        self.console_url = console_url
        self.first_pause_seconds = first_pause_seconds
        self._client = httpx.AsyncClient(
            timeout=timeout_seconds,
            transport=transport,
            headers={"User-Agent": f"ReturnDesk/{__version__}"},
        )
        self._deliveries: set[asyncio.Task[None]] = set()

    def opened(self, handoff: Handoff) -> None:
        """Deliver in the background: the shopper's turn does not wait for the webhook."""
        task = asyncio.create_task(self._deliver(handoff), name=f"handoff-webhook-{handoff.id}")
        self._deliveries.add(task)
        task.add_done_callback(self._deliveries.discard)

    async def _deliver(self, handoff: Handoff) -> None:
        body = webhook_body(handoff, self.console_url)
        # The same key on every attempt, so a receiver can drop a retried duplicate.
        headers = {"Idempotency-Key": f"handoff-{handoff.id}"}
        pause = self.first_pause_seconds
        for attempt in range(1, ATTEMPTS + 1):
            try:
                response = await self._client.post(self.url, json=body, headers=headers)
            except httpx.HTTPError as exc:
                problem = type(exc).__name__
            else:
                if response.is_success:
                    HANDOFF_WEBHOOK.labels("delivered").inc()
                    return
                problem = f"HTTP {response.status_code}"
                if response.is_client_error and response.status_code != 429:
                    break
            logger.warning(
                "The hand-off webhook failed (attempt %d of %d): %s", attempt, ATTEMPTS, problem
            )
            if attempt < ATTEMPTS:
                await asyncio.sleep(pause)
                pause *= 2
        HANDOFF_WEBHOOK.labels("failed").inc()
        logger.error("Gave up telling the hand-off webhook of hand-off %d", handoff.id)

    async def close(self) -> None:
        if self._deliveries:
            _, pending = await asyncio.wait(self._deliveries, timeout=DRAIN_SECONDS)
            for task in pending:
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.gather(*pending, return_exceptions=True)
        await self._client.aclose()
