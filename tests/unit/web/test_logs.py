"""Log lines: JSON for machines, readable text with the same fields for people."""

from __future__ import annotations

import io
import json
import logging
import logging.config
from collections.abc import Iterator

import pytest

from returndesk.web.logs import log_config, resolved_format


def logged_line(log_format: str) -> str:
    config = log_config("info", log_format)  # type: ignore[arg-type]
    logging.config.dictConfig(config)
    stream = io.StringIO()
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(stream)
    logging.getLogger("returndesk.requests").info(
        "request",
        extra={
            "request_type": "threads.create",
            "status": 200,
            "latency_ms": 4.2,
            # As uvicorn adds to its own records.
            "color_message": "\x1b[36mrequest\x1b[0m",
        },
    )
    return stream.getvalue().strip()


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield None
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_lines_carry_the_request_fields() -> None:
    line = json.loads(logged_line("json"))
    assert line["logger"] == "returndesk.requests"
    assert line["request_type"] == "threads.create"
    assert line["status"] == 200
    assert "color_message" not in line


def test_text_lines_carry_the_same_fields_as_key_value() -> None:
    line = logged_line("text")
    assert "INFO" in line
    assert "returndesk.requests" in line
    assert "request_type=threads.create" in line
    assert "status=200" in line
    assert "latency_ms=4.2" in line
    assert not line.startswith("{")
    assert "\x1b" not in line


def test_auto_is_text_on_a_terminal_and_json_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stderr", Terminal())
    assert resolved_format("auto") == "text"
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert resolved_format("auto") == "json"
    assert resolved_format("text") == "text"


def test_a_traceback_follows_the_fields_in_text() -> None:
    config = log_config("info", "text")
    logging.config.dictConfig(config)
    stream = io.StringIO()
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(stream)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError:
        logging.getLogger("returndesk.requests").exception("failed", extra={"thread_id": "thr_1"})
    first, *rest = stream.getvalue().strip().splitlines()
    assert first.endswith("failed thread_id=thr_1")
    assert rest[-1] == "ZeroDivisionError: division by zero"
