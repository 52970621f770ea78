"""Load store data (customers, catalogue, orders) from seed files into the database.

Everything is validated before the first write, then loaded in one transaction.
Loading again is safe: a row whose primary key exists is left as it is, and an
order that exists keeps its lines, fulfilments and payments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import astuple
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from returndesk.domain.dates import require_aware
from returndesk.errors import Conflict, DataError
from returndesk.store.port.seeding import SeedCounts, SeedReport
from returndesk.store.seed_checks import check_seed_data
from returndesk.store.seed_format import USERS, read_seed_data
from returndesk.store.seed_rows import Row, SeedRows, build_rows
from returndesk.store.sql.db import SessionFactory, transaction
from returndesk.store.sql.tables import (
    CustomerRow,
    FulfilmentRow,
    OrderLineRow,
    OrderRow,
    PaymentMethodRow,
    PaymentTransactionRow,
    ProductRow,
    VariantRow,
)

# Well under SQLite's and asyncpg's limits on bound parameters per statement.
_LOOKUP_CHUNK = 500


async def is_empty(sessions: SessionFactory) -> bool:
    """No customers yet, so a first seed is wanted (`seed demo --if-empty`)."""
    async with sessions() as session:
        found = await session.scalar(select(CustomerRow.id).limit(1))
    return found is None


async def seed_store(sessions: SessionFactory, source: Path, *, now: datetime) -> SeedReport:
    """Load the seed files in `source`; days ago in the overlay count back from `now`.

    Raises `DataError` naming the file and the field before anything is written.
    """
    require_aware(now, "now")
    data = read_seed_data(source)
    check_seed_data(data)
    rows = build_rows(data, now)
    try:
        async with transaction(sessions) as session:
            return await _load(session, rows)
    except IntegrityError as exc:
        # Only a load running at the same moment gets here; this one wrote nothing.
        raise Conflict("Another load changed the store at the same time; run it again.") from exc


async def _load(session: AsyncSession, rows: SeedRows) -> SeedReport:
    customers = await _new_rows(session, CustomerRow.id, rows.customers)
    await _refuse_taken_emails(session, customers)
    methods = await _new_rows(session, PaymentMethodRow.id, rows.payment_methods)
    products = await _new_rows(session, ProductRow.id, rows.products)
    variants = await _new_rows(session, VariantRow.item_id, rows.variants, key="item_id")
    orders = await _new_rows(session, OrderRow.id, rows.orders)
    new_orders = {row["id"] for row in orders}
    lines = [row for row in rows.order_lines if row["order_id"] in new_orders]

    for table, new in (
        (CustomerRow, customers),
        (PaymentMethodRow, methods),
        (ProductRow, products),
        (VariantRow, variants),
        (OrderRow, orders),
        (OrderLineRow, lines),
        (FulfilmentRow, [row for row in rows.fulfilments if row["order_id"] in new_orders]),
        (
            PaymentTransactionRow,
            [row for row in rows.transactions if row["order_id"] in new_orders],
        ),
    ):
        if new:
            await session.execute(insert(table), new)

    added = SeedCounts(
        len(customers), len(methods), len(products), len(variants), len(orders), len(lines)
    )
    offered = SeedCounts(
        len(rows.customers),
        len(rows.payment_methods),
        len(rows.products),
        len(rows.variants),
        len(rows.orders),
        len(rows.order_lines),
    )
    skipped = SeedCounts(*(o - a for o, a in zip(astuple(offered), astuple(added), strict=True)))
    return SeedReport(added=added, skipped=skipped)


async def _new_rows(
    session: AsyncSession, column: InstrumentedAttribute[str], rows: list[Row], key: str = "id"
) -> list[Row]:
    existing = await _existing(session, column, [row[key] for row in rows])
    return [row for row in rows if row[key] not in existing]


async def _existing(
    session: AsyncSession, column: InstrumentedAttribute[str], values: Sequence[str]
) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), _LOOKUP_CHUNK):
        chunk = values[start : start + _LOOKUP_CHUNK]
        found.update(await session.scalars(select(column).where(column.in_(chunk))))
    return found


async def _refuse_taken_emails(session: AsyncSession, customers: Iterable[Row]) -> None:
    """A new customer whose email an existing one holds would break the unique index."""
    by_email: dict[str, str] = {row["email"]: row["id"] for row in customers}
    taken = await _existing(session, CustomerRow.email, list(by_email))
    if taken:
        email = min(taken)
        owner = await session.scalar(select(CustomerRow.id).where(CustomerRow.email == email))
        raise DataError(
            USERS, f"{by_email[email]}.email", f"{email} is already customer {owner}'s email"
        )
