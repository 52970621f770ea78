"""Reaching under the storage port, for tests that look at or change SQL rows directly."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.store.port.storage import Repositories, Storage
from returndesk.store.sql.db import SessionFactory
from returndesk.store.sql.storage import SqlStorage
from returndesk.store.sql.unit_of_work import session_of


def sql_session(repositories: Repositories) -> AsyncSession:
    return session_of(repositories)


def sql_sessions(storage: Storage) -> SessionFactory:
    assert isinstance(storage, SqlStorage), "this test looks at SQL rows"
    return storage.sessions
