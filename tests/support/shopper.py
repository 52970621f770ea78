"""A shopper driving the real /chatkit endpoint by clicking the widgets it is shown.

Buttons are found by (part of) their label, as a person would find them;
forms are filled by field name and sent with their own submit action.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from tests.support.chatkit_client import ChatKitClient, assistant_texts, parse_sse, user_input

Node = dict[str, Any]


def walk(node: Any) -> Iterator[Node]:
    if isinstance(node, list):
        for child in node:
            yield from walk(child)
    elif isinstance(node, dict):
        yield node
        for key in ("children", "confirm", "cancel"):
            if key in node:
                yield from walk(node[key])


class Shopper:
    def __init__(self, client: ChatKitClient) -> None:
        self.client = client
        self.thread_id = ""
        self.events: list[dict[str, Any]] = []
        # The newest widget item shown, as the shopper sees it.
        self.widget_id = ""
        self.widget: Node = {}

    async def start(self, text: str = "hi") -> None:
        self.thread_id, events = await self.client.create_thread(text)
        self._take(events)

    async def say(self, text: str) -> None:
        self._take(
            await self.client.stream(
                {
                    "type": "threads.add_user_message",
                    "params": {"thread_id": self.thread_id, "input": user_input(text)},
                }
            )
        )

    def _take(self, events: list[dict[str, Any]]) -> None:
        self.events = events
        for event in events:
            if event["type"] == "thread.item.done" and event["item"]["type"] == "widget":
                self.widget_id = event["item"]["id"]
                self.widget = event["item"]["widget"]

    async def reloaded_messages(self) -> list[str]:
        """The assistant's messages, oldest first, as the chat shows them when reopened."""
        page = await self.client.call(
            {
                "type": "items.list",
                "params": {"thread_id": self.thread_id, "limit": 100, "order": "asc"},
            }
        )
        return [
            part["text"]
            for item in page["data"]
            if item["type"] == "assistant_message"
            for part in item["content"]
        ]

    async def catch_up(self) -> None:
        """Take the newest card from the thread as stored: one added outside the shopper's own
        turns (by the store's team) is the one they answer next."""
        page = await self.client.call(
            {
                "type": "items.list",
                "params": {"thread_id": self.thread_id, "limit": 100, "order": "desc"},
            }
        )
        self.events = []
        for item in page["data"]:
            if item["type"] == "widget" and item["widget"].get("key") != "staff-reply":
                self.widget_id, self.widget = item["id"], item["widget"]
                return

    async def title(self) -> str | None:
        """The conversation's title, as the thread list shows it."""
        thread = await self.client.call(
            {"type": "threads.get_by_id", "params": {"thread_id": self.thread_id}}
        )
        title = thread.get("title")
        return None if title is None else str(title)

    @property
    def texts(self) -> list[str]:
        return assistant_texts(self.events)

    @property
    def said(self) -> str:
        return " ".join(self.texts)

    @property
    def notices(self) -> list[str]:
        return [event["message"] for event in self.events if event["type"] == "notice"]

    def buttons(self, widget: Node | None = None) -> list[Node]:
        return [node for node in walk(widget or self.widget) if node.get("type") == "Button"]

    def labels(self) -> list[str]:
        return [button["label"] for button in self.buttons()]

    def button(self, label: str, widget: Node | None = None) -> Node:
        found = [b for b in self.buttons(widget) if label.lower() in b["label"].lower()]
        assert found, f"no button {label!r} among {[b['label'] for b in self.buttons(widget)]}"
        return found[0]

    async def click(self, label: str) -> None:
        button = self.button(label)
        assert not button.get("disabled"), f"{label!r} is disabled"
        await self.send(button["onClickAction"])

    async def send(
        self, action: Node, *, item_id: str | None = None, expect_ok: bool = True
    ) -> int:
        response = await self.client.post(
            {
                "type": "threads.custom_action",
                "params": {
                    "thread_id": self.thread_id,
                    "item_id": item_id or self.widget_id,
                    "action": action,
                },
            }
        )
        if expect_ok:
            assert response.status_code == 200, response.text
        if response.status_code == 200:
            self._take(parse_sse(response.text))
        return response.status_code

    def forms(self) -> list[Node]:
        return [node for node in walk(self.widget) if node.get("type") == "Form"]

    def form_with(self, text: str) -> Node:
        for form in self.forms():
            if text in json.dumps(form):
                return form
        raise AssertionError(f"no form mentioning {text!r}")

    async def submit(self, form: Node, values: dict[str, Any]) -> None:
        action = form["onSubmitAction"]
        await self.send({**action, "payload": {**action["payload"], **values}})


# What the `new_shopper` fixture gives: a coroutine making a fresh shopper.
ShopperFactory = Callable[[], Awaitable["Shopper"]]
