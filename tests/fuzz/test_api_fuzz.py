"""Malformed and random requests to /chatkit and /api/*: never a 500, never a stack trace,
and the store's records unchanged."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from returndesk.store.db import create_engine
from returndesk.store.migrate import upgrade
from returndesk.store.tables import (
    CustomerRow,
    OrderRow,
    PaymentMethodRow,
    PaymentTransactionRow,
    ReturnRow,
)
from tests.support.servers import Server, run_cli

# One worker runs the whole module, so the last test sees what the others did.
pytestmark = pytest.mark.xdist_group("fuzz")

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

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def chatkit_bodies(draw: st.DrawFn) -> Any:
    thread_id = draw(st.sampled_from(["thr_missing", "", "x" * 300, draw(st.text(max_size=20))]))
    user_input = draw(
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
                "input": st.just(user_input) | json_values,
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


async def _store_counts(url: str) -> tuple[int, ...]:
    engine = create_engine(url)
    async with engine.connect() as connection:
        counts = []
        for table in (CustomerRow, OrderRow, PaymentMethodRow, PaymentTransactionRow, ReturnRow):
            counts.append(
                (await connection.execute(select(func.count()).select_from(table))).scalar_one()
            )
    await engine.dispose()
    return tuple(counts)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite+aiosqlite:///{folder / 'fuzz.db'}"
    upgrade(url)
    run_cli(url, "seed", "demo")
    served = Server(url, folder, "fuzz")
    served.start()
    yield served
    served.stop()


def _check(response: httpx.Response) -> None:
    assert response.status_code in ACCEPTED, (response.status_code, response.text[:300])
    assert not any(leak in response.text for leak in LEAKS), response.text[:500]
    if (
        response.headers.get("content-type", "").startswith("application/json")
        and response.status_code >= 400
    ):
        assert response.json()["error"]["message"]


@settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(body=chatkit_bodies())
def test_chatkit_never_fails_on_random_requests(server: Server, body: Any) -> None:
    response = httpx.post(f"{server.base_url}/chatkit", content=json.dumps(body), timeout=30)
    _check(response)


@settings(max_examples=60, deadline=None, database=None)
@given(raw=st.binary(max_size=200))
def test_chatkit_never_fails_on_random_bytes(server: Server, raw: bytes) -> None:
    _check(httpx.post(f"{server.base_url}/chatkit", content=raw, timeout=30))


@settings(max_examples=40, deadline=None, database=None)
@given(
    path=st.sampled_from(["/api/branding", "/api/usage", "/api/nothing", "/metrics"]),
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    body=st.binary(max_size=50),
)
def test_api_routes_never_fail(server: Server, path: str, method: str, body: bytes) -> None:
    _check(httpx.request(method, f"{server.base_url}{path}", content=body, timeout=30))


def test_the_store_is_unchanged_by_fuzzing(server: Server) -> None:
    """Runs last in this module: the store's records are as the demo loaded them."""
    counts = asyncio.run(_store_counts(server.database_url))
    assert counts[-1] == 0  # no return was created
    assert counts[:2] == (500, 1000)
    assert "Traceback" not in Path(server.log_path).read_text()
