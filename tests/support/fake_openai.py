"""A local stand-in for an OpenAI-compatible or Azure OpenAI endpoint.

It speaks streamed Chat Completions over real HTTP, answers from a script
(a tool call, some text, or an error status), and records every request so
tests can check paths, headers and what the model was told.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route


@dataclass(frozen=True)
class ToolCall:
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class Text:
    content: str


@dataclass(frozen=True)
class Failure:
    status: int


Step = ToolCall | Text | Failure


@dataclass
class Recorded:
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class FakeModelServer:
    script: list[Step] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)
    base_url: str = ""

    def answer(self, *steps: Step) -> None:
        self.script.extend(steps)

    async def _chat(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(
            Recorded(
                request.url.path,
                dict(request.query_params),
                {k.lower(): v for k, v in request.headers.items()},
                body,
            )
        )
        step = self.script.pop(0) if self.script else Text("(the script ran out)")
        if isinstance(step, Failure):
            return JSONResponse(
                {"error": {"message": "upstream failure", "type": "server_error"}},
                status_code=step.status,
            )
        return StreamingResponse(_chunks(step), media_type="text/event-stream")

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/chat/completions", self._chat, methods=["POST"]),
                Route(
                    "/openai/deployments/{deployment}/chat/completions",
                    self._chat,
                    methods=["POST"],
                ),
            ]
        )


def _completion_chunk(
    delta: dict[str, Any] | None, finish: str | None = None, *, completion: str, **extra: Any
) -> str:
    choices = [] if delta is None else [{"index": 0, "delta": delta, "finish_reason": finish}]
    payload = {
        # Each completion has its own id, as every real provider gives.
        "id": completion,
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "fake-model",
        "choices": choices,
        **extra,
    }
    return f"data: {json.dumps(payload)}\n\n"


def _chunks(step: ToolCall | Text) -> Iterator[str]:
    completion = f"chatcmpl-{uuid.uuid4().hex[:12]}"

    def _chunk(delta: dict[str, Any] | None, finish: str | None = None, **extra: Any) -> str:
        return _completion_chunk(delta, finish, completion=completion, **extra)

    if isinstance(step, ToolCall):
        call = {
            "index": 0,
            "id": f"call_{step.name}",
            "type": "function",
            "function": {"name": step.name, "arguments": ""},
        }
        yield _chunk({"role": "assistant", "tool_calls": [call]})
        arguments = json.dumps(step.arguments)
        half = len(arguments) // 2
        for part in (arguments[:half], arguments[half:]):
            yield _chunk({"tool_calls": [{"index": 0, "function": {"arguments": part}}]})
        yield _chunk({}, "tool_calls")
    else:
        yield _chunk({"role": "assistant", "content": ""})
        for word in step.content.split(" "):
            yield _chunk({"content": word + " "})
        yield _chunk({}, "stop")
    usage = {"prompt_tokens": 120, "completion_tokens": 8, "total_tokens": 128}
    yield _chunk(None, usage=usage)
    yield "data: [DONE]\n\n"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def fake_model_server() -> Iterator[FakeModelServer]:
    fake = FakeModelServer()
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(fake.app(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the fake model server did not start")
        time.sleep(0.01)
    fake.base_url = f"http://127.0.0.1:{port}"
    try:
        yield fake
    finally:
        server.should_exit = True
        thread.join(timeout=10)
