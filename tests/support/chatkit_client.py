"""A small ChatKit client for tests: typed requests in, decoded events out."""

from __future__ import annotations

import json
from typing import Any

import httpx


def user_input(text: str) -> dict[str, Any]:
    return {
        "content": [{"type": "input_text", "text": text}],
        "attachments": [],
        "inference_options": {},
    }


def parse_sse(body: str) -> list[dict[str, Any]]:
    events = []
    for block in body.split("\n\n"):
        if block.startswith("data: "):
            events.append(json.loads(block.removeprefix("data: ")))
    return events


class ChatKitClient:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def post(self, payload: dict[str, Any] | str | bytes) -> httpx.Response:
        content = payload if isinstance(payload, str | bytes) else json.dumps(payload)
        return await self.http.post(
            "/chatkit", content=content, headers={"content-type": "application/json"}
        )

    async def stream(self, payload: dict[str, Any]) -> list[dict[str, Any]]:
        response = await self.post(payload)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/event-stream")
        return parse_sse(response.text)

    async def call(self, payload: dict[str, Any]) -> Any:
        response = await self.post(payload)
        assert response.status_code == 200, response.text
        return response.json()

    async def create_thread(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        events = await self.stream(
            {"type": "threads.create", "params": {"input": user_input(text)}}
        )
        thread_id: str = events[0]["thread"]["id"]
        return thread_id, events


def assistant_texts(events: list[dict[str, Any]]) -> list[str]:
    return [
        part["text"]
        for event in events
        if event["type"] == "thread.item.done" and event["item"]["type"] == "assistant_message"
        for part in event["item"]["content"]
    ]
