"""Sessions that only read, writers queued per process, and the SQLite driver that runs
statements on the event loop yet waits for another process's lock without stopping it."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError

from returndesk.store.commits import commits
from returndesk.store.sql.chatkit_store import ITEMS
from returndesk.store.sql.db import (
    NestedWrite,
    ReadOnlySession,
    SessionFactory,
    WriteLockTimeout,
    create_engine,
    create_session_factory,
    reading,
    transaction,
)
from returndesk.store.sql.tables import ThreadItemRow, ThreadRow
from tests.support.sql_log import sent_statements

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def thread_row(thread_id: str) -> ThreadRow:
    return ThreadRow(
        id=thread_id, owner_id="own_a", created_at=NOW, updated_at=NOW, title=None, data="{}"
    )


@pytest.fixture
def sqlite(sqlite_sessions: SessionFactory) -> SessionFactory:
    return sqlite_sessions


@pytest.fixture
def begins(sqlite: SessionFactory) -> Iterator[list[str]]:
    with sent_statements(sqlite, lambda sql: sql.startswith("BEGIN")) as seen:
        yield seen


async def test_only_writers_take_sqlite_write_lock(
    sqlite: SessionFactory, begins: list[str]
) -> None:
    async with reading(sqlite) as session:
        await session.execute(select(ThreadRow.id))
    async with transaction(sqlite) as session:
        await session.execute(select(ThreadRow.id))
    async with sqlite() as session:
        await session.execute(select(ThreadRow.id))

    assert begins == ["BEGIN", "BEGIN IMMEDIATE", "BEGIN IMMEDIATE"]


async def test_a_reader_neither_waits_for_nor_holds_up_a_writer(sqlite: SessionFactory) -> None:
    async with transaction(sqlite) as session:
        session.add(thread_row("thr_1"))

    async with reading(sqlite) as reader:
        before = await reader.scalar(select(func.count()).select_from(ThreadRow))
        # With the write lock held by the reader this would wait out the busy timeout.
        async with asyncio.timeout(5), transaction(sqlite) as writer:
            writer.add(thread_row("thr_2"))
        # One snapshot for the whole read.
        assert await reader.scalar(select(func.count()).select_from(ThreadRow)) == before

    async with reading(sqlite) as reader:
        assert await reader.scalar(select(func.count()).select_from(ThreadRow)) == 2


async def test_concurrent_writers_of_one_process_take_turns(sqlite: SessionFactory) -> None:
    in_flight, most = 0, 0

    async def write(n: int) -> None:
        nonlocal in_flight, most
        async with transaction(sqlite) as session:
            in_flight += 1
            most = max(most, in_flight)
            session.add(thread_row(f"thr_{n}"))
            await session.flush()
            await asyncio.sleep(0)
            in_flight -= 1

    # Queued in the process, none waits in SQLite's busy handler or fails.
    async with asyncio.timeout(10):
        await asyncio.gather(*(write(n) for n in range(30)))
    assert most == 1
    async with reading(sqlite) as session:
        assert await session.scalar(select(func.count()).select_from(ThreadRow)) == 30


async def test_a_write_inside_a_write_of_the_same_task_is_refused_at_once(
    sqlite: SessionFactory,
) -> None:
    async with transaction(sqlite) as outer:
        outer.add(thread_row("thr_1"))
        with pytest.raises(NestedWrite):
            async with asyncio.timeout(5), transaction(sqlite):
                pass
    async with reading(sqlite) as session:
        assert await session.scalar(select(func.count()).select_from(ThreadRow)) == 1


async def test_a_writer_waits_for_another_process_lock_without_stopping_the_loop(
    sqlite: SessionFactory, sqlite_url: str
) -> None:
    # Another process's writer, as SQLite sees it: a connection of its own holding the lock.
    other = sqlite3.connect(sqlite_url.split("///", 1)[1], isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    async def write() -> None:
        async with transaction(sqlite) as session:
            session.add(thread_row("thr_1"))

    ticker = asyncio.create_task(tick())
    writer = asyncio.create_task(write())
    await asyncio.sleep(0.3)
    assert not writer.done()
    # The loop went on while the writer waited for the lock.
    assert ticks >= 10
    other.execute("COMMIT")
    other.close()
    async with asyncio.timeout(10):
        await writer
    ticker.cancel()
    async with reading(sqlite) as session:
        assert await session.scalar(select(func.count()).select_from(ThreadRow)) == 1


async def test_a_writer_gives_up_after_the_busy_timeout_with_a_clear_error(
    sqlite_url: str,
) -> None:
    engine = create_engine(sqlite_url)

    def impatient(connection: Any, _record: object) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA busy_timeout=200")
        cursor.close()

    event.listen(engine.sync_engine, "connect", impatient)
    sessions = create_session_factory(engine)
    other = sqlite3.connect(sqlite_url.split("///", 1)[1], isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError, match="database is locked"):
            async with asyncio.timeout(5), transaction(sessions) as session:
                session.add(thread_row("thr_1"))
    finally:
        other.execute("ROLLBACK")
        other.close()
        await engine.dispose()


async def test_a_writer_stuck_behind_another_of_its_process_gives_up_in_time(
    sqlite: SessionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("returndesk.store.sql.db.WRITE_WAIT_SECONDS", 0.2)
    release = asyncio.Event()

    async def slow_writer() -> None:
        async with transaction(sqlite) as session:
            session.add(thread_row("thr_1"))
            await release.wait()

    holder = asyncio.create_task(slow_writer())
    await asyncio.sleep(0.05)
    with pytest.raises(WriteLockTimeout, match="database is locked"):
        async with asyncio.timeout(5), transaction(sqlite) as session:
            session.add(thread_row("thr_2"))
    release.set()
    await holder
    async with reading(sqlite) as session:
        assert await session.scalar(select(func.count()).select_from(ThreadRow)) == 1


def test_one_engine_takes_writers_on_a_second_event_loop(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url)
    sessions = create_session_factory(engine)

    async def writers(first: int) -> None:
        async def write(n: int) -> None:
            async with transaction(sessions) as session:
                session.add(thread_row(f"thr_{n}"))

        await asyncio.gather(*(write(n) for n in range(first, first + 5)))

    # As a command line tool or a test harness may: one engine, one loop after another.
    asyncio.run(writers(0))
    asyncio.run(writers(5))

    async def count() -> int | None:
        async with reading(sessions) as session:
            found = await session.scalar(select(func.count()).select_from(ThreadRow))
        await engine.dispose()
        return found

    assert asyncio.run(count()) == 10


async def test_a_reading_session_refuses_to_write(sessions: SessionFactory) -> None:
    async def add() -> None:
        async with reading(sessions) as session:
            session.add(thread_row("thr_1"))
            await session.flush()

    async def change() -> None:
        async with reading(sessions) as session:
            await session.execute(update(ThreadRow).values(title="x"))

    with pytest.raises(ReadOnlySession):
        await add()
    with pytest.raises(ReadOnlySession):
        await change()

    async with reading(sessions) as session:
        assert await session.scalar(select(func.count()).select_from(ThreadRow)) == 0


async def test_commits_that_may_change_the_stores_data_are_counted(
    sessions: SessionFactory,
) -> None:
    before = commits()
    async with reading(sessions) as session:
        await session.execute(select(ThreadRow.id))
    async with transaction(sessions, conversation_only=True) as session:
        session.add(thread_row("thr_1"))
    assert commits() == before

    async with transaction(sessions) as session:
        session.add(thread_row("thr_2"))
    assert commits() == before + 1


async def test_statements_answer_as_the_driver_would(sessions: SessionFactory) -> None:
    async with transaction(sessions) as session:
        session.add(thread_row("thr_1"))
    items = ITEMS
    rows = [
        {
            "id": f"msg_{n}",
            "thread_id": "thr_1",
            "owner_id": "own_a",
            "type": "assistant_message",
            "created_at": NOW,
            "data": "{}",
        }
        for n in range(3)
    ]

    async with transaction(sessions) as session:
        await session.execute(insert(items), rows)
        changed = await session.execute(
            update(ThreadItemRow)
            .where(ThreadItemRow.thread_id == "thr_1")
            .values(type="widget")
            .execution_options(synchronize_session=False)
        )
        assert changed.rowcount == 3  # type: ignore[attr-defined]

    async with reading(sessions) as session:
        found = (await session.execute(select(ThreadItemRow.id).order_by(ThreadItemRow.id))).all()
        assert [row.id for row in found] == ["msg_0", "msg_1", "msg_2"]
        partial = await session.stream(select(ThreadItemRow.id).order_by(ThreadItemRow.id))
        assert [row.id async for row in partial] == ["msg_0", "msg_1", "msg_2"]
        assert (await session.execute(text("SELECT 1"))).scalar_one() == 1

    with pytest.raises(IntegrityError):
        async with transaction(sessions) as session:
            await session.execute(insert(items), rows[:1])
    async with reading(sessions) as session:
        assert await session.scalar(select(func.count()).select_from(ThreadItemRow)) == 3
