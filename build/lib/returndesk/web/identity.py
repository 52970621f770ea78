"""Which visitor is asking: a signed, HttpOnly cookie naming an owner id.

Threads belong to an owner; a cookie that fails its signature check is
ignored and the visitor starts afresh, so a forged id never reaches the store.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, Signer
from starlette.requests import Request
from starlette.responses import Response

COOKIE_NAME = "returndesk_owner"
COOKIE_MAX_AGE = 60 * 60 * 24 * 365


@dataclass(frozen=True, slots=True)
class Visitor:
    owner_id: str
    is_new: bool


class OwnerCookie:
    def __init__(self, secret: str, *, secure: bool) -> None:
        self._signer = Signer(secret, salt="returndesk.owner")
        self._secure = secure

    def visitor(self, request: Request) -> Visitor:
        signed = request.cookies.get(COOKIE_NAME)
        if signed:
            try:
                return Visitor(self._signer.unsign(signed).decode(), is_new=False)
            except BadSignature:
                pass
        return Visitor(f"own_{secrets.token_hex(12)}", is_new=True)

    def remember(self, response: Response, visitor: Visitor) -> None:
        if not visitor.is_new:
            return
        response.set_cookie(
            COOKIE_NAME,
            self._signer.sign(visitor.owner_id).decode(),
            max_age=COOKIE_MAX_AGE,
            httponly=True,
            samesite="lax",
            secure=self._secure,
        )
