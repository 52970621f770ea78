"""A PostgreSQL database made for one benchmark and dropped after it, beside its SQLite run.

Without a server the benchmark's PostgreSQL figures are reported as skipped, with why.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from bench.measure import Results

POSTGRES_ADMIN = os.environ.get(
    "RETURNDESK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


@asynccontextmanager
async def scratch_database(results: Results, benchmark: str) -> AsyncIterator[str | None]:
    """The new database's SQLAlchemy URL; None (and a "skipped" line) without a server."""
    name = f"rd_bench_{benchmark.replace(' ', '_')}_{os.getpid()}"
    admin_url = POSTGRES_ADMIN.replace("postgresql+asyncpg://", "postgresql://")
    try:
        admin = await asyncpg.connect(admin_url, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        results.add(benchmark, f"PostgreSQL skipped: {type(exc).__name__}", 0, "")
        yield None
        return
    await admin.execute(f'CREATE DATABASE "{name}"')
    base = admin_url.replace("postgresql://", "postgresql+asyncpg://").rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
