"""Requests over the limits get a clear 4xx; responses carry security headers and a request id."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from tests.support.app import http_client, running_app, settings_for
from tests.support.chatkit_client import ChatKitClient, user_input


@pytest.fixture
async def app(sqlite_url: str) -> AsyncIterator[FastAPI]:
    settings = settings_for(
        sqlite_url, max_request_bytes=2048, max_message_chars=100, max_items_per_request=3
    )
    async with running_app(settings) as app:
        yield app


@pytest.fixture
async def http(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(app) as client:
        yield client


async def test_a_body_over_the_limit_is_refused_with_413(http: httpx.AsyncClient) -> None:
    body = {"type": "threads.create", "params": {"input": user_input("x" * 5000)}}

    response = await http.post("/chatkit", content=json.dumps(body))

    assert response.status_code == 413
    assert "2048 bytes" in response.json()["error"]["message"]


async def test_a_message_over_the_limit_is_refused_with_400(http: httpx.AsyncClient) -> None:
    body = {"type": "threads.create", "params": {"input": user_input("y" * 101)}}

    response = await http.post("/chatkit", content=json.dumps(body))

    assert response.status_code == 400
    assert "at most 100 characters" in response.json()["error"]["message"]


async def test_too_many_items_in_one_click_are_refused(http: httpx.AsyncClient) -> None:
    client = ChatKitClient(http)
    thread_id, events = await client.create_thread("hi")
    widget_id = next(
        e["item"]["id"]
        for e in events
        if e["type"] == "thread.item.done" and e["item"]["type"] == "widget"
    )
    action = {"type": "select_items", "payload": {"order_id": "#W1", "line_nos": [1, 2, 3, 4]}}

    response = await client.post(
        {
            "type": "threads.custom_action",
            "params": {"thread_id": thread_id, "item_id": widget_id, "action": action},
        }
    )

    assert response.status_code == 400
    assert "At most 3 items" in response.json()["error"]["message"]


async def test_the_ui_is_served_with_a_content_security_policy(http: httpx.AsyncClient) -> None:
    response = await http.get("/")

    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_cross_origin_calls_are_closed_by_default(http: httpx.AsyncClient) -> None:
    response = await http.options(
        "/chatkit",
        headers={"origin": "https://evil.example", "access-control-request-method": "POST"},
    )

    assert "access-control-allow-origin" not in response.headers


async def test_an_allowed_origin_may_call_and_frame(sqlite_url: str) -> None:
    settings = settings_for(sqlite_url, cors_allow_origins=["https://shop.example"])
    async with running_app(settings) as app, http_client(app) as http:
        preflight = await http.options(
            "/chatkit",
            headers={"origin": "https://shop.example", "access-control-request-method": "POST"},
        )
        page = await http.get("/")

    assert preflight.headers["access-control-allow-origin"] == "https://shop.example"
    assert "frame-ancestors https://shop.example" in page.headers["content-security-policy"]


async def test_every_answer_names_its_request_and_is_logged(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="returndesk.requests")
    client = ChatKitClient(http)

    thread_id, _ = await client.create_thread("hi")
    answered = await http.get("/healthz", headers={"x-request-id": "lb-1234"})

    assert answered.headers["x-request-id"] == "lb-1234"
    records = [r for r in caplog.records if r.name == "returndesk.requests"]
    chat = next(r for r in records if r.__dict__["path"] == "/chatkit")
    assert chat.__dict__["request_type"] == "threads.create"
    assert chat.__dict__["status"] == 200
    assert chat.__dict__["latency_ms"] > 0
    assert records[-1].__dict__["request_id"] == "lb-1234"
    assert thread_id.startswith("thr_")


async def test_metrics_count_requests_by_type(http: httpx.AsyncClient) -> None:
    client = ChatKitClient(http)
    await client.create_thread("hi")

    metrics = (await http.get("/metrics")).text

    assert (
        'returndesk_requests_total{route="/chatkit",status="200",type="threads.create"}' in metrics
    )
    assert "returndesk_request_seconds_bucket" in metrics
    assert "returndesk_verification_failures_total" in metrics
