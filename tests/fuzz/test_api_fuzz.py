"""Malformed, hostile and random requests to /chatkit and /api/*, on SQLite and PostgreSQL.

Whatever the body: never a 500, never a stack trace, a stream that is always complete
and well formed, and a refused request leaves every row of the database as it was.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from returndesk.settings import Settings
from returndesk.store.sql.migrate import upgrade
from tests.conftest import postgres_database_from
from tests.support.chatkit_client import parse_sse, user_input
from tests.support.fingerprint import fingerprint_now
from tests.support.servers import Server, run_cli

# One worker runs each database's server, and the examples share it.
pytestmark = pytest.mark.xdist_group("fuzz")

DEFAULTS = Settings(_env_file=None)
MAX_DEPTH = DEFAULTS.max_json_depth
MAX_CHARS = DEFAULTS.max_message_chars
MAX_BYTES = DEFAULTS.max_request_bytes
MAX_ITEMS = DEFAULTS.max_items_per_request

REQUEST_TYPES = [
    "threads.create", "threads.add_user_message", "threads.custom_action",
    "threads.add_client_tool_output", "threads.add_structured_input",
    "threads.retry_after_item", "threads.get_by_id", "threads.list", "threads.update",
    "threads.delete", "threads.sync_custom_action", "items.list", "items.feedback",
    "attachments.create", "attachments.delete", "input.transcribe", "threads.explode",
]  # fmt: skip
ACTION_TYPES = ["verify", "select_items", "confirm", "give_reason", "choose_method", "nope"]
ACCEPTED = {200, 400, 401, 404, 405, 413, 415, 422, 429}
LEAKS = ("Traceback", 'File "/', "sqlalchemy", "asyncpg", "pydantic_core")
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
# Any code point: lone surrogates, NUL and other controls, private use, unassigned.
any_text = st.text(st.characters(exclude_categories=()), max_size=30) | st.sampled_from(
    ["\x00", "a\x00b", "\ud800", "\udfff", "x\ud83dy", "\ufeff", "\u202eevil", "\U0010ffff"]
)
extreme_numbers = st.sampled_from(
    ["9223372036854775808", "-9223372036854775809", "1" + "0" * 400, "1e999", "-1e999",
     "1e-999", "NaN", "Infinity", "-0", "0.0000000000000000000000001", "123456789" * 600]
)  # fmt: skip


@dataclass
class Target:
    """A real server on one database, and a visitor who has a thread with a card on it."""

    server: Server
    client: httpx.Client
    thread_id: str = ""
    widget_id: str = ""
    message_id: str = ""
    log_offset: int = 0
    # The database as the last request left it.
    fingerprint: dict[str, str] = field(default_factory=dict, repr=False)

    def post(self, body: bytes | str, path: str = "/chatkit") -> httpx.Response:
        response = self.client.post(path, content=body)
        check_response(response)
        after = fingerprint_now(self.server.database_url)
        if response.status_code >= 400:
            assert after == self.fingerprint, response.text[:300]
        self.fingerprint = after
        self.check_log()
        return response

    def check_log(self) -> None:
        log = Path(self.server.log_path).read_text()
        assert "Traceback" not in log[self.log_offset :], log[self.log_offset :][-3000:]
        self.log_offset = len(log)

    def templates(self) -> dict[str, dict[str, Any]]:
        """One well-formed body per request type, naming this visitor's own thread and items."""
        thread, widget, message = self.thread_id, self.widget_id, self.message_id
        action = {"type": "verify", "payload": {"email": "someone@example.com"}}
        bodies: dict[str, dict[str, Any]] = {
            "threads.create": {"input": user_input("I want to return my shoes")},
            "threads.add_user_message": {"thread_id": thread, "input": user_input("hello")},
            "threads.custom_action": {"thread_id": thread, "item_id": widget, "action": action},
            "threads.sync_custom_action": {
                "thread_id": thread,
                "item_id": widget,
                "action": action,
            },
            "threads.add_client_tool_output": {"thread_id": thread, "result": {"ok": "yes"}},
            "threads.add_structured_input": {
                "thread_id": thread,
                "item_id": widget,
                "input": {"status": "answered", "answers": {"q": {"values": ["a"]}}},
            },
            "threads.retry_after_item": {"thread_id": thread, "item_id": message},
            "threads.get_by_id": {"thread_id": thread},
            "threads.list": {"limit": 5, "order": "desc", "after": thread},
            "threads.update": {"thread_id": thread, "title": "My return"},
            "threads.delete": {"thread_id": "thr_someone_elses"},
            "items.list": {"thread_id": thread, "limit": 10, "order": "asc", "after": message},
            "items.feedback": {"thread_id": thread, "item_ids": [message], "kind": "positive"},
            "attachments.create": {"name": "photo.jpg", "size": 10, "mime_type": "image/jpeg"},
            "attachments.delete": {"attachment_id": "atc_1"},
            "input.transcribe": {"audio_base64": "AAAA", "mime_type": "audio/webm"},
        }
        return {
            kind: {"type": kind, "params": params, "metadata": {"source": "fuzz"}}
            for kind, params in bodies.items()
        }


