"""The staff console's inbox: hand-offs to a person, and taking one over.

Every route needs a staff session (see `routes.staff.signed_in`); a change
also needs the session's CSRF token. A claim someone else made first, or a
reply to a hand-off you do not hold, answers 409 with who has it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from returndesk.domain.handoffs import MAX_CLOSE_NOTE_CHARS, MAX_REPLY_CHARS, Handoff
from returndesk.domain.staff import StaffMember
from returndesk.errors import InvalidRequest, NotFound
from returndesk.operations.handoffs import handoff_inbox
from returndesk.operations.json_views import handoff_json
from returndesk.untrusted_json import JsonLimits
from returndesk.web.routes.staff import json_fields, signed_in
from returndesk.web.state import AppState, app_state

router = APIRouter(prefix="/staff/api/handoffs")

MAX_BODY_BYTES = 64 * 1024
REPLY_LIMITS = JsonLimits(
    max_depth=4, max_text_chars=max(MAX_REPLY_CHARS, MAX_CLOSE_NOTE_CHARS) * 2
)
VIEWS = {"active": False, "closed": True}
_LARGEST_ID = 2**63 - 1
_MAX_DIGITS = len(str(_LARGEST_ID))


def _number(handoff_id: str) -> int:
    """The hand-off's number from the path, read after the session is checked (so a
    visitor without one is told 403 whatever the path), and within the database's 64-bit
    ids: anything else names no hand-off."""
    digits = handoff_id.isascii() and handoff_id.isdigit() and len(handoff_id) <= _MAX_DIGITS
    if digits and 0 < int(handoff_id) <= _LARGEST_ID:
        return int(handoff_id)
    raise NotFound(f"There is no hand-off {handoff_id[:20]!r}.")


@router.get("")
async def inbox(request: Request) -> dict[str, Any]:
    state = app_state(request)
    await signed_in(request, state)
    view = request.query_params.get("view", "active")
    if view not in VIEWS:
        raise InvalidRequest("view must be active or closed.")
    ops = state.server.conversation.ops
    found = await handoff_inbox(ops, over=VIEWS[view])
    now = ops.clock()
    return {
        "handoffs": [handoff_json(handoff, now) for handoff in found.handoffs],
        "counts": {status.value: count for status, count in found.counts.items()},
    }


async def _acting(request: Request, handoff_id: str) -> tuple[AppState, StaffMember, int]:
    """The app, the signed-in member and the hand-off's number, checked in that order."""
    state = app_state(request)
    member, _ = await signed_in(request, state)
    return state, member, _number(handoff_id)


async def _fields(request: Request) -> dict[str, Any]:
    return await json_fields(request, MAX_BODY_BYTES, REPLY_LIMITS)


def _shown(state: AppState, handoff: Handoff, **more: Any) -> dict[str, Any]:
    return {"handoff": handoff_json(handoff, state.server.conversation.ops.clock()), **more}


@router.get("/{handoff_id}")
async def handoff_page(request: Request, handoff_id: str) -> dict[str, Any]:
    state, _, number = await _acting(request, handoff_id)
    found, items = await state.server.desk.read(number)
    return _shown(state, found, items=items)


@router.post("/{handoff_id}/claim")
async def claim(request: Request, handoff_id: str) -> dict[str, Any]:
    state, member, number = await _acting(request, handoff_id)
    return _shown(state, await state.server.desk.claim(number, member))


@router.post("/{handoff_id}/reply")
async def reply(request: Request, handoff_id: str) -> dict[str, Any]:
    state, member, number = await _acting(request, handoff_id)
    text = (await _fields(request)).get("text")
    replied, item = await state.server.desk.reply(number, member, text)
    return _shown(state, replied, item=item)


@router.post("/{handoff_id}/hand-back")
async def hand_back(request: Request, handoff_id: str) -> dict[str, Any]:
    state, member, number = await _acting(request, handoff_id)
    return _shown(state, await state.server.desk.hand_back(number, member))


@router.post("/{handoff_id}/close")
async def close(request: Request, handoff_id: str) -> dict[str, Any]:
    state, member, number = await _acting(request, handoff_id)
    note = (await _fields(request)).get("note")
    return _shown(state, await state.server.desk.close(number, member, note))


@router.post("/{handoff_id}/start")
async def start_for_shopper(request: Request, handoff_id: str) -> dict[str, Any]:
    state, member, number = await _acting(request, handoff_id)
    fields = await _fields(request)
    started = await state.server.desk.start_for_shopper(
        number, member, fields.get("request"), fields.get("order_id")
    )
    return _shown(state, started)
