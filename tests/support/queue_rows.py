"""Many returns written straight into the database, for the staff queue's tests and its
benchmark: spread over days, statuses, resolutions, methods and amounts, on the demo
store's customers and orders. Only the returns table is written: the queue reads no more."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from returndesk.domain import ReasonCode, Resolution, ReturnMethod, ReturnStatus, new_rma
from returndesk.store.db import SessionFactory, transaction
from returndesk.store.tables import OrderRow, ReturnRow

# Roughly a store's mix: most returns are over, a few wait for a person.
_STATUS_MIX = {
    ReturnStatus.CLOSED: 55,
    ReturnStatus.REFUNDED: 10,
    ReturnStatus.AWAITING_SHIPMENT: 8,
    ReturnStatus.IN_TRANSIT: 5,
    ReturnStatus.CANCELLED: 5,
    ReturnStatus.EXCHANGED: 4,
    ReturnStatus.EXPIRED: 4,
    ReturnStatus.RECEIVED: 3,
    ReturnStatus.APPROVED: 2,
    ReturnStatus.REJECTED: 2,
    ReturnStatus.NEEDS_REVIEW: 1.5,
    ReturnStatus.REQUESTED: 0.5,
}
_STATUSES = list(_STATUS_MIX)
_STATUS_WEIGHTS = list(_STATUS_MIX.values())


def _rows(
    rng: random.Random, orders: Sequence[tuple[str, str]], count: int, end: datetime, days: int
) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    span = days * 24 * 3600
    for index in range(count):
        rma = new_rma(rng)
        while rma in seen:
            rma = new_rma(rng)
        seen.add(rma)
        order_id, customer_id = rng.choice(orders)
        created = end - timedelta(seconds=rng.randrange(span))
        keep = rng.random() < 0.1
        total = rng.randrange(500, 200_000)
        yield {
            "rma": rma,
            "idempotency_key": f"queue-{index}",
            "customer_id": customer_id,
            "order_id": order_id,
            "thread_id": None,
            "status": rng.choices(_STATUSES, _STATUS_WEIGHTS)[0].value,
            "reason_code": rng.choice(list(ReasonCode)).value,
            "reason_note": None,
            "resolution": rng.choice(list(Resolution)).value,
            "method": None if keep else rng.choice(list(ReturnMethod)).value,
            "items_total_cents": total,
            "fees_cents": 0,
            "bonus_cents": 0,
            "refund_amount_cents": total,
            "exchange_difference_cents": 0,
            "keep_item": keep,
            "created_at": created,
            "updated_at": created,
        }


async def add_returns(
    sessions: SessionFactory,
    count: int,
    *,
    end: datetime,
    days: int = 90,
    seed: int = 7,
    keep: bool = True,
) -> list[dict[str, Any]]:
    """Write `count` returns made in the `days` before `end`; the rows written, if `keep`."""
    rng = random.Random(seed)
    async with sessions() as session:
        orders = [
            (order_id, customer_id)
            for order_id, customer_id in (
                await session.execute(select(OrderRow.id, OrderRow.customer_id))
            ).all()
        ]
    written: list[dict[str, Any]] = []
    batch: list[dict[str, Any]] = []
    for row in _rows(rng, orders, count, end, days):
        batch.append(row)
        if len(batch) == 10_000:
            await _write(sessions, batch)
            written.extend(batch if keep else [])
            batch = []
    if batch:
        await _write(sessions, batch)
        written.extend(batch if keep else [])
    return written


async def _write(sessions: SessionFactory, rows: list[dict[str, Any]]) -> None:
    async with transaction(sessions) as session:
        await session.execute(insert(ReturnRow), rows)
