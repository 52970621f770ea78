"""Loading many documents at once (the seed and the demo history): partitions' writes in
batches Cosmos accepts, sent a bounded number at a time."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from returndesk.store.cosmos.unit_of_work import MAX_BATCH_OPERATIONS, translated_errors

T = TypeVar("T")

# Requests in flight at once: enough to keep the account busy, few enough for one client.
CONCURRENT_WRITES = 32


def in_batches(items: Sequence[T]) -> list[Sequence[T]]:
    """The items in runs of at most one transactional batch's operations."""
    return [
        items[start : start + MAX_BATCH_OPERATIONS]
        for start in range(0, len(items), MAX_BATCH_OPERATIONS)
    ]


async def send_all(writes: Sequence[Callable[[], Awaitable[Any]]]) -> None:
    """Every write, a bounded number at a time; the first failure is raised once all have
    ended, so no write is left running behind the error."""
    limit = asyncio.Semaphore(CONCURRENT_WRITES)

    async def bounded(write: Callable[[], Awaitable[Any]]) -> None:
        async with limit:
            with translated_errors():
                await write()

    results = await asyncio.gather(*(bounded(write) for write in writes), return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
