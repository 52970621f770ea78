"""A digest of every row of every table, to show a refused request changed nothing."""

from __future__ import annotations

import asyncio
import hashlib

from sqlalchemy import select

from returndesk.store.sql.db import create_engine
from returndesk.store.sql.tables import Base


async def database_fingerprint(database_url: str) -> dict[str, str]:
    """Each table's name with a digest of its rows, in primary-key order."""
    engine = create_engine(database_url)
    digests: dict[str, str] = {}
    try:
        async with engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                rows = await connection.execute(select(table).order_by(*table.primary_key))
                digest = hashlib.sha256()
                for row in rows:
                    digest.update(repr(tuple(row)).encode())
                digests[table.name] = digest.hexdigest()
    finally:
        await engine.dispose()
    return digests


def fingerprint_now(database_url: str) -> dict[str, str]:
    return asyncio.run(database_fingerprint(database_url))
