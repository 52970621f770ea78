"""A local HTTP server standing in for a team's webhook: records what it is sent, and
answers each POST as the test scripts it (a status, or a pause first)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    body: dict[str, Any]
    headers: dict[str, str]


@dataclass
class WebhookServer:
    url: str
    # Answers for the next POSTs in turn, then 200 for the rest: a status, or a pause (seconds).
    script: list[int | float] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    attempts: int = 0

    def wait_for(self, count: int, within: float = 10.0) -> list[Received]:
        """The first `count` deliveries, once they have arrived."""
        deadline = time.monotonic() + within
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.received[:count]


@contextmanager
def webhook_server() -> Iterator[WebhookServer]:
    server_state = WebhookServer(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length)
            server_state.attempts += 1
            answer = server_state.script.pop(0) if server_state.script else 200
            if isinstance(answer, float):
                time.sleep(answer)
                answer = 200
            if answer == 200:
                server_state.received.append(
                    Received(json.loads(body), {k.lower(): v for k, v in self.headers.items()})
                )
            self.send_response(answer)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server_state.url = f"http://127.0.0.1:{httpd.server_address[1]}/hooks/handoffs"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server_state
    finally:
        httpd.shutdown()
        httpd.server_close()
