"""The installed `returndesk` command serves ChatKit over real HTTP and logs in JSON."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.support.chatkit_client import parse_sse, user_input
from tests.support.servers import serving


def test_served_app_answers_threads_create_with_an_event_stream(
    sqlite_url: str, tmp_path: Path
) -> None:
    with serving(sqlite_url, tmp_path) as server:
        body = {"type": "threads.create", "params": {"input": user_input("hi")}}
        with httpx.stream("POST", f"{server.base_url}/chatkit", json=body, timeout=10) as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            request_id = response.headers["x-request-id"]
            events = parse_sse(response.read().decode())
        assert httpx.get(f"{server.base_url}/readyz").json() == {"status": "ready"}

    assert events[0]["type"] == "thread.created"
    assert events[-1]["type"] == "thread.item.done"
    assert events[-1]["item"]["type"] == "widget"
    lines = [
        json.loads(line)
        for line in server.log_path.read_text().splitlines()
        if line.startswith("{")
    ]
    [logged] = [
        line
        for line in lines
        if line["logger"] == "returndesk.requests" and line["request_id"] == request_id
    ]
    assert logged["request_type"] == "threads.create"
    assert logged["thread_id"] == events[0]["thread"]["id"]
    assert logged["status"] == 200
    assert logged["latency_ms"] > 0


def test_serve_with_several_workers_shares_one_database(sqlite_url: str, tmp_path: Path) -> None:
    with (
        serving(sqlite_url, tmp_path, workers=2) as server,
        httpx.Client(base_url=server.base_url, timeout=10) as browser,
    ):
        created = []
        for _ in range(6):
            body = {"type": "threads.create", "params": {"input": user_input("hi")}}
            first = parse_sse(browser.post("/chatkit", json=body).text)[0]
            assert first["type"] == "thread.created", (first, server.log_path.read_text()[-3000:])
            created.append(first["thread"]["id"])
        listed = browser.post("/chatkit", json={"type": "threads.list", "params": {"limit": 10}})

    # Whichever worker answered, every thread is in the one database, under one visitor.
    assert sorted(thread["id"] for thread in listed.json()["data"]) == sorted(created)


def test_metrics_add_up_every_workers_requests(sqlite_url: str, tmp_path: Path) -> None:
    with serving(sqlite_url, tmp_path, workers=2) as server:
        # A new connection each time, so the requests spread over both workers.
        for _ in range(40):
            assert httpx.get(f"{server.base_url}/healthz", timeout=10).status_code == 200
        reports = [httpx.get(f"{server.base_url}/metrics", timeout=10).text for _ in range(4)]

    for report in reports:
        assert healthz_requests(report) == 40


def healthz_requests(report: str) -> float:
    """The /healthz requests a Prometheus text report counts (HEAD and GET alike)."""
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in report.splitlines()
        if line.startswith("returndesk_requests_total{") and 'route="/healthz"' in line
    )
