"""One request at a time per thread, across every process sharing the database.

On PostgreSQL a session-level advisory lock keyed by the thread id queues
concurrent turns of one thread, so two clicks never interleave their reads
and writes. The locks live on a pool of their own: a request waiting for a
lock then never holds a connection the request holding it needs.

SQLite needs no lock: every write transaction there takes the database's
write lock, and each turn's state write is checked against the version it
read, so a turn that lost a race is told so and changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

# Waiting turns of busy threads, per process; more wait for a connection instead.
LOCK_POOL_SIZE = 20


def lock_key(thread_id: str) -> int:
    """A stable signed 64-bit key for the thread (advisory locks take a bigint)."""
    digest = hashlib.blake2b(thread_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class ThreadLocks:
    def __init__(self, database_url: str) -> None:
        self.engine: AsyncEngine | None = None
        if database_url.startswith("postgresql"):
            self.engine = create_async_engine(
                database_url, pool_size=LOCK_POOL_SIZE, max_overflow=LOCK_POOL_SIZE
            )

    @asynccontextmanager
    async def hold(self, thread_id: str) -> AsyncIterator[None]:
        if self.engine is None:
            yield
            return
        key = lock_key(thread_id)
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            await connection.commit()
            try:
                yield
            finally:
                await connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                await connection.commit()

    async def close(self) -> None:
        if self.engine is not None:
            await self.engine.dispose()
