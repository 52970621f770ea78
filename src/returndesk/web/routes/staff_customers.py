"""The staff console's customers: search, one customer's orders, returns, conversations
and lock-outs; any conversation's transcript; lifting a lock-out (admins only)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from returndesk.chat.staff_view import transcript
from returndesk.errors import InvalidRequest, NotFound
from returndesk.operations.customer_lookup import customer_overview, search_customers
from returndesk.operations.json_views import customer_json, customer_overview_json, lockout_json
from returndesk.operations.lockouts import lift_lockout, lockouts
from returndesk.untrusted_json import JsonLimits
from returndesk.web.routes.staff import json_fields, signed_in
from returndesk.web.state import app_state

router = APIRouter(prefix="/staff/api")

MAX_LIFT_BYTES = 2048
LIFT_LIMITS = JsonLimits(max_depth=4, max_text_chars=512)


@router.get("/customers")
async def find_customers(request: Request) -> dict[str, Any]:
    state = app_state(request)
    await signed_in(request, state)
    found = await search_customers(state.server.conversation.ops, request.query_params.get("q", ""))
    return {"customers": [customer_json(customer, ()) for customer in found]}


@router.get("/customers/{customer_id}")
async def show_customer(request: Request, customer_id: str) -> dict[str, Any]:
    state = app_state(request)
    await signed_in(request, state)
    overview = await customer_overview(state.server.conversation.ops, customer_id[:64])
    return customer_overview_json(overview)


@router.get("/conversations/{thread_id}")
async def show_conversation(request: Request, thread_id: str) -> dict[str, Any]:
    state = app_state(request)
    await signed_in(request, state)
    items = await transcript(state.server.conversation.store, thread_id[:64])
    if items is None:
        raise NotFound("That conversation was not found.")
    return {"thread_id": thread_id, "transcript": items}


@router.get("/lockouts")
async def list_lockouts(request: Request) -> dict[str, Any]:
    state = app_state(request)
    await signed_in(request, state)
    running = await lockouts(state.server.conversation.ops)
    return {"lockouts": [lockout_json(lockout) for lockout in running]}


@router.post("/lockouts/lift")
async def lift(request: Request) -> dict[str, Any]:
    state = app_state(request)
    member, _session = await signed_in(request, state)
    key = (await json_fields(request, MAX_LIFT_BYTES, LIFT_LIMITS)).get("key")
    if not isinstance(key, str) or not key:
        raise InvalidRequest("Say which lock-out to lift, as 'key'.")
    await lift_lockout(state.server.conversation.ops, key, by=member)
    return {"lifted": key}
