"""Every request gets an id, a log line and its metrics, whatever answered it.

Pure ASGI (no BaseHTTPMiddleware), so streamed answers are timed to their
last byte and nothing is buffered. The ChatKit route adds its request type
and thread id to `scope["returndesk"]` for the log line.
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from returndesk.telemetry import LATENCY, REQUESTS
from returndesk.web.logs import REQUEST_ID

logger = logging.getLogger("returndesk.requests")

REQUEST_ID_HEADER = b"x-request-id"


class RequestTelemetry:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _incoming_id(scope) or uuid.uuid4().hex
        token = REQUEST_ID.set(request_id)
        notes: dict[str, Any] = {}
        scope["returndesk"] = notes
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER, request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            route = _route(scope)
            request_type = str(notes.get("type", ""))
            REQUESTS.labels(route, request_type, str(status)).inc()
            LATENCY.labels(route, request_type).observe(elapsed)
            logger.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope["method"],
                    "path": scope["path"],
                    "route": route,
                    "status": status,
                    "latency_ms": round(elapsed * 1000, 2),
                    "request_type": request_type or None,
                    "thread_id": notes.get("thread_id"),
                },
            )
            REQUEST_ID.reset(token)


def _incoming_id(scope: Scope) -> str | None:
    """A caller's own request id (from a load balancer), if it looks like one."""
    for name, value in scope.get("headers", []):
        if name == REQUEST_ID_HEADER:
            text: str = value.decode("latin-1")
            if 0 < len(text) <= 128 and text.isprintable():
                return text
    return None


def _route(scope: Scope) -> str:
    """The route's pattern, so metrics do not grow a series per return number."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"
