"""The data layer on SQLite: load the demo store, read a shopper's orders, create returns."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import select
from tests.support.sql_store import sql_session

from bench.measure import Results, time_calls
from returndesk.domain import (
    OrderStatus,
    ReasonCode,
    Resolution,
    ReturnItem,
    ReturnRequest,
    load_policy,
    method_options,
)
from returndesk.operations.context import Operations, utc_now
from returndesk.operations.queries import orders_with_eligibility
from returndesk.operations.returns import ReturnDraft, create_return
from returndesk.store.seed_format import demo_data_dir
from returndesk.store.sql.migrate import upgrade_async
from returndesk.store.sql.seed import seed_store
from returndesk.store.sql.storage import SqlStorage
from returndesk.store.sql.tables import CustomerRow, OrderRow

CALLS = 300


async def run(results: Results, workdir: Path) -> None:
    url = f"sqlite+aiosqlite:///{workdir / 'store.db'}"
    await upgrade_async(url)
    storage = SqlStorage(url)
    sessions = storage.sessions
    ops = Operations(storage, load_policy())
    try:
        started = time.perf_counter()
        await seed_store(sessions, demo_data_dir(), now=utc_now())
        results.add("store", "seed the demo store", time.perf_counter() - started, "s")

        async with sessions() as session:
            emails = (await session.scalars(select(CustomerRow.email))).all()

        async def verify_and_list(n: int) -> None:
            async with storage.reading() as repositories:
                customer = await repositories.customers.find_by_email(emails[n % len(emails)])
            assert customer is not None
            await orders_with_eligibility(ops, customer.id)

        latencies = await time_calls(verify_and_list, CALLS)
        results.add("store", "verify + list orders p50", latencies.p50, "ms")
        results.add("store", "verify + list orders p99", latencies.p99, "ms", "<= 20 ms")

        drafts = await _eligible_drafts(ops)

        async def create(n: int) -> None:
            await create_return(ops, drafts[n])

        latencies = await time_calls(create, len(drafts))
        results.add("store", f"create a return p50 ({len(drafts)} returns)", latencies.p50, "ms")
        results.add("store", "create a return p99", latencies.p99, "ms")
    finally:
        await storage.close()


async def _eligible_drafts(ops: Operations) -> list[ReturnDraft]:
    """One refund draft per eligible line of some customers' delivered orders."""
    drafts = []
    for customer_id in await _customers_with_delivered_orders(ops):
        found = await orders_with_eligibility(ops, customer_id)
        for entry in found.orders:
            for result in entry.lines:
                if not result.eligible:
                    continue
                request = ReturnRequest(
                    entry.order, (ReturnItem(result.line_no, ReasonCode.DEFECTIVE),)
                )
                methods = method_options(
                    request,
                    resolution=Resolution.REFUND,
                    customer=found.customer,
                    catalog=found.catalog,
                    policy=ops.policy,
                )
                drafts.append(
                    ReturnDraft(
                        customer_id=customer_id,
                        order_id=entry.order.id,
                        items=request.items,
                        resolution=Resolution.REFUND,
                        method=methods[0].method if methods else None,
                        idempotency_key=f"bench-{entry.order.id}-{result.line_no}",
                    )
                )
    return drafts


async def _customers_with_delivered_orders(ops: Operations) -> list[str]:
    async with ops.storage.reading() as repositories:
        session = sql_session(repositories)
        rows = await session.scalars(
            select(OrderRow.customer_id)
            .where(OrderRow.status == OrderStatus.DELIVERED.value)
            .distinct()
            .order_by(OrderRow.customer_id)
            .limit(60)
        )
        return list(rows.all())
