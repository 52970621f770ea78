"""SQLAlchemy's aiosqlite adapter, with statements run on the event loop itself.

aiosqlite runs SQLite in a thread of its own, and every call hops to that
thread and back. SQLAlchemy's adapter makes four hops per statement (open a
cursor, execute, fetch the rows, close the cursor), and a hop costs more than
this app's statements do: a quarter of a millisecond of waking threads against
tens of microseconds of SQLite. So statements, commits and rollbacks run right
here; aiosqlite only opens and closes connections. Rows, row counts, errors and
transactions are the driver's own.

Only one statement could wait long: taking the write lock while another
process writes. It is retried after short pauses instead, so the loop goes on
(`_taking_write_lock`). In WAL mode readers never wait for writers.

The price: a statement runs on the event loop, so a slow one (a big scan)
holds up other requests for its length. This app's statements are indexed
look-ups; the scaled-store benchmark (1M orders) times the slowest.

It uses the same aiosqlite internals SQLAlchemy's own adapter does (the
connection's `_conn`), so it is tied to the pinned versions of both;
tests/unit/store/test_db.py holds it to the behaviour the store relies on.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT

# What one statement leaves behind: description, rows, row count, last row id.
_Outcome = tuple[Any, list[Any], int, int | None]


class InlineSQLiteCursor(AsyncAdapt_aiosqlite_cursor):
    __slots__ = ("_arraysize", "_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: AsyncAdapt_aiosqlite_connection) -> None:
        # No aiosqlite cursor: each statement opens and closes a sqlite3 one in the thread.
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None
        self._arraysize = 1
        self._cursor = None  # type: ignore[assignment]

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> Any:
        return self._lastrowid

    @property
    def arraysize(self) -> int:
        return self._arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._arraysize = value

    def nextset(self) -> None:
        # sqlite3 has one result set per statement.
        return None

    def setinputsizes(self, *inputsizes: Any) -> None:
        return None

    async def _async_soft_close(self) -> None:
        return None

    def close(self) -> None:
        self._rows.clear()

    async def _execute_async(self, operation: Any, parameters: Any) -> Any:
        connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
        raw = connection._conn

        def run() -> _Outcome:
            cursor = raw.cursor()
            try:
                if parameters is None:
                    cursor.execute(operation)
                else:
                    cursor.execute(operation, parameters)
                description = cursor.description
                rows = cursor.fetchall() if description else []
                return description, rows, cursor.rowcount, cursor.lastrowid
            finally:
                cursor.close()

        async with self._adapt_connection._execute_mutex:
            if operation.startswith(("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE")):
                outcome = await _taking_write_lock(raw, run)
            else:
                outcome = run()
        self._description, rows, self._rowcount, self._lastrowid = outcome
        self._rows = deque(rows)
        return None

    async def _executemany_async(self, operation: Any, seq_of_parameters: Sequence[Any]) -> Any:
        connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
        raw = connection._conn

        def run() -> tuple[int, int | None]:
            cursor = raw.cursor()
            try:
                cursor.executemany(operation, seq_of_parameters)
                return cursor.rowcount, cursor.lastrowid
            finally:
                cursor.close()

        async with self._adapt_connection._execute_mutex:
            counts = run()
        self._rowcount, self._lastrowid = counts
        self._description = None
        return None


# How long a writer first waits for another process's write lock before trying again,
# and the longest pause between tries.
_FIRST_PAUSE = 0.0005
_LONGEST_PAUSE = 0.005


async def _taking_write_lock(raw: sqlite3.Connection, run: Callable[[], _Outcome]) -> _Outcome:
    """Run a statement that takes the write lock, waiting for another process's writer.

    SQLite's own busy handler would sleep on the event loop, stopping every
    request, and in steps growing to 100 ms; instead the lock is tried without
    waiting, and tried again after short pauses in which the loop goes on,
    for as long as the connection's busy timeout allows.
    """
    patience_ms = int(raw.execute("PRAGMA busy_timeout").fetchone()[0])
    raw.execute("PRAGMA busy_timeout=0")
    try:
        deadline = time.monotonic() + patience_ms / 1000
        pause = _FIRST_PAUSE
        while True:
            try:
                return run()
            except sqlite3.OperationalError as error:
                # Extended codes (such as SQLITE_BUSY_RECOVERY) carry the primary in the low byte.
                busy = error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY
                if not busy or time.monotonic() >= deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)
    finally:
        raw.execute(f"PRAGMA busy_timeout={patience_ms}")


class InlineSQLiteConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()
    _cursor_cls = InlineSQLiteCursor  # type: ignore[assignment]

    def commit(self) -> None:
        # The request waits for its commit either way; a hop to the thread would only
        # add to it. (Now and then a commit checkpoints the write-ahead log.)
        self._end(sqlite3.Connection.commit)

    def rollback(self) -> None:
        self._end(sqlite3.Connection.rollback)

    def _end(self, how: Callable[[sqlite3.Connection], None]) -> None:
        raw = self._open()
        if raw is None:
            return
        try:
            how(raw)
        except Exception as error:
            self._handle_exception(error)

    def _open(self) -> sqlite3.Connection | None:
        """The sqlite3 connection, or None once closed (nothing to commit or roll back then,
        as the stock adapter treats it)."""
        connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
        return None if connection._connection is None else connection._conn


class InlineSQLiteDBAPI(AsyncAdapt_aiosqlite_dbapi):
    """Pass as `module=` to `create_async_engine` for a sqlite+aiosqlite URL."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)

    def connect(self, *arg: Any, **kw: Any) -> InlineSQLiteConnection:
        adapted = super().connect(*arg, **kw)
        return InlineSQLiteConnection(self, adapted._connection)
