"""A staff member's session: a signed, HttpOnly, SameSite=Strict cookie of its own.

It is apart from the shopper's cookie in name, salt and path (`/staff`), so a
shopper's cookie never opens a staff route and a staff session never reaches
the chat. It names the member and carries the CSRF token every state-changing
request must echo in `X-CSRF-Token`; it ends after `staff_idle_minutes` without
a request, and each request renews it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

COOKIE_NAME = "returndesk_staff"
COOKIE_PATH = "/staff"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True, slots=True)
class StaffSession:
    staff_id: int
    csrf_token: str


class StaffSessions:
    def __init__(self, secret: str, *, secure: bool, idle_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="returndesk.staff")
        self._secure = secure
        self._idle_seconds = idle_seconds

    def new(self, staff_id: int) -> StaffSession:
        """A session just signed in to, with a CSRF token of its own."""
        return StaffSession(staff_id, secrets.token_urlsafe(24))

    def read(self, request: Request) -> StaffSession | None:
        """The session the cookie carries, if it is signed by us and not idle too long."""
        signed = request.cookies.get(COOKIE_NAME)
        if not signed:
            return None
        try:
            data = self._serializer.loads(signed, max_age=self._idle_seconds)
        except BadSignature:
            return None
        if not isinstance(data, dict):
            return None
        staff_id, csrf = data.get("staff_id"), data.get("csrf")
        if not isinstance(staff_id, int) or not isinstance(csrf, str):
            return None
        return StaffSession(staff_id, csrf)

    def renew(self, response: Response, session: StaffSession) -> None:
        """Sign the session again now, so its idle time starts over."""
        response.set_cookie(
            COOKIE_NAME,
            self._serializer.dumps({"staff_id": session.staff_id, "csrf": session.csrf_token}),
            max_age=self._idle_seconds,
            path=COOKIE_PATH,
            httponly=True,
            samesite="strict",
            secure=self._secure,
        )

    def end(self, response: Response) -> None:
        response.delete_cookie(
            COOKIE_NAME, path=COOKIE_PATH, httponly=True, samesite="strict", secure=self._secure
        )