def check_response(response: httpx.Response) -> None:
    assert response.status_code in ACCEPTED, (response.status_code, response.text[:300])
    assert not any(leak in response.text for leak in LEAKS), response.text[:500]
    content_type = response.headers.get("content-type", "")
    if content_type.startswith("application/json") and response.status_code >= 400:
        assert response.json()["error"]["message"]
    if content_type.startswith("text/event-stream"):
        # Complete and well formed: every block an event, none cut short.
        assert response.text.endswith("\n\n"), response.text[-300:]
        blocks = response.text.removesuffix("\n\n").split("\n\n")
        assert all(block.startswith("data: ") for block in blocks), response.text[:300]
        assert len(parse_sse(response.text)) == len(blocks)


def string_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Where a string can go: every string leaf, and every key as ("key", path)."""
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, child in value.items():
            if path or key != "type":
                yield ("key", (*path, key))
            yield from string_paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from string_paths(child, (*path, index))


def leaf_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from leaf_paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from leaf_paths(child, (*path, index))
    elif path and path != ("type",):
        yield path


def replaced(body: dict[str, Any], where: tuple[Any, ...], new: Any) -> dict[str, Any]:
    changed = copy.deepcopy(body)
    if where and where[0] == "key" and len(where) == 2:
        *parents, key = where[1]
        node = changed
        for part in parents:
            node = node[part]
        node[new] = node.pop(key)
        return changed
    *parents, last = where
    node = changed
    for part in parents:
        node = node[part]
    node[last] = new
    return changed


def nested(depth: int) -> str:
    """JSON text `depth` containers deep, objects and arrays in turn (built as text:
    Python's own encoder would give up before the server is tested)."""
    opening = "".join('{"k":' if level % 2 else "[" for level in range(depth))
    closing = "".join("}" if level % 2 else "]" for level in reversed(range(depth)))
    return opening + '"deep"' + closing


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Target]:
    folder = tmp_path_factory.mktemp(f"fuzz_{request.param}")
    with _database(request, folder) as url:
        run_cli(url, "seed", "demo", "--no-history")
        served = Server(url, folder, "fuzz")
        served.start()
        client = httpx.Client(base_url=served.base_url, timeout=30)
        try:
            yield _with_a_thread(Target(served, client))
        finally:
            client.close()
            served.stop()


def _database(request: pytest.FixtureRequest, folder: Path) -> AbstractContextManager[str]:
    if request.param == "postgres":
        return postgres_database_from(request.getfixturevalue("postgres_template"))
    url = f"sqlite+aiosqlite:///{folder / 'fuzz.db'}"
    upgrade(url)
    return nullcontext(url)


def _with_a_thread(target: Target) -> Target:
    created = target.client.post(
        "/chatkit",
        content=json.dumps({"type": "threads.create", "params": {"input": user_input("hi")}}),
    )
    events = parse_sse(created.text)
    target.thread_id = events[0]["thread"]["id"]
    items = [event["item"] for event in events if event["type"] == "thread.item.done"]
    target.message_id = next(item["id"] for item in items if item["type"] == "user_message")
    target.widget_id = next(item["id"] for item in items if item["type"] == "widget")
    target.fingerprint = fingerprint_now(target.server.database_url)
    target.check_log()
    return target


@st.composite
def chatkit_bodies(draw: st.DrawFn) -> Any:
    thread_id = draw(st.sampled_from(["thr_missing", "", "x" * 300, draw(st.text(max_size=20))]))
    user_message = draw(
        st.fixed_dictionaries(
            {
                "content": st.lists(
                    st.fixed_dictionaries(
                        {"type": st.just("input_text"), "text": st.text(max_size=60)}
                    ),
                    max_size=2,
                )
            },
            optional={
                "attachments": st.lists(json_values, max_size=2),
                "inference_options": json_values,
            },
        )
    )
    params = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "thread_id": st.just(thread_id),
                "input": st.just(user_message) | json_values,
                "item_id": st.text(max_size=20),
                "action": st.fixed_dictionaries(
                    {"type": st.sampled_from(ACTION_TYPES), "payload": json_values}
                ),
                "limit": st.integers() | st.text(max_size=5),
                "order": st.sampled_from(["asc", "desc", "sideways"]),
                "after": st.text(max_size=10),
            },
        )
    )
    return draw(
        st.one_of(
            st.fixed_dictionaries(
                {"type": st.sampled_from(REQUEST_TYPES), "params": st.just(params)}
            ),
            json_values,
        )
    )


FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@FUZZ
@given(body=chatkit_bodies())
def test_random_requests(target: Target, body: Any) -> None:
    target.post(json.dumps(body))


@FUZZ
@given(raw=st.binary(max_size=200))
def test_random_bytes(target: Target, raw: bytes) -> None:
    target.post(raw)


@FUZZ
@given(
    path=st.sampled_from(["/api/branding", "/api/usage", "/api/nothing", "/metrics"]),
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    body=st.binary(max_size=50),
)
def test_api_routes(target: Target, path: str, method: str, body: bytes) -> None:
    check_response(target.client.request(method, path, content=body))
    target.check_log()


@FUZZ
@given(number=any_text | st.from_regex(r"R-[0-9A-Z]{8}", fullmatch=True))
def test_any_text_as_a_return_number_in_a_label_address(target: Target, number: str) -> None:
    address = f"/returns/{quote(number, safe='', errors='surrogatepass')}/label"
    check_response(target.client.get(address))
    target.check_log()


@FUZZ
@given(data=st.data(), kind=st.sampled_from(REQUEST_TYPES[:-1]), text=any_text)
def test_any_code_point_in_any_string_field(
    target: Target, data: st.DataObject, kind: str, text: str
) -> None:
    """Surrogates and NUL, in any string or key of any request type, are refused up front."""
    body = target.templates()[kind]
    where = data.draw(st.sampled_from(list(string_paths(body))))
    # ensure_ascii writes a lone surrogate as the `\\ud800` escape a hostile client would send.
    response = target.post(json.dumps(replaced(body, where, text), ensure_ascii=True))
    if UNSTORABLE.search(text):
        assert response.status_code == 400, response.text[:300]


@FUZZ
@given(data=st.data(), kind=st.sampled_from(REQUEST_TYPES[:-1]))
def test_text_just_over_the_limit_in_any_string_field(
    target: Target, data: st.DataObject, kind: str
) -> None:
    body = target.templates()[kind]
    where = data.draw(st.sampled_from(list(string_paths(body))))
    response = target.post(json.dumps(replaced(body, where, "a" * (MAX_CHARS + 1))))
    assert response.status_code == 400
    assert f"at most {MAX_CHARS} characters" in response.json()["error"]["message"]


@FUZZ
@given(
    data=st.data(),
    kind=st.sampled_from(REQUEST_TYPES[:-1]),
    depth=st.integers(1, 4 * MAX_DEPTH) | st.integers(900, 5000),
)
def test_nesting_depth(target: Target, data: st.DataObject, kind: str, depth: int) -> None:
    """Too deep anywhere is a 400 that says so; within the limit, depth alone refuses nothing."""
    body = target.templates()[kind]
    where = data.draw(st.sampled_from(list(leaf_paths(body))))
    text = json.dumps(replaced(body, where, "@@DEEP@@")).replace('"@@DEEP@@"', nested(depth))
    # The leaf sits inside one container per step of its path.
    total_depth = len(where) + depth
    response = target.post(text)
    too_deep = "nested more than" in response.text
    assert too_deep == (total_depth > MAX_DEPTH), (total_depth, response.text[:200])
    if too_deep:
        assert response.status_code == 400


@FUZZ
@given(data=st.data(), kind=st.sampled_from(REQUEST_TYPES[:-1]), number=extreme_numbers)
def test_numbers_of_extreme_size(
    target: Target, data: st.DataObject, kind: str, number: str
) -> None:
    body = target.templates()[kind]
    where = data.draw(st.sampled_from(list(leaf_paths(body))))
    text = json.dumps(replaced(body, where, "@@NUMBER@@")).replace('"@@NUMBER@@"', number)
    target.post(text)


def test_a_body_just_over_the_byte_limit_is_refused(target: Target) -> None:
    body = target.templates()["threads.add_user_message"]
    body["metadata"] = {"pad": ""}
    body["metadata"]["pad"] = "a" * (MAX_BYTES + 1 - len(json.dumps(body)))
    raw = json.dumps(body).encode()
    assert len(raw) == MAX_BYTES + 1
    assert target.post(raw).status_code == 413


def test_one_item_over_the_limit_is_refused(target: Target) -> None:
    body = target.templates()["threads.custom_action"]
    body["params"]["action"] = {
        "type": "select_items",
        "payload": {"items": [f"line-{index}" for index in range(MAX_ITEMS + 1)]},
    }
    response = target.post(json.dumps(body))
    assert response.status_code == 400
    assert f"At most {MAX_ITEMS} items" in response.json()["error"]["message"]
