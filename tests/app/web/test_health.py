"""Liveness and readiness probes."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from returndesk.settings import Settings
from tests.support.app import http_client, running_app, settings_for


async def test_healthz_and_readyz_on_a_reachable_database(sqlite_url: str) -> None:
    async with running_app(settings_for(sqlite_url)) as app, http_client(app) as http:
        assert (await http.get("/healthz")).json() == {"status": "ok"}
        ready = await http.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready"}


async def test_readyz_reports_an_unreachable_database() -> None:
    settings: Settings = settings_for("postgresql+asyncpg://nobody@127.0.0.1:9/none")
    async with running_app(settings) as app, http_client(app) as http:
        alive = await http.get("/healthz")
        ready = await http.get("/readyz")
    assert alive.status_code == 200
    assert ready.status_code == 503
    assert ready.json()["status"] == "unavailable"


async def test_readyz_says_a_database_without_tables_needs_an_upgrade(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    empty = f"sqlite+aiosqlite:///{tmp_path / 'never-upgraded.db'}"
    async with running_app(settings_for(empty)) as app, http_client(app) as http:
        ready = await http.get("/readyz")
    assert ready.status_code == 503
    assert "returndesk db upgrade" in ready.json()["detail"]
    # Said at start-up too, for whoever reads the log first.
    assert any("returndesk db upgrade" in record.getMessage() for record in caplog.records)


async def test_readyz_answers_while_another_process_writes(sqlite_url: str) -> None:
    writer = sqlite3.connect(sqlite_url.split("///", 1)[1], isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        async with running_app(settings_for(sqlite_url)) as app, http_client(app) as http:
            async with asyncio.timeout(5):
                ready = await http.get("/readyz")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert ready.status_code == 200
