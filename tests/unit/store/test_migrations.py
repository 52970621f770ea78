"""The Alembic history builds exactly the schema the code declares."""

from __future__ import annotations

import warnings
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect

from returndesk.store.sql.db import create_engine
from returndesk.store.sql.tables import Base


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    with warnings.catch_warnings():
        # Alembic cannot reflect expression indexes (lower(name)) and says so.
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        return list(compare_metadata(context, Base.metadata))


async def test_migrated_database_matches_the_declared_tables(database_url: str) -> None:
    engine = create_engine(database_url)
    async with engine.connect() as connection:
        differences = await connection.run_sync(_differences)
        tables = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    await engine.dispose()

    assert differences == []
    assert set(Base.metadata.tables) <= tables
