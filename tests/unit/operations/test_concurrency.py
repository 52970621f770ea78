"""Concurrent requests, as from double clicks or several app processes, make one return,
on every backend."""

from __future__ import annotations

import asyncio

from returndesk.errors import DomainError
from returndesk.operations.context import Operations
from returndesk.operations.returns import create_return
from tests.support.demo import draft, find_line, ordinary

ATTEMPTS = 20


async def returns_for_order(ops: Operations, order_id: str) -> int:
    async with ops.storage.reading() as repositories:
        every = await repositories.returns.newest_first()
    return sum(1 for ret in every if ret.order_id == order_id)


async def test_twenty_creations_with_one_key_make_exactly_one_return(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)

    results = await asyncio.gather(
        *(create_return(ops, draft(pick, "one-key")) for _ in range(ATTEMPTS))
    )

    assert len({ret.rma for ret in results}) == 1
    assert await returns_for_order(ops, pick.order.id) == 1


async def test_twenty_creations_for_one_item_with_different_keys_make_at_most_one(
    ops: Operations,
) -> None:
    pick = await find_line(ops, ordinary)

    results = await asyncio.gather(
        *(create_return(ops, draft(pick, f"key-{n}")) for n in range(ATTEMPTS)),
        return_exceptions=True,
    )

    made = [result for result in results if not isinstance(result, BaseException)]
    refused = [result for result in results if isinstance(result, BaseException)]
    assert len(made) == 1
    assert all(isinstance(error, DomainError) for error in refused), refused
    assert await returns_for_order(ops, pick.order.id) == 1
