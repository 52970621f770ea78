"""The store on SQL, behind the storage port: SQLite by default, PostgreSQL for several
processes and machines."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from returndesk.domain import Policy
from returndesk.store.port.errors import Duplicate, Unavailable
from returndesk.store.port.seeding import HistoryCounts, SeedReport
from returndesk.store.sql import db
from returndesk.store.sql.chatkit_store import SQLAlchemyStore
from returndesk.store.sql.demo_history import seed_history
from returndesk.store.sql.migrate import check_schema, upgrade_async
from returndesk.store.sql.repositories.live_events import NOTIFY_CHANNEL
from returndesk.store.sql.seed import is_empty, seed_store
from returndesk.store.sql.thread_lock import ThreadLocks
from returndesk.store.sql.unit_of_work import SqlRepositories

logger = logging.getLogger(__name__)

# Options of SQLAlchemy's asyncpg dialect, which asyncpg itself does not take.
_DIALECT_OPTIONS = frozenset({"prepared_statement_cache_size", "prepared_statement_name_func"})


class SqlStorage:
    def __init__(self, database_url: str, *, echo: bool = False) -> None:
        self.database_url = database_url
        self.engine = db.create_engine(database_url, echo=echo)
        self.sessions = db.create_session_factory(self.engine)
        self.name = self.engine.dialect.name
        self.threads = SQLAlchemyStore[Any](self.sessions)
        self.thread_locks = ThreadLocks(database_url)

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[SqlRepositories]:
        async with db.reading(self.sessions) as session:
            yield SqlRepositories(session)

    @asynccontextmanager
    async def transaction(
        self, *, conversation_only: bool = False
    ) -> AsyncIterator[SqlRepositories]:
        try:
            async with db.transaction(
                self.sessions, conversation_only=conversation_only
            ) as session:
                yield SqlRepositories(session)
        except IntegrityError as exc:
            # A unique key decided a race between two requests; the caller says what it means.
            raise Duplicate(str(exc.orig)) from exc

    async def listen_for_live_events(self, wake: Callable[[], None]) -> LiveListener | None:
        """On PostgreSQL a connection LISTENing for the NOTIFY each publish sends; SQLite has
        no notifications. None also when the connection cannot be made (the feed polls)."""
        if self.name != "postgresql":
            return None
        url = make_url(self.database_url)
        query = {k: v for k, v in url.query.items() if k not in _DIALECT_OPTIONS}
        dsn = url.set(drivername="postgresql", query=query).render_as_string(hide_password=False)
        connection = await asyncpg.connect(dsn)
        try:
            await connection.add_listener(NOTIFY_CHANNEL, lambda *_: wake())
        except BaseException:
            connection.terminate()
            raise
        return LiveListener(connection)

    async def check_schema(self) -> None:
        try:
            await check_schema(self.engine)
        except (SQLAlchemyError, OSError) as exc:
            raise Unavailable(type(exc).__name__) from exc

    async def upgrade(self) -> None:
        await upgrade_async(self.database_url)

    async def is_empty(self) -> bool:
        return await is_empty(self.sessions)

    async def seed(self, folder: Path, *, now: datetime) -> SeedReport:
        return await seed_store(self.sessions, folder, now=now)

    async def seed_history(self, *, now: datetime, policy: Policy) -> HistoryCounts:
        return await seed_history(self.sessions, now=now, policy=policy)

    async def close(self) -> None:
        await self.thread_locks.close()
        await self.engine.dispose()


class LiveListener:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    def close(self) -> None:
        # At once, without a round trip: this runs when the feed is cancelled, too.
        self._connection.terminate()
