"""A member of the store's staff at the console, over HTTP: signed in, with the CSRF token
every change carries."""

from __future__ import annotations

from typing import Any

import httpx

from returndesk.domain.staff import StaffRole
from returndesk.operations.context import Operations
from returndesk.operations.staff_accounts import add_staff
from returndesk.web.staff_session import CSRF_HEADER

STAFF_PASSWORD = "correct horse battery staple"


class StaffConsole:
    def __init__(self, http: httpx.AsyncClient, csrf_token: str) -> None:
        self.http = http
        self.csrf_token = csrf_token

    async def get(self, path: str, **params: Any) -> httpx.Response:
        return await self.http.get(path, params=params)

    async def post(self, path: str, body: Any) -> httpx.Response:
        return await self.http.post(path, json=body, headers={CSRF_HEADER: self.csrf_token})

    async def move(self, rma: str, to: str, note: str | None = None) -> httpx.Response:
        return await self.post(f"/staff/api/returns/{rma}/moves", {"to": to, "note": note})

    async def handoffs(self, view: str = "active") -> dict[str, Any]:
        response = await self.get("/staff/api/handoffs", view=view)
        assert response.status_code == 200, response.text
        found: dict[str, Any] = response.json()
        return found

    async def handoff(self, handoff_id: int, verb: str, body: Any = None) -> httpx.Response:
        """claim, reply, hand-back or close the hand-off."""
        return await self.post(f"/staff/api/handoffs/{handoff_id}/{verb}", body)


async def signed_in_staff(
    ops: Operations, http: httpx.AsyncClient, *, role: StaffRole, email: str, name: str
) -> StaffConsole:
    await add_staff(ops, email=email, name=name, role=role, password=STAFF_PASSWORD)
    response = await http.post(
        "/staff/api/session", json={"email": email, "password": STAFF_PASSWORD}
    )
    assert response.status_code == 200, response.text
    return StaffConsole(http, response.json()["csrf_token"])
