"""Live delivery across processes, side by side on SQLite and PostgreSQL.

This process writes live events into the database, as another app process
does when a member of the team replies; a real `returndesk serve` process
passes them to a browser's stream (`GET /staff/api/live`, read over HTTP here).
The figure is the time from the start of the writing transaction to the
event's arrival at the client: what a shopper waits between a reply being sent and it
showing, beyond the reply's own request. On SQLite the server reads the table
every 0.2 s; on PostgreSQL NOTIFY wakes it.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import time
from pathlib import Path

import httpx

from bench.http_bench import RETURNDESK, _serve
from bench.measure import Latencies, Results
from bench.scratch_postgres import scratch_database
from returndesk.domain import load_policy
from returndesk.domain.staff import StaffRole
from returndesk.operations.context import Operations
from returndesk.operations.staff_accounts import add_staff
from returndesk.store.port.live_events import Audience
from returndesk.store.sql.storage import SqlStorage

EVENTS = 200
PASSWORD = "bench-password-long-enough"


async def _deliveries(database_url: str, workdir: Path) -> Latencies:
    env = {**os.environ, "RETURNDESK_DATABASE_URL": database_url}
    await asyncio.to_thread(
        subprocess.run,
        [str(RETURNDESK), "db", "upgrade"],
        env=env,
        check=True,
        capture_output=True,
    )
    storage = SqlStorage(database_url)
    ops = Operations(storage, load_policy())
    await add_staff(
        ops, email="bench@example.com", name="Bench", role=StaffRole.AGENT, password=PASSWORD
    )
    sent: dict[int, float] = {}
    arrived: asyncio.Queue[tuple[int, float]] = asyncio.Queue()
    took: dict[int, float] = {}
    try:
        with _serve(database_url, workdir) as url:
            async with httpx.AsyncClient(base_url=url, timeout=None) as http:
                signed = await http.post(
                    "/staff/api/session", json={"email": "bench@example.com", "password": PASSWORD}
                )
                signed.raise_for_status()
                async with http.stream("GET", "/staff/api/live") as stream:
                    reading = asyncio.create_task(_read(stream, arrived))
                    for n in range(EVENTS):
                        # From before the write: its arrival can beat the commit's return.
                        sent[n] = time.perf_counter()
                        async with storage.transaction() as repositories:
                            await repositories.live_events.publish(
                                at=ops.clock(),
                                audience=Audience.STAFF,
                                thread_id=None,
                                kind="bench",
                                data={"n": n},
                            )
                        # One at a time, as replies come: each waits for its own wake-up.
                        heard, at = await arrived.get()
                        took[heard] = at - sent[heard]
                    reading.cancel()
    finally:
        await storage.close()
    return Latencies(tuple(took[n] * 1000 for n in range(EVENTS)))


async def _read(stream: httpx.Response, arrived: asyncio.Queue[tuple[int, float]]) -> None:
    async for line in stream.aiter_lines():
        if line.startswith("data: "):
            data = json.loads(line[6:])
            if "n" in data:
                arrived.put_nowait((data["n"], time.perf_counter()))


async def run(results: Results, workdir: Path) -> None:
    sqlite = await _deliveries(f"sqlite+aiosqlite:///{workdir / 'live.db'}", workdir)
    _report(results, "SQLite (read every 0.2 s)", sqlite)
    async with scratch_database(results, "live delivery") as url:
        if url is not None:
            _report(results, "PostgreSQL (LISTEN/NOTIFY)", await _deliveries(url, workdir))


def _report(results: Results, name: str, latencies: Latencies) -> None:
    results.add("live delivery", f"{name}: write to browser p50", latencies.p50, "ms")
    results.add("live delivery", f"{name}: write to browser p99", latencies.p99, "ms", "< 1000")
