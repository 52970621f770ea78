"""Numbers handed out in order (hand-offs, staff members, live events, audit entries): a
counter document in the partition of what it numbers, bumped under its ETag.

A number is claimed at once, not in the unit of work that uses it, so two writers never
fail each other's whole unit over a counter; a unit that then fails leaves its number
unused, a gap readers already allow for (see `store.live_feed`).
"""

from __future__ import annotations

import asyncio
import random

from azure.core import MatchConditions
from azure.cosmos import exceptions
from azure.cosmos.aio import DatabaseProxy

from returndesk.store.cosmos.containers import Container
from returndesk.store.cosmos.unit_of_work import translated_errors
from returndesk.store.port.errors import Contention

# Concurrent claims each retry after a short random pause; this many tries is ample for
# the writers one store has at once.
MAX_TRIES = 50


def counter_id(name: str) -> str:
    return f"counter:{name}"


async def claim_numbers(
    database: DatabaseProxy, container: Container, partition: str, name: str, count: int = 1
) -> int:
    """The first of `count` consecutive numbers no one else will be given, from 1."""
    proxy = database.get_container_client(container.name)
    doc_id = counter_id(name)
    for _ in range(MAX_TRIES):
        with translated_errors():
            try:
                counter = await proxy.read_item(doc_id, partition_key=partition)
            except exceptions.CosmosResourceNotFoundError:
                counter = None
            try:
                if counter is None:
                    await proxy.create_item(
                        {"id": doc_id, container.key: partition, "type": "counter", "value": count}
                    )
                    return 1
                last = int(counter["value"])
                counter["value"] = last + count
                await proxy.replace_item(
                    doc_id,
                    counter,
                    etag=counter["_etag"],
                    match_condition=MatchConditions.IfNotModified,
                )
                return last + 1
            except (
                exceptions.CosmosResourceExistsError,
                exceptions.CosmosAccessConditionFailedError,
            ):
                pass
        await asyncio.sleep(random.uniform(0.001, 0.02))
    raise Contention(f"counter {name} kept changing")
