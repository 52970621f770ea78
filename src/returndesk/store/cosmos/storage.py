"""The store on Azure Cosmos DB for NoSQL, behind the storage port."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from azure.cosmos import PartitionKey, exceptions

from returndesk.domain import Policy
from returndesk.errors import SchemaNotCurrent
from returndesk.store.cosmos.account import CosmosAccount
from returndesk.store.cosmos.containers import CUSTOMERS, EVERY_CONTAINER
from returndesk.store.cosmos.history import seed_history
from returndesk.store.cosmos.seed import seed_store
from returndesk.store.cosmos.thread_lock import LeaseLocks
from returndesk.store.cosmos.thread_store import CosmosThreadStore
from returndesk.store.cosmos.unit_of_work import translated_errors, unit_of_work
from returndesk.store.cosmos.unit_repositories import CosmosRepositories
from returndesk.store.port.errors import Unavailable
from returndesk.store.port.seeding import HistoryCounts, SeedReport
from returndesk.store.port.storage import LiveListener

logger = logging.getLogger(__name__)


class CosmosStorage:
    name = "cosmos"

    def __init__(self, account: CosmosAccount) -> None:
        self.account = account
        self.client, self._credential = account.connect()
        self.database = self.client.get_database_client(account.database)
        self.threads = CosmosThreadStore[Any](self.database)
        self.thread_locks = LeaseLocks(self.database)

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[CosmosRepositories]:
        async with unit_of_work(self.database, writable=False) as unit:
            yield CosmosRepositories(unit)

    @asynccontextmanager
    async def transaction(
        self, *, conversation_only: bool = False
    ) -> AsyncIterator[CosmosRepositories]:
        async with unit_of_work(
            self.database, writable=True, conversation_only=conversation_only
        ) as unit:
            yield CosmosRepositories(unit)

    async def listen_for_live_events(self, wake: Callable[[], None]) -> LiveListener | None:
        # Cosmos has no notifications a process could wait on: the feed reads every so often.
        return None

    async def check_schema(self) -> None:
        with translated_errors():
            for container in EVERY_CONTAINER:
                proxy = self.database.get_container_client(container.name)
                try:
                    properties = await proxy.read()
                except exceptions.CosmosResourceNotFoundError as exc:
                    raise SchemaNotCurrent(
                        f"Cosmos DB container {container.name} is missing: "
                        "run `returndesk db upgrade`."
                    ) from exc
                paths = properties.get("partitionKey", {}).get("paths", [])
                if paths != [container.partition_key_path]:
                    raise SchemaNotCurrent(
                        f"Cosmos DB container {container.name} is partitioned by {paths}, "
                        f"not {container.partition_key_path}."
                    )

    async def upgrade(self) -> None:
        """Create the database and its containers where missing; containers that exist
        keep their data and get the indexing policy this version declares."""
        with translated_errors():
            database = await self.client.create_database_if_not_exists(self.account.database)
            for container in EVERY_CONTAINER:
                proxy = await database.create_container_if_not_exists(
                    container.name,
                    partition_key=PartitionKey(path=container.partition_key_path),
                    indexing_policy=container.indexing_policy(),
                )
                properties = await proxy.read()
                if properties.get("indexingPolicy") != container.indexing_policy():
                    await database.replace_container(
                        container.name,
                        partition_key=PartitionKey(path=container.partition_key_path),
                        indexing_policy=container.indexing_policy(),
                    )

    async def is_empty(self) -> bool:
        async with self.reading() as repositories:
            found = await repositories.unit.query(
                CUSTOMERS,
                "SELECT TOP 1 c.id FROM c WHERE c.type = 'customer'",
                partition=None,
            )
        return not found

    async def seed(self, folder: Path, *, now: datetime) -> SeedReport:
        return await seed_store(self.database, folder, now=now)

    async def seed_history(self, *, now: datetime, policy: Policy) -> HistoryCounts:
        return await seed_history(self.database, now=now, policy=policy)

    async def close(self) -> None:
        try:
            await self.client.close()
            if self._credential is not None:
                await self._credential.close()
        except (exceptions.CosmosHttpResponseError, OSError, Unavailable):
            logger.debug("closing the Cosmos DB client failed", exc_info=True)
        # aiohttp closes TLS connections a moment after close() returns.
        await asyncio.sleep(0.1)
