"""The staff console's returns: the queue, a return's page, and moving a return along.

Every route needs a staff session (see `routes.staff.signed_in`); a move also needs
the session's CSRF token. A move the lifecycle forbids answers 422 with the reason.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from starlette.datastructures import QueryParams

from returndesk.chat.staff_view import tell_shopper, transcript
from returndesk.domain import (
    Resolution,
    ReturnMethod,
    ReturnStatus,
    parse_money,
    to_cents,
)
from returndesk.errors import InvalidRequest
from returndesk.operations.json_views import queue_entry_json, return_detail_json
from returndesk.operations.return_detail import return_detail
from returndesk.operations.return_queue import returns_queue
from returndesk.operations.staff import advance_return
from returndesk.store.port.return_queue import QueueFilter
from returndesk.untrusted_json import JsonLimits
from returndesk.web.routes.staff import json_fields, query_day, signed_in
from returndesk.web.state import app_state

router = APIRouter(prefix="/staff/api/returns")

DEFAULT_PAGE_SIZE = 50
# A move is a status and a note; a reason for the shopper fits in a few lines.
MAX_MOVE_BYTES = 8192
MAX_NOTE_CHARS = 1000
MOVE_LIMITS = JsonLimits(max_depth=4, max_text_chars=MAX_NOTE_CHARS * 2)

_Choice = TypeVar("_Choice", bound=StrEnum)


def _choices(params: QueryParams, name: str, kind: type[_Choice]) -> tuple[_Choice, ...]:
    chosen: list[_Choice] = []
    for value in params.getlist(name):
        for part in value.split(","):
            if not part:
                continue
            try:
                chosen.append(kind(part))
            except ValueError:
                known = ", ".join(member.value for member in kind)
                raise InvalidRequest(f"{name} must be one of {known}, not {part[:40]!r}.") from None
    return tuple(chosen)


def _start_of(day: date | None) -> datetime | None:
    return None if day is None else datetime.combine(day, time(), tzinfo=UTC)


def _cents(params: QueryParams, name: str) -> int | None:
    value = params.get(name)
    if not value:
        return None
    try:
        amount = parse_money(value[:32])
    except (ValueError, TypeError):
        raise InvalidRequest(f"{name} must be an amount such as 25 or 25.50.") from None
    return to_cents(amount)


def queue_filter(params: QueryParams) -> QueueFilter:
    """The filter the query string asks for: days are whole UTC days, both ends included."""
    until = query_day(params, "to")
    search = params.get("q")
    return QueueFilter(
        statuses=_choices(params, "status", ReturnStatus),
        resolutions=_choices(params, "resolution", Resolution),
        methods=_choices(params, "method", ReturnMethod),
        created_from=_start_of(query_day(params, "from")),
        created_before=_start_of(None if until is None else until + timedelta(days=1)),
        min_items_total_cents=_cents(params, "min"),
        max_items_total_cents=_cents(params, "max"),
        search=search[:200] if search else None,
    )


def _page_size(params: QueryParams) -> int:
    value = params.get("limit")
    if not value:
        return DEFAULT_PAGE_SIZE
    if not value.isdigit() or len(value) > 4:
        raise InvalidRequest("limit must be a whole number.")
    return int(value)


@router.get("")
async def list_returns(request: Request) -> dict[str, Any]:
    state = app_state(request)
    await signed_in(request, state)
    params = request.query_params
    page = await returns_queue(
        state.server.conversation.ops,
        queue_filter(params),
        cursor=params.get("cursor") or None,
        page_size=_page_size(params),
    )
    return {
        "returns": [queue_entry_json(entry) for entry in page.entries],
        "next_cursor": page.next_cursor,
        "waiting_for_review": page.waiting_for_review,
    }


async def _detail_json(request: Request, rma: str) -> dict[str, Any]:
    state = app_state(request)
    conversation = state.server.conversation
    detail = await return_detail(conversation.ops, rma)
    shown = return_detail_json(detail)
    thread_id = detail.ret.thread_id
    shown["transcript"] = (
        None if thread_id is None else await transcript(conversation.store, thread_id)
    )
    return shown


@router.get("/{rma}")
async def show_return(request: Request, rma: str) -> dict[str, Any]:
    await signed_in(request, app_state(request))
    return await _detail_json(request, rma)


def _move_fields(fields: dict[str, Any]) -> tuple[ReturnStatus, str | None]:
    target, note = fields.get("to"), fields.get("note")
    if not isinstance(target, str):
        raise InvalidRequest("Say which status to move the return to, as 'to'.")
    try:
        status = ReturnStatus(target)
    except ValueError:
        raise InvalidRequest(f"{target[:40]!r} is not a return status.") from None
    if note is not None and not isinstance(note, str):
        raise InvalidRequest("A note is text.")
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise InvalidRequest(f"A note is at most {MAX_NOTE_CHARS} characters.")
    return status, note


@router.post("/{rma}/moves")
async def move_return(request: Request, rma: str) -> dict[str, Any]:
    state = app_state(request)
    member, _session = await signed_in(request, state)
    target, note = _move_fields(await json_fields(request, MAX_MOVE_BYTES, MOVE_LIMITS))
    conversation = state.server.conversation
    moved = await advance_return(conversation.ops, rma, target, note=note, staff=member)
    await tell_shopper(conversation.store, moved)
    return await _detail_json(request, moved.rma)
