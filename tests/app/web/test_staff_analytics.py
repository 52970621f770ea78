"""The staff dashboard's figures, checked against the seeded history counted here from
the raw rows, by the definitions the dashboard documents."""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select

from returndesk.operations.context import Operations
from returndesk.store.sql.tables import (
    ConversationEventRow,
    HandoffRow,
    ReturnEventRow,
    ReturnRow,
    ThreadRow,
)
from tests.conftest import DEMO_NOW
from tests.support.app import running_app, settings_for
from tests.support.sql_store import sql_session
from tests.support.staff import StaffConsole

ANALYTICS = "/staff/api/analytics"


@pytest.fixture
async def app(history_database_url: str) -> AsyncIterator[FastAPI]:
    """The app on the demo store with its past, at the demo store's day."""
    async with running_app(settings_for(history_database_url), clock=lambda: DEMO_NOW) as app:
        yield app


async def expected(ops: Operations, first: date, last: date) -> dict[str, Any]:
    """The dashboard's figures, computed from every row without the app's queries."""
    async with ops.storage.reading() as repositories:
        session = sql_session(repositories)
        returns = (await session.scalars(select(ReturnRow))).all()
        events = (await session.scalars(select(ReturnEventRow))).all()
        threads = (await session.scalars(select(ThreadRow))).all()
        handoffs = (await session.scalars(select(HandoffRow))).all()
        logged = (await session.scalars(select(ConversationEventRow))).all()

    def within(moment: datetime) -> bool:
        return first <= moment.date() <= last

    made = [r for r in returns if within(r.created_at)]
    per_day = Counter(r.created_at.date() for r in made)
    exchanges = Counter(r.created_at.date() for r in made if r.resolution == "EXCHANGE")
    by_rma = {r.rma: r for r in returns}
    settled = {e.rma for e in events if e.to_status in ("refunded", "exchanged") and within(e.at)}

    def total(resolution: str, field: str) -> Decimal:
        cents = sum(
            getattr(by_rma[rma], field) for rma in settled if by_rma[rma].resolution == resolution
        )
        return Decimal(cents) / 100

    started = {t.id for t in threads if within(t.created_at)}
    handed = {h.thread_id for h in handoffs if h.thread_id in started}
    in_period = [row for row in logged if within(row.at)]
    hours = [
        (e.at - by_rma[e.rma].created_at).total_seconds() / 3600
        for e in events
        if e.to_status == "refunded" and within(e.at)
    ]
    return {
        "per_day": {
            (first + timedelta(days=n)).isoformat(): (
                per_day[first + timedelta(days=n)],
                exchanges[first + timedelta(days=n)],
            )
            for n in range((last - first).days + 1)
        },
        "by_reason": Counter(r.reason_code for r in made),
        "by_method": Counter(r.method or "NONE" for r in made),
        "refunded": total("REFUND", "refund_amount_cents"),
        "store_credit": total("STORE_CREDIT", "refund_amount_cents"),
        "kept_by_exchanges": total("EXCHANGE", "items_total_cents"),
        "kept_by_offers": total("KEEP_WITH_DISCOUNT", "items_total_cents")
        - total("KEEP_WITH_DISCOUNT", "refund_amount_cents"),
        "shown": len({r.thread_id for r in in_period if (r.flow, r.step) == ("return", "offer")}),
        "accepted": len(
            {r.thread_id for r in in_period if r.event == "answer_offer" and r.answers["accept"]}
        ),
        "started": len(started),
        "handed_off": len(handed),
        "failures": sum(1 for r in in_period if r.event == "verify" and r.customer_id is None),
        "median": statistics.median(hours),
    }


@pytest.mark.parametrize("days", [30, 90])
async def test_the_dashboard_agrees_with_the_history_counted_by_hand(
    agent: StaffConsole, ops: Operations, days: int
) -> None:
    last = DEMO_NOW.date()
    first = last - timedelta(days=days - 1)

    shown = await agent.get(ANALYTICS, **{"from": first.isoformat(), "to": last.isoformat()})
    assert shown.status_code == 200, shown.text
    figures = shown.json()
    want = await expected(ops, first, last)

    assert {d["day"]: (d["returns"], d["exchanges"]) for d in figures["per_day"]} == want["per_day"]
    assert sum(d["returns"] for d in figures["per_day"]) > 100
    assert {r["reason"]: r["count"] for r in figures["by_reason"]} == want["by_reason"]
    assert {r["method"]: r["count"] for r in figures["by_method"]} == want["by_method"]
    money = {key: Decimal(value) for key, value in figures["money"].items()}
    assert money == {key: want[key] for key in money}
    assert figures["retention"] == {"shown": want["shown"], "accepted": want["accepted"]}
    assert 0 < want["accepted"] < want["shown"]
    talks = figures["conversations"]
    assert (talks["started"], talks["handed_off"]) == (want["started"], want["handed_off"])
    assert talks["containment"] == pytest.approx(1 - want["handed_off"] / want["started"])
    assert figures["verification_failures"] == want["failures"] > 0
    assert figures["median_hours_to_refund"] == pytest.approx(want["median"])


async def test_every_table_downloads_as_csv_with_the_dashboards_numbers(
    agent: StaffConsole,
) -> None:
    figures = (await agent.get(ANALYTICS)).json()

    per_day = await agent.get(f"{ANALYTICS}/per_day.csv")
    assert per_day.headers["content-type"].startswith("text/csv")
    assert "attachment" in per_day.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(per_day.text)))
    assert rows[0] == ["day", "returns", "exchanges"]
    assert [[d["day"], str(d["returns"]), str(d["exchanges"])] for d in figures["per_day"]] == rows[
        1:
    ]
    assert len(rows) == 31
    money = dict(
        list(csv.reader(io.StringIO((await agent.get(f"{ANALYTICS}/money.csv")).text)))[1:]
    )
    assert money["refunded"] == figures["money"]["refunded"]
    for table in ("by_reason", "by_resolution", "by_method", "conversations"):
        response = await agent.get(f"{ANALYTICS}/{table}.csv")
        assert response.status_code == 200, table
    assert (await agent.get(f"{ANALYTICS}/secrets.csv")).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-03-10", "to": "2026-03-01"},
        {"from": "2024-01-01", "to": "2026-03-01"},
        {"from": "March"},
    ],
)
async def test_a_bad_period_is_a_clear_400(agent: StaffConsole, params: dict[str, str]) -> None:
    response = await agent.get(ANALYTICS, **params)

    assert response.status_code == 400
    assert response.json()["error"]["message"]
