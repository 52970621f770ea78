"""The returns queue: what each filter and search finds, page after page, against the
same returns filtered here by hand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from returndesk.operations.context import Operations
from tests.conftest import DEMO_NOW
from tests.support.queue_rows import add_returns
from tests.support.sql_store import sql_sessions
from tests.support.staff import StaffConsole

QUEUE = "/staff/api/returns"
Row = dict[str, Any]


@pytest.fixture
async def written(ops: Operations) -> list[Row]:
    return await add_returns(sql_sessions(ops.storage), 400, end=DEMO_NOW, days=30)


async def whole_queue(agent: StaffConsole, **params: Any) -> list[str]:
    """Every page of the queue for these filters, by following the cursors."""
    shown: list[str] = []
    cursor = None
    while True:
        asked = dict(params, limit=25) if cursor is None else dict(params, limit=25, cursor=cursor)
        response = await agent.get(QUEUE, **asked)
        assert response.status_code == 200, response.text
        page = response.json()
        shown.extend(entry["rma"] for entry in page["returns"])
        cursor = page["next_cursor"]
        if cursor is None:
            return shown


def newest_first(rows: list[Row], keep: Callable[[Row], bool]) -> list[str]:
    kept = sorted((r for r in rows if keep(r)), key=lambda r: (r["created_at"], r["rma"]))
    return [row["rma"] for row in reversed(kept)]


async def test_pages_cover_the_queue_once_newest_first(
    agent: StaffConsole, written: list[Row]
) -> None:
    shown = await whole_queue(agent)

    assert shown == newest_first(written, lambda row: True)
    assert len(set(shown)) == len(written)


async def test_filters_combine(agent: StaffConsole, written: list[Row]) -> None:
    since = (DEMO_NOW - timedelta(days=12)).date()
    until = (DEMO_NOW - timedelta(days=2)).date()

    shown = await whole_queue(
        agent,
        status="closed,in_transit,received",
        resolution=["REFUND", "STORE_CREDIT"],
        method="PREPAID_LABEL",
        **{"from": since.isoformat(), "to": until.isoformat()},
        min="100",
        max="1500.50",
    )

    expected = newest_first(
        written,
        lambda r: (
            r["status"] in {"closed", "in_transit", "received"}
            and r["resolution"] in {"REFUND", "STORE_CREDIT"}
            and r["method"] == "PREPAID_LABEL"
            and since <= r["created_at"].date() <= until
            and 10_000 <= r["items_total_cents"] <= 150_050
        ),
    )
    assert expected
    assert shown == expected


async def test_the_review_queue_and_its_count(agent: StaffConsole, written: list[Row]) -> None:
    page = (await agent.get(QUEUE, status="needs_review")).json()

    waiting = newest_first(written, lambda r: r["status"] == "needs_review")
    assert waiting
    assert page["waiting_for_review"] == len(waiting)
    assert [entry["rma"] for entry in page["returns"]] == waiting


async def test_search_finds_by_return_order_email_and_name(
    agent: StaffConsole, written: list[Row], ops: Operations
) -> None:
    sample = written[17]
    first = (await agent.get(QUEUE, q=sample["rma"].lower().replace("-", ""))).json()["returns"]
    assert [entry["rma"] for entry in first] == [sample["rma"]]
    customer = first[0]
    by_order = await whole_queue(agent, q=sample["order_id"].lstrip("#"))
    assert by_order == newest_first(written, lambda r: r["order_id"] == sample["order_id"])
    by_customer = newest_first(written, lambda r: r["customer_id"] == sample["customer_id"])
    assert await whole_queue(agent, q=customer["customer_email"].upper()) == by_customer
    named = await whole_queue(agent, q=f"  {customer['customer_name'].lower()} ")
    assert set(by_customer) <= set(named)
    assert await whole_queue(agent, q="nobody@example.com") == []


@pytest.mark.parametrize(
    "params",
    [
        {"status": "lost"},
        {"resolution": "REFUND,MONEY"},
        {"method": "PIGEON"},
        {"from": "yesterday"},
        {"to": "2026-13-01"},
        {"min": "ten dollars"},
        {"max": "1.001"},
        {"limit": "0"},
        {"limit": "-5"},
        {"limit": "9999"},
        {"cursor": "not-a-cursor"},
        {"cursor": "W1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1s"},
        {"cursor": "x" * 5000},
    ],
)
async def test_a_bad_filter_is_a_clear_400(agent: StaffConsole, params: dict[str, str]) -> None:
    response = await agent.get(QUEUE, **params)

    assert response.status_code == 400
    assert response.json()["error"]["message"]
