"""The SQL an engine sends, as tests count it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from returndesk.store.sql.db import SessionFactory


@contextmanager
def sent_statements(
    sessions: SessionFactory, keep: Callable[[str], bool] = lambda _: True
) -> Iterator[list[str]]:
    """A list that fills with the statements `sessions`' engine sends, those `keep` accepts."""
    engine: AsyncEngine = sessions.kw["bind"]
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if keep(statement):
            seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", note)


def is_select(statement: str) -> bool:
    return statement.startswith("SELECT")
