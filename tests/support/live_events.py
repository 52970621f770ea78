"""Reading a live event stream as a browser does: in the background, event by event, with
the id of the last one kept for resuming."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True)
class Heard:
    kind: str
    data: dict[str, Any]
    id: int | None


class LiveListener:
    def __init__(self, http: httpx.AsyncClient, path: str, last_id: int | None = None) -> None:
        self.http = http
        self.path = path
        self.heard: list[Heard] = []
        self.last_id = last_id
        self.status: int | None = None
        self._opened = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> LiveListener:
        self._task = asyncio.create_task(self._listen())
        await asyncio.wait_for(self._opened.wait(), 30)
        return self

    async def __aexit__(self, *_: object) -> None:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    async def _listen(self) -> None:
        headers = {} if self.last_id is None else {"Last-Event-ID": str(self.last_id)}
        async with self.http.stream("GET", self.path, headers=headers, timeout=None) as response:
            self.status = response.status_code
            self._opened.set()
            fields: dict[str, str] = {}
            async for line in response.aiter_lines():
                if line == "":
                    if "event" in fields:
                        event_id = int(fields["id"]) if "id" in fields else None
                        self.heard.append(
                            Heard(fields["event"], json.loads(fields["data"]), event_id)
                        )
                        if event_id is not None:
                            self.last_id = event_id
                    fields = {}
                elif not line.startswith(":"):
                    name, _, value = line.partition(": ")
                    fields[name] = value

    async def wait_for(self, wanted: Callable[[Heard], bool], *, within: float = 10.0) -> Heard:
        """The first event heard that is `wanted`, once it arrives."""
        async with asyncio.timeout(within):
            while True:
                for heard in self.heard:
                    if wanted(heard):
                        return heard
                await asyncio.sleep(0.02)

    def items(self) -> list[dict[str, Any]]:
        return [heard.data["item"] for heard in self.heard if heard.kind == "item"]
