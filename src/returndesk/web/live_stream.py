"""Server-sent event streams of live events, for the staff console and the shopper's chat.

A stream first replays what the browser missed (the events after the id it
gives in `Last-Event-ID`, which browsers send on reconnecting, or `?after=`),
then passes on new events as this process's live feed hears of them. Each
event carries its id, so the next reconnect resumes from it. A comment every
few seconds keeps proxies from closing a quiet connection.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import StreamingResponse

from returndesk.errors import InvalidRequest
from returndesk.store.live_feed import LiveFeed
from returndesk.store.port.live_events import LiveEvent

KEEP_ALIVE_SECONDS = 15.0
# Replayed at most on one reconnect; a browser away for longer reloads what it shows.
REPLAY_LIMIT = 1000
# How soon a browser retries after losing the stream.
RETRY_MILLISECONDS = 1000
_MAX_EVENT_ID_DIGITS = 18


def resume_after(request: Request) -> int | None:
    """The last event id the browser saw; None on a first connection."""
    given = request.headers.get("last-event-id") or request.query_params.get("after")
    if given is None or given == "":
        return None
    if not given.isascii() or not given.isdigit() or len(given) > _MAX_EVENT_ID_DIGITS:
        raise InvalidRequest("The last event id must be a whole number.")
    return int(given)


def sse(kind: str, data: dict[str, Any], event_id: int | None = None) -> bytes:
    lines = [] if event_id is None else [f"id: {event_id}"]
    lines += [f"event: {kind}", f"data: {json.dumps(data, separators=(',', ':'))}"]
    return ("\n".join(lines) + "\n\n").encode()


def event_stream(
    feed: LiveFeed,
    *,
    accepts: Callable[[LiveEvent], bool],
    replay: Callable[[int], Awaitable[list[LiveEvent]]],
    shown: Callable[[LiveEvent], dict[str, Any]],
    after: int | None,
    greeting: Callable[[], Awaitable[list[bytes]]] | None = None,
    still_allowed: Callable[[], Awaitable[bool]] | None = None,
) -> StreamingResponse:
    """`greeting` is read once subscribed, so nothing written meanwhile falls between the two;
    `still_allowed` is asked at every keep-alive, and the stream ends when it says no."""

    async def stream() -> AsyncIterator[bytes]:
        async with feed.subscribe(accepts) as subscription:
            yield f"retry: {RETRY_MILLISECONDS}\n\n".encode()
            for chunk in await greeting() if greeting is not None else []:
                yield chunk
            replayed: set[int] = set()
            if after is not None:
                for missed in await replay(after):
                    replayed.add(missed.id)
                    yield sse(missed.kind, shown(missed), missed.id)
            while True:
                event = await subscription.next_within(KEEP_ALIVE_SECONDS)
                if event is None:
                    if subscription.ended or (
                        still_allowed is not None and not await still_allowed()
                    ):
                        return
                    yield b": keep-alive\n\n"
                elif event.id not in replayed:
                    yield sse(event.kind, shown(event), event.id)

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
