"""Response headers that keep the UI in its lane: a Content-Security-Policy and friends.

The UI loads nothing from elsewhere, so the policy allows only this origin,
plus the brand logo's and favicon's hosts and the origins allowed to frame it.
Only with `RETURNDESK_UI=chatkit-js` does it also allow OpenAI's CDN (the
ChatKit script and the frame it draws the chat in) and OpenAI's API.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from returndesk.settings import Settings

CHATKIT_CDN = "https://cdn.platform.openai.com"
CHATKIT_SCRIPT_URL = f"{CHATKIT_CDN}/deployments/chatkit/chatkit.js"
OPENAI_API = "https://api.openai.com"


def content_security_policy(settings: Settings) -> str:
    image_sources = ["'self'", "data:"]
    for url in (settings.brand_logo_url, settings.brand_favicon_url):
        origin = _origin(url)
        if origin and origin not in image_sources:
            image_sources.append(origin)
    ancestors = " ".join(settings.cors_allow_origins) or "'none'"
    script_sources = ["'self'"]
    connect_sources = ["'self'"]
    # Frames fall back to default-src ('self') unless the official UI needs OpenAI's.
    frames: list[str] = []
    if settings.ui == "chatkit-js":
        script_sources.append(CHATKIT_CDN)
        connect_sources += [CHATKIT_CDN, OPENAI_API]
        frames = [f"frame-src 'self' {CHATKIT_CDN} {OPENAI_API}"]
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {' '.join(script_sources)}",
            # Widgets set colours and sizes inline; no script can come this way.
            "style-src 'self' 'unsafe-inline'",
            f"img-src {' '.join(image_sources)}",
            f"connect-src {' '.join(connect_sources)}",
            *frames,
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {ancestors}",
        ]
    )


def _origin(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


class SecurityHeaders:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", content_security_policy(settings).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.headers]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
