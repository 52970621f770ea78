"""POST /chatkit: streams for good requests, clear 4xx answers for bad ones."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from returndesk.chat.conversation import GREETING
from returndesk.store.sql.tables import FeedbackRow, ThreadRow
from returndesk.web.identity import COOKIE_NAME
from returndesk.web.state import AppState
from tests.support.app import http_client, running_app, settings_for
from tests.support.chatkit_client import ChatKitClient, assistant_texts, user_input
from tests.support.sql_store import sql_session


@pytest.fixture
async def app(database_url: str) -> AsyncIterator[FastAPI]:
    async with running_app(settings_for(database_url)) as app:
        yield app


@pytest.fixture
async def alice(app: FastAPI) -> AsyncIterator[ChatKitClient]:
    async with http_client(app) as http:
        yield ChatKitClient(http)


@pytest.fixture
async def bob(app: FastAPI) -> AsyncIterator[ChatKitClient]:
    async with http_client(app) as http:
        yield ChatKitClient(http)


async def thread_count(app: FastAPI) -> int:
    state: AppState = app.state.returndesk
    async with state.storage.reading() as repositories:
        session = sql_session(repositories)
        return (await session.execute(select(func.count()).select_from(ThreadRow))).scalar_one()


async def test_new_thread_streams_the_greeting_and_sets_an_owner_cookie(
    alice: ChatKitClient,
) -> None:
    response = await alice.post({"type": "threads.create", "params": {"input": user_input("hi")}})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert COOKIE_NAME in response.cookies
    cookie_header = response.headers["set-cookie"].lower()
    assert "httponly" in cookie_header
    assert "samesite=lax" in cookie_header


async def test_threads_create_event_sequence(alice: ChatKitClient) -> None:
    thread_id, events = await alice.create_thread("hello")

    types = [event["type"] for event in events]
    assert types[0] == "thread.created"
    assert "stream_options" in types
    [greeting] = assistant_texts(events)
    assert greeting.startswith(GREETING)
    assert "email" in greeting
    deltas = [
        event["update"]["delta"]
        for event in events
        if event["type"] == "thread.item.updated"
        and event["update"]["type"] == "assistant_message.content_part.text_delta"
    ]
    assert len(deltas) > 1
    assert "".join(deltas) == greeting
    thread = await alice.call({"type": "threads.get_by_id", "params": {"thread_id": thread_id}})
    kinds = [item["type"] for item in thread["items"]["data"]]
    assert kinds == ["user_message", "assistant_message", "widget"]


async def test_a_second_message_continues_the_same_thread(alice: ChatKitClient) -> None:
    thread_id, _ = await alice.create_thread("hello")
    events = await alice.stream(
        {
            "type": "threads.add_user_message",
            "params": {"thread_id": thread_id, "input": user_input("again")},
        }
    )
    [reply] = assistant_texts(events)
    assert "email" in reply
    items = await alice.call({"type": "items.list", "params": {"thread_id": thread_id}})
    assert len(items["data"]) == 5


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        pytest.param("{not json", "not valid JSON", id="malformed-json"),
        pytest.param("[1, 2]", "JSON object", id="not-an-object"),
        pytest.param('{"params": {}}', "no 'type'", id="no-type"),
        pytest.param('{"type": "threads.explode", "params": {}}', "threads.explode", id="unknown"),
        pytest.param('{"type": "threads.create", "params": {}}', "input", id="missing-field"),
        pytest.param(
            '{"type": "threads.list", "params": {"limit": "many"}}', "limit", id="wrong-type"
        ),
        pytest.param(
            '{"type": "attachments.create", "params": {"name": "a.png", "size": 1, '
            '"mime_type": "image/png"}}',
            "file uploads",
            id="uploads",
        ),
    ],
)
async def test_bad_requests_get_400_with_a_message_and_change_nothing(
    app: FastAPI, alice: ChatKitClient, body: str, fragment: str
) -> None:
    response = await alice.post(body)

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert fragment in response.json()["error"]["message"]
    assert await thread_count(app) == 0


async def test_missing_thread_gets_404_before_any_stream(alice: ChatKitClient) -> None:
    response = await alice.post(
        {
            "type": "threads.add_user_message",
            "params": {"thread_id": "thr_doesnotexist", "input": user_input("hi")},
        }
    )
    assert response.status_code == 404
    assert "thr_doesnotexist" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "request_type",
    [
        "threads.get_by_id",
        "items.list",
        "threads.delete",
        "threads.add_user_message",
        "threads.update",
        "threads.custom_action",
    ],
)
async def test_another_owners_thread_is_invisible(
    app: FastAPI, alice: ChatKitClient, bob: ChatKitClient, request_type: str
) -> None:
    thread_id, _ = await alice.create_thread("my order")
    params: dict[str, object] = {"thread_id": thread_id}
    if request_type == "threads.add_user_message":
        params["input"] = user_input("let me in")
    if request_type == "threads.update":
        params["title"] = "taken over"
    if request_type == "threads.custom_action":
        params["action"] = {"type": "noop", "payload": {}}

    response = await bob.post({"type": request_type, "params": params})

    assert response.status_code == 404
    assert "not found" in response.json()["error"]["message"]
    still_there = await alice.call(
        {"type": "threads.get_by_id", "params": {"thread_id": thread_id}}
    )
    assert still_there["id"] == thread_id
    assert still_there.get("title") != "taken over"
    assert len(still_there["items"]["data"]) == 3


async def test_thread_lists_are_per_visitor(alice: ChatKitClient, bob: ChatKitClient) -> None:
    first, _ = await alice.create_thread("one")
    second, _ = await alice.create_thread("two")

    mine = await alice.call({"type": "threads.list", "params": {"order": "desc"}})
    theirs = await bob.call({"type": "threads.list", "params": {}})

    assert [thread["id"] for thread in mine["data"]] == [second, first]
    assert theirs["data"] == []


async def test_a_forged_cookie_is_a_stranger(app: FastAPI, alice: ChatKitClient) -> None:
    await alice.create_thread("one")
    async with http_client(app) as http:
        http.cookies.set(COOKIE_NAME, "own_forged.signature")
        forger = ChatKitClient(http)
        listed = await forger.call({"type": "threads.list", "params": {}})
    assert listed["data"] == []


async def test_custom_action_on_unknown_widget_item_is_404(alice: ChatKitClient) -> None:
    thread_id, _ = await alice.create_thread("hi")
    response = await alice.post(
        {
            "type": "threads.custom_action",
            "params": {
                "thread_id": thread_id,
                "item_id": "msg_missing",
                "action": {"type": "select", "payload": {}},
            },
        }
    )
    assert response.status_code == 404
    assert "msg_missing" in response.json()["error"]["message"]


async def test_delete_removes_the_thread(alice: ChatKitClient) -> None:
    thread_id, _ = await alice.create_thread("bye")
    assert await alice.call({"type": "threads.delete", "params": {"thread_id": thread_id}}) == {}
    response = await alice.post({"type": "threads.get_by_id", "params": {"thread_id": thread_id}})
    assert response.status_code == 404


async def test_feedback_is_recorded(app: FastAPI, alice: ChatKitClient) -> None:
    thread_id, events = await alice.create_thread("hi")
    reply = next(
        event["item"]["id"]
        for event in events
        if event["type"] == "thread.item.done" and event["item"]["type"] == "assistant_message"
    )
    await alice.call(
        {
            "type": "items.feedback",
            "params": {"thread_id": thread_id, "item_ids": [reply], "kind": "positive"},
        }
    )
    state: AppState = app.state.returndesk
    async with state.storage.reading() as repositories:
        session = sql_session(repositories)
        rows = (await session.execute(select(FeedbackRow))).scalars().all()
    assert [(row.item_id, row.kind) for row in rows] == [(reply, "positive")]
