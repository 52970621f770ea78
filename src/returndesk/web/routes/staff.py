"""The staff console's sign-in: start, read and end a staff session.

Every route here answers 403 without a staff session; a change also needs the
session's CSRF token in `X-CSRF-Token`. Bodies are read as untrusted JSON.
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from starlette.datastructures import QueryParams
from starlette.responses import JSONResponse, Response

from returndesk.domain.staff import StaffMember
from returndesk.errors import Forbidden, InvalidRequest
from returndesk.operations.staff_accounts import sign_in, staff_member
from returndesk.untrusted_json import JsonLimits, decode_json
from returndesk.web.routes.chatkit import read_limited_body
from returndesk.web.staff_session import CSRF_HEADER, StaffSession
from returndesk.web.state import AppState, app_state

router = APIRouter(prefix="/staff/api")
# Sign-in bodies are an email and a password: anything larger is not one.
MAX_SIGN_IN_BYTES = 4096
SIGN_IN_LIMITS = JsonLimits(max_depth=4, max_text_chars=512)
NO_SESSION = "Please sign in to the staff console."


def _member_json(member: StaffMember, session: StaffSession) -> dict[str, Any]:
    return {
        "id": member.id,
        "email": member.email,
        "name": member.name,
        "role": member.role.value,
        "csrf_token": session.csrf_token,
    }


async def json_fields(request: Request, max_bytes: int, limits: JsonLimits) -> dict[str, Any]:
    """The body's fields, read as untrusted JSON within `max_bytes`; any other JSON than an
    object has none (the caller then says which field is missing)."""
    body = decode_json(await read_limited_body(request, max_bytes), limits)
    return body if isinstance(body, dict) else {}


def query_day(params: QueryParams, name: str) -> date | None:
    """A day given in the query string as YYYY-MM-DD; None when it is not given."""
    value = params.get(name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidRequest(f"{name} must be a day written YYYY-MM-DD.") from None


async def signed_in(request: Request, state: AppState) -> tuple[StaffMember, StaffSession]:
    """The member whose session this is; a change must carry the session's CSRF token."""
    session = state.staff_sessions.read(request)
    if session is None:
        raise Forbidden(NO_SESSION)
    member = await staff_member(state.server.conversation.ops, session.staff_id)
    if member is None:
        raise Forbidden(NO_SESSION)
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
            raise Forbidden("This change is missing its security token; reload the page.")
    return member, session


@router.post("/session")
async def start_session(request: Request) -> Response:
    state = app_state(request)
    fields = await json_fields(request, MAX_SIGN_IN_BYTES, SIGN_IN_LIMITS)
    email, password = fields.get("email"), fields.get("password")
    if not isinstance(email, str) or not isinstance(password, str) or not email or not password:
        raise InvalidRequest("Give an email and a password.")
    member = await sign_in(
        state.server.conversation.ops,
        email,
        password,
        client_address=request.client.host if request.client else None,
    )
    session = state.staff_sessions.new(member.id)
    response = JSONResponse(_member_json(member, session))
    state.staff_sessions.renew(response, session)
    return response


@router.get("/session")
async def read_session(request: Request) -> Response:
    state = app_state(request)
    member, session = await signed_in(request, state)
    response = JSONResponse(_member_json(member, session))
    state.staff_sessions.renew(response, session)
    return response


@router.delete("/session")
async def end_session(request: Request) -> Response:
    state = app_state(request)
    await signed_in(request, state)
    response = Response(status_code=204)
    state.staff_sessions.end(response)
    return response
