"""Many returns written straight into the database, for the staff queue's tests and its
benchmark: spread over days, statuses, resolutions, methods and amounts, on the demo
store's customers and orders or on as many more as asked. Only what the queue reads is
written: no lines, events or payments."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from returndesk.domain import ReasonCode, Resolution, ReturnMethod, ReturnStatus, new_rma
from returndesk.store.demo_history import FIRST_NAMES, LAST_NAMES
from returndesk.store.sql.db import SessionFactory, transaction
from returndesk.store.sql.tables import CustomerRow, OrderRow, ReturnRow

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


async def add_customers(
    sessions: SessionFactory, count: int, *, rng: random.Random, placed: datetime
) -> None:
    """`count` more customers with one order each, named as people are (names repeat)."""
    customers, orders = [], []
    for index in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        customer_id = f"queue_{index}"
        customers.append(
            {
                "id": customer_id,
                "first_name": first,
                "last_name": last,
                "email": f"{first}.{last}.{index}@queue.example".lower(),
                "address1": "1 Main St",
                "address2": "",
                "city": "Austin",
                "state": "TX",
                "country": "USA",
                "zip": "78701",
                "tier": "standard",
            }
        )
        orders.append(
            {
                "id": f"#Q{index:07d}",
                "customer_id": customer_id,
                "status": "delivered",
                "address": {},
                "placed_at": placed,
                "delivered_at": placed,
            }
        )
    for table, rows in ((CustomerRow, customers), (OrderRow, orders)):
        for start in range(0, len(rows), 10_000):
            await _write(sessions, table, rows[start : start + 10_000])


async def add_returns(
    sessions: SessionFactory,
    count: int,
    *,
    end: datetime,
    days: int = 90,
    seed: int = 7,
    keep: bool = True,
    customers: int = 0,
) -> list[dict[str, Any]]:
    """Write `count` returns made in the `days` before `end`; the rows written, if `keep`.

    The returns go to the store's customers, or to `customers` new ones when it is
    given: at a million returns, a store has far more than the demo's 500 customers.
    """
    rng = random.Random(seed)
    if customers:
        await add_customers(sessions, customers, rng=rng, placed=end - timedelta(days=days))
    async with sessions() as session:
        query = select(OrderRow.id, OrderRow.customer_id)
        if customers:
            query = query.where(OrderRow.id.like("#Q%"))
        orders = [
            (order_id, customer_id)
            for order_id, customer_id in (await session.execute(query)).all()
        ]
    written: list[dict[str, Any]] = []
    batch: list[dict[str, Any]] = []
    for row in _rows(rng, orders, count, end, days):
        batch.append(row)
        if len(batch) == 10_000:
            await _write(sessions, ReturnRow, batch)
            written.extend(batch if keep else [])
            batch = []
    if batch:
        await _write(sessions, ReturnRow, batch)
        written.extend(batch if keep else [])
    return written


async def _write(sessions: SessionFactory, table: type[Any], rows: list[dict[str, Any]]) -> None:
    async with transaction(sessions) as session:
        await session.execute(insert(table), rows)
