"""The demo store's past on SQL: reads what the history builds on (the catalogue and the ids
already taken), has `store.demo_history` build the rows and inserts them table by table.

`returndesk seed demo` loads it after the tau-bench data (`--no-history` skips it); the
history's customers are the ones with emails at its own domain, which is how a store that
has it already is told apart.
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain import Policy
from returndesk.domain.dates import require_aware
from returndesk.store.demo_history import EMAIL_DOMAIN, HISTORY_SEED, Variant, build_history
from returndesk.store.port.seeding import HistoryCounts
from returndesk.store.sql.db import SessionFactory, transaction
from returndesk.store.sql.tables import Base, CustomerRow, OrderRow, ProductRow, VariantRow

# Rows in one INSERT: large enough to be quick, small enough for every driver's limits.
_INSERT_CHUNK = 2000


async def has_history(sessions: SessionFactory) -> bool:
    async with sessions() as session:
        found = await session.scalar(
            select(CustomerRow.id).where(CustomerRow.email.like(f"%@{EMAIL_DOMAIN}")).limit(1)
        )
    return found is not None


async def seed_history(
    sessions: SessionFactory, *, now: datetime, policy: Policy, seed: int = HISTORY_SEED
) -> HistoryCounts:
    """Load the past 90 days before `now`; nothing when it is loaded already."""
    require_aware(now, "now")
    if await has_history(sessions):
        return HistoryCounts()
    async with sessions() as session:
        variants = await _catalogue(session)
        taken_orders = (await session.scalars(select(OrderRow.id))).all()
        taken_customers = (await session.scalars(select(CustomerRow.id))).all()
    rows = build_history(random.Random(seed), now, policy, variants, taken_orders, taken_customers)
    row_classes = _row_classes()
    async with transaction(sessions) as session:
        # The history lists its tables in an order the foreign keys allow.
        for table, values in rows.by_table.items():
            for start in range(0, len(values), _INSERT_CHUNK):
                await session.execute(
                    insert(row_classes[table]), values[start : start + _INSERT_CHUNK]
                )
    return rows.counts()


def _row_classes() -> dict[str, type[Any]]:
    """Each mapped row class by its table's name, the names the history's rows go by."""
    return {mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers}


async def _catalogue(session: AsyncSession) -> list[Variant]:
    found = await session.execute(
        select(
            VariantRow.item_id,
            VariantRow.product_id,
            ProductRow.name,
            VariantRow.options,
            VariantRow.price_cents,
        )
        .join(ProductRow, ProductRow.id == VariantRow.product_id)
        .order_by(VariantRow.item_id)
    )
    return [Variant(*row) for row in found]
