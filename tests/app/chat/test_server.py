"""Once a stream has started, whatever fails ends it with an error event, never a cut body."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from pydantic import BaseModel

from returndesk.chat.server import ReturnDeskServer
from returndesk.operations.context import Operations
from returndesk.web.state import AppState
from tests.support.chatkit_client import parse_sse
from tests.support.demo import find_line, ordinary
from tests.support.flows import choose_items, verify
from tests.support.shopper import Shopper, ShopperFactory


def server_of(app: FastAPI) -> ReturnDeskServer:
    state: AppState = app.state.returndesk
    return state.server


def failing_once(when: Callable[[Any], bool], real: Callable[..., Any]) -> Callable[..., Any]:
    failed = False

    def call(server: ReturnDeskServer, event: BaseModel) -> Any:
        nonlocal failed
        if not failed and when(event):
            failed = True
            raise RuntimeError("injected failure")
        return real(server, event)

    return call


def is_widget_done(event: BaseModel) -> bool:
    item = getattr(event, "item", None)
    return (
        getattr(event, "type", "") == "thread.item.done" and getattr(item, "type", "") == "widget"
    )


def read_whole_stream(body: str) -> list[dict[str, Any]]:
    """The stream as a client reads it: complete, every block an event."""
    assert body.endswith("\n\n")
    blocks = body.removesuffix("\n\n").split("\n\n")
    assert all(block.startswith("data: ") for block in blocks)
    events = parse_sse(body)
    assert len(events) == len(blocks)
    return events


def ended_with_an_error(events: list[dict[str, Any]]) -> None:
    assert events[-1]["type"] == "error"
    assert "Please try again" in events[-1]["message"]
    assert events[-1]["allow_retry"] is True


async def test_an_event_that_cannot_be_encoded_ends_the_stream_with_an_error(
    app: FastAPI, new_shopper: ShopperFactory, monkeypatch: pytest.MonkeyPatch, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    shopper = await new_shopper()
    await shopper.start()
    await verify(shopper, pick.customer)
    server = server_of(app)
    monkeypatch.setattr(
        server, "_serialize", failing_once(is_widget_done, type(server)._serialize).__get__(server)
    )
    response = await shopper.client.post(
        {
            "type": "threads.custom_action",
            "params": {
                "thread_id": shopper.thread_id,
                "item_id": shopper.widget_id,
                "action": shopper.button("Return or exchange items")["onClickAction"],
            },
        }
    )
    assert response.status_code == 200
    events = read_whole_stream(response.text)
    ended_with_an_error(events)
    # What was written stands: reopening the thread shows the item picker, and it works.
    await _reopen(shopper)
    await shopper.submit(
        shopper.form_with(f"from {pick.order.id}"), {f"qty:{pick.line.item_id}": True}
    )
    assert "Why are you returning" in shopper.said


async def test_a_store_that_fails_mid_stream_ends_it_with_an_error_and_keeps_the_thread(
    app: FastAPI, new_shopper: ShopperFactory, monkeypatch: pytest.MonkeyPatch, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    shopper = await new_shopper()
    await shopper.start()
    store = server_of(app).store
    real_add = type(store).add_thread_item

    async def failing_add(self: Any, thread_id: str, item: Any, context: Any) -> None:
        if item.type == "user_message":
            raise RuntimeError("injected failure")
        await real_add(self, thread_id, item, context)

    monkeypatch.setattr(type(store), "add_thread_item", failing_add)
    response = await shopper.client.post(
        {
            "type": "threads.add_user_message",
            "params": {
                "thread_id": shopper.thread_id,
                "input": {
                    "content": [{"type": "input_text", "text": pick.customer.email}],
                    "attachments": [],
                    "inference_options": {},
                },
            },
        }
    )
    assert response.status_code == 200
    ended_with_an_error(read_whole_stream(response.text))
    monkeypatch.undo()
    # Nothing of the failed turn was applied: the shopper is still asked who they are.
    await _reopen(shopper)
    assert shopper.form_with("email")
    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    assert "Why are you returning" in shopper.said


async def _reopen(shopper: Shopper) -> None:
    """Load the thread as a browser does after a reload; the newest card becomes current."""
    thread = await shopper.client.call(
        {
            "type": "items.list",
            "params": {"thread_id": shopper.thread_id, "limit": 100, "order": "asc"},
        }
    )
    shopper._take([{"type": "thread.item.done", "item": item} for item in thread["data"]])
