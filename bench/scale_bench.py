"""The demo store scaled up (100,000 customers, 1,000,000 orders by default) on SQLite:
verifying a shopper and listing their orders with each line's eligibility.

The demo's rows are copied with new ids, so every copy keeps the demo's shapes
(tiers, order statuses, line counts). RETURNDESK_BENCH_SCALE=0.1 makes it smaller.
"""

from __future__ import annotations

import asyncio
import os
import random
import sqlite3
import time
from pathlib import Path

from sqlalchemy import select

from bench.measure import Results, time_calls
from returndesk.domain import load_policy
from returndesk.operations.context import Operations, utc_now
from returndesk.operations.queries import orders_with_eligibility
from returndesk.store.seed_format import demo_data_dir
from returndesk.store.sql.migrate import upgrade_async
from returndesk.store.sql.storage import SqlStorage
from returndesk.store.sql.tables import CustomerRow

DEMO_CUSTOMERS = 500
DEMO_ORDERS = 1_000
CALLS = 300


def _copy_demo(path: Path, customer_copies: int, order_copies: int) -> None:
    """Customer copy k gets ids `<id>~k`; order copy j belongs to customer copy j % copies."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    with db:
        # The demo's own rows, kept apart so each copy reads 1,000 orders, not all so far.
        for table in (
            "customers", "payment_methods", "orders", "order_lines", "fulfilments",
            "payment_transactions",
        ):  # fmt: skip
            db.execute(f"CREATE TEMP TABLE base_{table} AS SELECT * FROM {table}")
        for k in range(1, customer_copies):
            db.execute(
                "INSERT INTO customers SELECT id || '~' || ?1, first_name, last_name,"
                " ?1 || '.' || email, address1, address2, city, state, country, zip, tier"
                " FROM base_customers",
                (k,),
            )
            db.execute(
                "INSERT INTO payment_methods SELECT id || '~' || ?1, customer_id || '~' || ?1,"
                " source, brand, last_four, balance_cents FROM base_payment_methods",
                (k,),
            )
        for j in range(1, order_copies):
            owner = j % customer_copies
            suffix = f"~{owner}" if owner else ""
            db.execute(
                "INSERT INTO orders SELECT id || '~' || ?1, customer_id || ?2, status, address,"
                " placed_at, delivered_at, cancelled_at, cancel_reason FROM base_orders",
                (j, suffix),
            )
            db.execute(
                "INSERT INTO order_lines (order_id, line_no, item_id, product_id, name, options,"
                " price_cents, final_sale) SELECT order_id || '~' || ?1, line_no, item_id,"
                " product_id, name, options, price_cents, final_sale FROM base_order_lines",
                (j,),
            )
            db.execute(
                "INSERT INTO fulfilments (order_id, tracking_ids, item_ids) SELECT"
                " order_id || '~' || ?1, tracking_ids, item_ids FROM base_fulfilments",
                (j,),
            )
            db.execute(
                "INSERT INTO payment_transactions (order_id, seq, kind, amount_cents,"
                " payment_method_id, created_at) SELECT order_id || '~' || ?1, seq, kind,"
                " amount_cents, payment_method_id || ?2, created_at FROM base_payment_transactions",
                (j, suffix),
            )
    db.execute("ANALYZE")
    db.close()


async def run(results: Results, workdir: Path) -> None:
    scale = float(os.environ.get("RETURNDESK_BENCH_SCALE", "1"))
    customer_copies = max(1, round(200 * scale))
    order_copies = max(1, round(1_000 * scale))
    path = workdir / "scale.db"
    url = f"sqlite+aiosqlite:///{path}"
    await upgrade_async(url)
    storage = SqlStorage(url)
    sessions = storage.sessions
    await storage.seed(demo_data_dir(), now=utc_now())
    started = time.perf_counter()
    await asyncio.to_thread(_copy_demo, path, customer_copies, order_copies)
    customers, orders = DEMO_CUSTOMERS * customer_copies, DEMO_ORDERS * order_copies
    results.add(
        "scale",
        f"build {customers:,} customers, {orders:,} orders",
        time.perf_counter() - started,
        "s",
    )
    ops = Operations(storage, load_policy())
    async with sessions() as session:
        emails = list((await session.scalars(select(CustomerRow.email))).all())
    picked = random.Random(7).sample(emails, min(CALLS, len(emails)))

    async def verify_and_list(n: int) -> None:
        async with storage.reading() as repositories:
            customer = await repositories.customers.find_by_email(picked[n])
        assert customer is not None
        await orders_with_eligibility(ops, customer.id)

    await time_calls(verify_and_list, 20)  # warm the caches first
    latency = await time_calls(verify_and_list, len(picked))
    results.add("scale", "verify + list orders p50", latency.p50, "ms")
    results.add("scale", "verify + list orders p99", latency.p99, "ms", "<= 20 ms")
    await storage.close()
