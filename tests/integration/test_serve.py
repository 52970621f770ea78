"""The installed `returndesk` command serves ChatKit over real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.chatkit_client import parse_sse, user_input

RETURNDESK = Path(sys.executable).with_name("returndesk")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_healthy(base_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("server did not become healthy within 30 s")


@pytest.fixture
def served(sqlite_url: str, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "RETURNDESK_DATABASE_URL": sqlite_url,
        "RETURNDESK_SECRET_KEY": "integration-test-secret",
    }
    process = subprocess.Popen(
        [str(RETURNDESK), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base_url, process)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=15)
        assert process.stderr is not None
        process.stderr.close()


def test_served_app_answers_threads_create_with_an_event_stream(served: str) -> None:
    body = {"type": "threads.create", "params": {"input": user_input("hi")}}
    with httpx.stream("POST", f"{served}/chatkit", json=body, timeout=10) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = parse_sse(response.read().decode())
    assert events[0]["type"] == "thread.created"
    assert events[-1]["type"] == "thread.item.done"
    assert events[-1]["item"]["type"] == "widget"
    assert httpx.get(f"{served}/readyz").json() == {"status": "ready"}
