"""A Cosmos database of a test's own, its containers made, and units of work over it: what
the repository tests run on, without the whole storage."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from azure.cosmos import PartitionKey
from azure.cosmos.aio import DatabaseProxy

from returndesk.store.cosmos.containers import EVERY_CONTAINER
from returndesk.store.cosmos.unit_of_work import Unit, unit_of_work
from tests.support.cosmos_server import CosmosServer


@asynccontextmanager
async def fresh_database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    client = cosmos.client()
    name = f"repo-{uuid.uuid4().hex[:12]}"
    try:
        database = await client.create_database(name)
        for container in EVERY_CONTAINER:
            await database.create_container(
                container.name,
                partition_key=PartitionKey(path=container.partition_key_path),
                indexing_policy=container.indexing_policy(),
            )
        yield database
    finally:
        cosmos.drop_database(name)
        await client.close()


@asynccontextmanager
async def writing(database: DatabaseProxy) -> AsyncIterator[Unit]:
    """One unit of work, committed as the block ends."""
    async with unit_of_work(database, writable=True) as unit:
        yield unit


@asynccontextmanager
async def reading(database: DatabaseProxy) -> AsyncIterator[Unit]:
    async with unit_of_work(database, writable=False) as unit:
        yield unit


def pending(database: DatabaseProxy) -> Unit:
    """A unit of work committed only when the test says: for races between units."""
    return Unit(database, writable=True)


async def commit(unit: Unit) -> None:
    await unit.commit(conversation_only=False)
