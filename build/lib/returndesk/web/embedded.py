"""Embedded mode: the store's own site vouches for its logged-in customer.

The site signs a short-lived JWT (HS256 with a shared secret, or RS256 with
its private key) whose `sub` is the customer id, and the UI sends it in the
`X-Customer-Token` header. A valid token counts as verification; an invalid
one is refused outright rather than ignored.
"""

from __future__ import annotations

import jwt
from starlette.requests import Request

from returndesk.errors import InvalidToken
from returndesk.settings import Settings

TOKEN_HEADER = "x-customer-token"


class EmbeddedIdentity:
    def __init__(self, settings: Settings) -> None:
        self.audience = settings.embed_jwt_audience
        self.issuer = settings.embed_jwt_issuer
        self.key: str | None
        if settings.embed_jwt_public_key:
            self.key, self.algorithms = settings.embed_jwt_public_key, ["RS256"]
        elif settings.embed_jwt_secret is not None:
            self.key, self.algorithms = settings.embed_jwt_secret.get_secret_value(), ["HS256"]
        else:
            self.key, self.algorithms = None, []

    @property
    def enabled(self) -> bool:
        return self.key is not None

    def customer_id(self, request: Request) -> str | None:
        token = request.headers.get(TOKEN_HEADER)
        if not token:
            return None
        if self.key is None:
            raise InvalidToken("Customer tokens are not accepted here.")
        try:
            claims = jwt.decode(
                token,
                self.key,
                algorithms=self.algorithms,
                audience=self.audience,
                issuer=self.issuer,
                options={"require": ["exp", "sub"]},
            )
        except jwt.PyJWTError as exc:
            raise InvalidToken(f"The customer token is not valid: {exc}") from exc
        return str(claims["sub"])
