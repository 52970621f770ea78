"""Managing the staff from the console: admins only; agents get 403.

Adding a member sets their first password, which they give to the new member by
hand; the password is never shown again.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from returndesk.domain.staff import StaffMember, StaffRole, require_admin
from returndesk.errors import InvalidRequest
from returndesk.operations.json_views import staff_json
from returndesk.operations.staff_accounts import add_staff, disable_staff, list_staff
from returndesk.untrusted_json import JsonLimits
from returndesk.web.routes.staff import json_fields, signed_in
from returndesk.web.state import app_state

router = APIRouter(prefix="/staff/api/staff")

MAX_MEMBER_BYTES = 4096
MEMBER_LIMITS = JsonLimits(max_depth=4, max_text_chars=512)


async def _admin(request: Request) -> StaffMember:
    member, _session = await signed_in(request, app_state(request))
    require_admin(member)
    return member


def _text(fields: dict[str, Any], name: str) -> str:
    value = fields.get(name)
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequest(f"Give the new member's {name}.")
    return value


@router.get("")
async def staff_members(request: Request) -> dict[str, Any]:
    await _admin(request)
    members = await list_staff(app_state(request).server.conversation.ops)
    return {"staff": [staff_json(member) for member in members]}


@router.post("")
async def new_staff_member(request: Request) -> dict[str, Any]:
    admin = await _admin(request)
    fields = await json_fields(request, MAX_MEMBER_BYTES, MEMBER_LIMITS)
    role = _text(fields, "role")
    if role not in {r.value for r in StaffRole}:
        raise InvalidRequest("A role is agent or admin.")
    member = await add_staff(
        app_state(request).server.conversation.ops,
        email=_text(fields, "email"),
        name=_text(fields, "name"),
        role=StaffRole(role),
        password=_text(fields, "password"),
        by=admin,
    )
    return staff_json(member)


@router.post("/{email}/disable")
async def disable_staff_member(request: Request, email: str) -> dict[str, Any]:
    admin = await _admin(request)
    member = await disable_staff(app_state(request).server.conversation.ops, email, by=admin)
    return staff_json(member)
