"""The staff console's returns queue at 1,000,000 returns, on SQLite and on PostgreSQL.

Each query is the whole queue call a page makes (`returns_queue`: one page of 50 and
the review count), timed one after another. Target: p99 ≤ 50 ms each.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from tests.support.queue_rows import add_returns

from bench.measure import Results, time_calls
from bench.scratch_postgres import scratch_database
from returndesk.domain import ReturnStatus, load_policy
from returndesk.operations.context import Operations, utc_now
from returndesk.operations.return_queue import encode_cursor, returns_queue
from returndesk.store.port.return_queue import QueueFilter, QueuePosition
from returndesk.store.seed_format import demo_data_dir
from returndesk.store.sql.migrate import upgrade_async
from returndesk.store.sql.seed import seed_store
from returndesk.store.sql.storage import SqlStorage
from returndesk.store.sql.tables import CustomerRow, ReturnRow

RETURNS = int(os.environ.get("RETURNDESK_BENCH_QUEUE_RETURNS", "1000000"))
# About four returns each, as a store with a million returns would have.
CUSTOMERS = RETURNS // 4
CALLS = 200
PAGE = 50
TARGET = "<= 50 ms"


async def run(results: Results, workdir: Path) -> None:
    await _measure(results, "SQLite", f"sqlite+aiosqlite:///{workdir / 'queue.db'}")
    async with scratch_database(results, "queue") as url:
        if url is not None:
            await _measure(results, "PostgreSQL", url)


async def _measure(results: Results, backend: str, url: str) -> None:
    await upgrade_async(url)
    storage = SqlStorage(url)
    engine, sessions = storage.engine, storage.sessions
    ops = Operations(storage, load_policy())
    try:
        now = utc_now()
        await seed_store(sessions, demo_data_dir(), now=now)
        started = time.perf_counter()
        await add_returns(sessions, RETURNS, end=now, days=365, keep=False, customers=CUSTOMERS)
        results.add(
            "queue", f"{backend}: write {RETURNS:,} returns", time.perf_counter() - started, "s"
        )
        if backend == "PostgreSQL":
            # What autovacuum does soon after a bulk load: statistics for the planner and a
            # visibility map, so counting the review queue reads the index alone.
            async with engine.connect() as connection:
                autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
                await autocommit.exec_driver_sql("VACUUM ANALYZE")
        async with sessions() as session:
            shoppers = select(CustomerRow.email, CustomerRow.first_name, CustomerRow.last_name)
            found = (
                await session.execute(shoppers.where(CustomerRow.id.like("queue_%")).limit(CALLS))
            ).all()
            emails = [email for email, _, _ in found]
            names = [(first, last) for _, first, last in found]
            deep = (
                await session.execute(
                    select(ReturnRow.created_at, ReturnRow.rma)
                    .order_by(ReturnRow.created_at.desc(), ReturnRow.rma.desc())
                    .offset(RETURNS // 2)
                    .limit(1)
                )
            ).one()
        middle = encode_cursor(QueuePosition(deep.created_at, deep.rma))
        month = QueueFilter(
            statuses=(ReturnStatus.CLOSED, ReturnStatus.REFUNDED),
            created_from=now - timedelta(days=60),
            created_before=now - timedelta(days=30),
            min_items_total_cents=5_000,
            max_items_total_cents=50_000,
        )
        cases: dict[str, Callable[[int], Awaitable[object]]] = {
            "newest first": lambda n: returns_queue(
                ops, QueueFilter(), cursor=None, page_size=PAGE
            ),
            "review queue": lambda n: returns_queue(
                ops, QueueFilter(statuses=(ReturnStatus.NEEDS_REVIEW,)), cursor=None, page_size=PAGE
            ),
            "a page half-way down": lambda n: returns_queue(
                ops, QueueFilter(), cursor=middle, page_size=PAGE
            ),
            "statuses, dates and amounts": lambda n: returns_queue(
                ops, month, cursor=None, page_size=PAGE
            ),
            "search by email": lambda n: returns_queue(
                ops, QueueFilter(search=emails[n % len(emails)]), cursor=None, page_size=PAGE
            ),
            "search by name": lambda n: returns_queue(
                ops,
                QueueFilter(search=" ".join(names[n % len(names)])),
                cursor=None,
                page_size=PAGE,
            ),
        }
        for case, call in cases.items():
            latencies = await time_calls(call, CALLS)
            results.add("queue", f"{backend}: {case} p50", latencies.p50, "ms")
            results.add("queue", f"{backend}: {case} p99", latencies.p99, "ms", TARGET)
    finally:
        await storage.close()
