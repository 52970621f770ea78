"""Live events for browsers: the shopper's own thread, and everything for the staff console.

The shopper's stream is authorised as the ChatKit endpoint is (the owner
cookie, or the store site's customer token) and only for a thread they own:
any other thread id is answered 404, exactly like one that does not exist.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from returndesk.errors import NotFound
from returndesk.operations.json_views import person_json
from returndesk.operations.staff_accounts import staff_member
from returndesk.store.live_feed import LiveFeed
from returndesk.store.port.live_events import LiveEvent
from returndesk.web.live_stream import REPLAY_LIMIT, event_stream, resume_after, sse
from returndesk.web.routes.chatkit import owner_of
from returndesk.web.routes.staff import signed_in
from returndesk.web.state import app_state

router = APIRouter()
_MAX_THREAD_ID_CHARS = 64


def _shopper_view(event: LiveEvent) -> dict[str, Any]:
    # The team's bookkeeping (which hand-off) stays with the team.
    if event.kind == "item":
        return {"item": event.data["item"]}
    return event.data


def _staff_view(event: LiveEvent) -> dict[str, Any]:
    return event.data


@router.get("/chatkit/live")
async def shopper_events(request: Request) -> Response:
    state = app_state(request)
    thread_id = request.query_params.get("thread_id") or ""
    after = resume_after(request)
    owner = owner_of(request, state)
    store = state.server.conversation.store
    if (
        owner is None
        # Ids are short printable ASCII: anything else names no thread, and is not sent
        # to the database (PostgreSQL refuses a NUL outright).
        or len(thread_id) > _MAX_THREAD_ID_CHARS
        or not (thread_id.isascii() and thread_id.isprintable())
        or await store.thread_owner(thread_id) != owner
    ):
        raise NotFound(f"Thread {thread_id[:_MAX_THREAD_ID_CHARS]} was not found.")

    async def who_is_handling() -> list[bytes]:
        return [sse("person", person_json(await state.server.desk.holding(thread_id)))]

    return event_stream(
        state.live,
        accepts=lambda event: event.for_thread(thread_id),
        replay=partial(_thread_replay, state.live, thread_id),
        shown=_shopper_view,
        after=after,
        greeting=who_is_handling,
    )


@router.get("/staff/api/live")
async def staff_events(request: Request) -> Response:
    state = app_state(request)
    member, _ = await signed_in(request, state)
    after = resume_after(request)

    async def still_a_member() -> bool:
        # A member disabled meanwhile stops hearing at the next keep-alive.
        return await staff_member(state.server.conversation.ops, member.id) is not None

    return event_stream(
        state.live,
        accepts=lambda event: event.for_staff,
        replay=partial(_staff_replay, state.live),
        shown=_staff_view,
        after=after,
        still_allowed=still_a_member,
    )


async def _thread_replay(feed: LiveFeed, thread_id: str, after: int) -> list[LiveEvent]:
    async with feed.storage.reading() as repositories:
        return await repositories.live_events.thread_events_after(
            thread_id, after, recent_since=feed.recent_since(), limit=REPLAY_LIMIT
        )


async def _staff_replay(feed: LiveFeed, after: int) -> list[LiveEvent]:
    async with feed.storage.reading() as repositories:
        return await repositories.live_events.staff_events_after(
            after, recent_since=feed.recent_since(), limit=REPLAY_LIMIT
        )
