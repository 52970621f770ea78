"""Engine and session factory for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import ORMExecuteState, Session

from returndesk.errors import ConfigurationError
from returndesk.store.commits import count_commit
from returndesk.store.sql.sqlite_driver import InlineSQLiteDBAPI

SessionFactory = async_sessionmaker[AsyncSession]

# How long a writer waits for another (of this process or another one) before giving up.
WRITE_WAIT_SECONDS = 30

# Marks a session that only reads; see `reading`.
_READ_ONLY = "returndesk_read_only"
# Marks a transaction that writes only conversations (threads, items, flow states).
_CONVERSATION_ONLY = "returndesk_conversation_only"


def _count_commit(connection: Any) -> None:
    if not connection.get_execution_options().get(_CONVERSATION_ONLY):
        count_commit()


def create_engine(database_url: str, *, echo: bool = False) -> AsyncEngine:
    if database_url.startswith("sqlite"):
        engine = create_async_engine(
            database_url,
            echo=echo,
            # Writers from several processes wait for each other instead of failing.
            # Statements run on the event loop's thread; aiosqlite's opens and closes the
            # connection (sqlite_driver.py).
            connect_args={"timeout": WRITE_WAIT_SECONDS, "check_same_thread": False},
            # SQLite on the event loop, without a hop to a thread per statement.
            module=InlineSQLiteDBAPI(),
            # Each connection is a thread of aiosqlite's; opening one per request beyond
            # the pool (the default overflow) cost more than the request under load.
            pool_size=20,
            max_overflow=20,
        )
        event.listen(engine.sync_engine, "connect", _configure_sqlite)
        event.listen(engine.sync_engine, "begin", _begin_immediately)
        event.listen(engine.sync_engine, "commit", _count_commit)
        return engine
    if database_url.startswith("postgresql+asyncpg"):
        engine = create_async_engine(database_url, echo=echo, pool_pre_ping=True, pool_size=10)
        event.listen(engine.sync_engine, "commit", _count_commit)
        return engine
    raise ConfigurationError(
        "RETURNDESK_DATABASE_URL must start with sqlite+aiosqlite:// or postgresql+asyncpg://"
    )


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={WRITE_WAIT_SECONDS * 1000}")
    cursor.close()
    # The driver's own implicit BEGIN is replaced by `_begin_immediately`.
    dbapi_connection.isolation_level = None


def _begin_immediately(connection: Any) -> None:
    """Take SQLite's write lock when a transaction starts, not at its first write.

    A deferred transaction that reads and then writes fails with "database is
    locked" when another process wrote in between, whatever the busy timeout;
    an immediate one waits its turn instead. This is how check-then-write
    commands (create a return, cancel an order) stay race-free across processes.

    Sessions opened by `reading` never write, so they take no lock: in WAL mode
    a deferred transaction reads one consistent snapshot while writers go on,
    instead of queueing every reader behind every writer.
    """
    if connection.get_execution_options().get(_READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_session_factory(engine: AsyncEngine) -> SessionFactory:
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def reading(sessions: SessionFactory) -> AsyncIterator[AsyncSession]:
    """A session for reads only: one snapshot, no write lock on SQLite, rolled back at the end.

    Never write through it: on SQLite a write in a deferred transaction fails
    when another process wrote since its snapshot. Check-then-write work
    belongs in `transaction`.
    """
    async with sessions(execution_options={_READ_ONLY: True}) as session:
        yield session


@asynccontextmanager
async def reading_connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A Core connection for reads only, as `reading` is for sessions: no write lock."""
    async with engine.connect() as connection:
        yield await connection.execution_options(**{_READ_ONLY: True})


class ReadOnlySession(RuntimeError):
    """A write was attempted through a session opened by `reading`."""


@event.listens_for(Session, "before_flush")
def _refuse_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.execution_options.get(_READ_ONLY):
        raise ReadOnlySession("this session only reads; write in `transaction` instead")


@event.listens_for(Session, "do_orm_execute")
def _refuse_writes(state: ORMExecuteState) -> None:
    writes = state.is_insert or state.is_update or state.is_delete
    if writes and state.session.execution_options.get(_READ_ONLY):
        raise ReadOnlySession("this session only reads; write in `transaction` instead")


@asynccontextmanager
async def transaction(
    sessions: SessionFactory, *, conversation_only: bool = False
) -> AsyncIterator[AsyncSession]:
    """One unit of work: committed when the block ends, rolled back if it raises.

    `conversation_only` says it writes nothing but threads, items and flow states,
    so what requests have read of customers, orders and returns stays current.
    """
    options = {_CONVERSATION_ONLY: True} if conversation_only else {}
    async with (
        _one_writer(sessions),
        sessions(execution_options=options) as session,
        session.begin(),
    ):
        yield session


class WriteLockTimeout(RuntimeError):
    """A writer of this process waited the busy timeout for another one to finish."""


class NestedWrite(RuntimeError):
    """A write transaction was opened inside another one of the same task on SQLite."""


class _Writers:
    """SQLite's write lock, queued for in this process.

    SQLite lets one writer in at a time; the others wait in its busy handler,
    which sleeps in steps that grow to 100 ms, so under a few concurrent
    shoppers most of a slow click was spent asleep. Writers of one process
    queue here instead and are let in the moment the previous one commits.
    Other processes still meet SQLite's own lock, as before.
    """

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.holder: asyncio.Task[Any] | None = None


# Per engine and per event loop: an asyncio lock belongs to one loop.
_WRITERS: weakref.WeakKeyDictionary[
    Engine, weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Writers]
] = weakref.WeakKeyDictionary()


@asynccontextmanager
async def _one_writer(sessions: SessionFactory) -> AsyncIterator[None]:
    bind = sessions.kw.get("bind")
    if not isinstance(bind, AsyncEngine) or bind.dialect.name != "sqlite":
        yield
        return
    loops = _WRITERS.setdefault(bind.sync_engine, weakref.WeakKeyDictionary())
    writers = loops.setdefault(asyncio.get_running_loop(), _Writers())
    task = asyncio.current_task()
    if task is not None and writers.holder is task:
        # It would wait for itself: SQLite allows no second writer on another connection.
        raise NestedWrite("a write transaction is already open in this task")
    try:
        async with asyncio.timeout(WRITE_WAIT_SECONDS):
            await writers.lock.acquire()
    except TimeoutError:
        # As SQLite would say it: a writer that never finishes must not hang the rest.
        raise WriteLockTimeout(
            f"database is locked: waited {WRITE_WAIT_SECONDS} s for another write"
        ) from None
    writers.holder = task
    try:
        yield
    finally:
        writers.holder = None
        writers.lock.release()
