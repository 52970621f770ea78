"""The demo store's past: thousands of returns over 90 days, the same every time, on
customers of its own, moving along the lifecycle as a real store's would."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from returndesk.domain import ReturnPath, ReturnStatus, allowed_targets, load_policy
from returndesk.store.demo_history import EMAIL_DOMAIN
from returndesk.store.port.seeding import HISTORY_DAYS
from returndesk.store.sql.db import SessionFactory, create_engine, create_session_factory
from returndesk.store.sql.demo_history import seed_history
from returndesk.store.sql.tables import (
    ConversationEventRow,
    CustomerRow,
    HandoffRow,
    OrderLineRow,
    OrderRow,
    ReturnEventRow,
    ReturnRow,
    ThreadRow,
)
from tests.conftest import DEMO_NOW


async def tau_orders(sessions: SessionFactory) -> list[tuple[Any, ...]]:
    async with sessions() as session:
        rows = await session.execute(
            select(OrderRow.id, OrderRow.status, OrderRow.customer_id, func.count(OrderLineRow.id))
            .join(OrderLineRow, OrderLineRow.order_id == OrderRow.id)
            .join(CustomerRow, CustomerRow.id == OrderRow.customer_id)
            .where(CustomerRow.email.not_like(f"%@{EMAIL_DOMAIN}"))
            .group_by(OrderRow.id, OrderRow.status, OrderRow.customer_id)
            .order_by(OrderRow.id)
        )
        return [tuple(row) for row in rows]


async def test_the_history_is_thousands_of_returns_on_its_own_customers(
    demo_sessions: SessionFactory,
) -> None:
    before = await tau_orders(demo_sessions)

    counts = await seed_history(demo_sessions, now=DEMO_NOW, policy=load_policy())
    again = await seed_history(demo_sessions, now=DEMO_NOW, policy=load_policy())

    assert counts.returns >= 2000
    assert counts.conversations > counts.returns
    assert counts.handoffs > 0
    assert again.total == 0
    assert await tau_orders(demo_sessions) == before
    async with demo_sessions() as session:
        history_customers = select(CustomerRow.id).where(
            CustomerRow.email.like(f"%@{EMAIL_DOMAIN}")
        )
        for table in (ReturnRow, HandoffRow):
            strays = await session.scalar(
                select(func.count())
                .select_from(table)
                .where(table.customer_id.is_not(None))
                .where(table.customer_id.not_in(history_customers))
            )
            assert strays == 0, table.__tablename__
        oldest, newest = (
            await session.execute(
                select(func.min(ReturnRow.created_at), func.max(ReturnRow.created_at))
            )
        ).one()
        assert DEMO_NOW - timedelta(days=HISTORY_DAYS) <= oldest < newest <= DEMO_NOW
        waiting = await session.scalar(
            select(func.count()).select_from(ReturnRow).where(ReturnRow.status == "needs_review")
        )
        assert waiting, "some returns wait for review on the first run"


async def test_each_return_went_through_moves_the_lifecycle_allows(
    demo_sessions: SessionFactory,
) -> None:
    await seed_history(demo_sessions, now=DEMO_NOW, policy=load_policy())

    async with demo_sessions() as session:
        keep = dict((await session.execute(select(ReturnRow.rma, ReturnRow.keep_item))).all())
        final = dict((await session.execute(select(ReturnRow.rma, ReturnRow.status))).all())
        events = (
            await session.execute(
                select(
                    ReturnEventRow.rma,
                    ReturnEventRow.from_status,
                    ReturnEventRow.to_status,
                    ReturnEventRow.at,
                ).order_by(ReturnEventRow.rma, ReturnEventRow.id)
            )
        ).all()
    last: dict[str, str] = {}
    for rma, before, after, at in events:
        assert at <= DEMO_NOW
        assert before == last.get(rma), rma
        if before is not None:
            path = ReturnPath.KEEP_ITEM if keep[rma] else ReturnPath.SHIP_BACK
            assert ReturnStatus(after) in allowed_targets(ReturnStatus(before), path), (
                rma,
                before,
                after,
            )
        last[rma] = after
    assert last == final


async def test_the_same_day_gives_the_same_history(
    demo_sqlite_template: Path, tmp_path: Path
) -> None:
    loaded = []
    for name in ("one.db", "two.db"):
        path = tmp_path / name
        shutil.copyfile(demo_sqlite_template, path)
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        sessions = create_session_factory(engine)
        await seed_history(sessions, now=DEMO_NOW, policy=load_policy())
        async with sessions() as session:
            returns = (
                await session.execute(
                    select(
                        ReturnRow.rma,
                        ReturnRow.status,
                        ReturnRow.refund_amount_cents,
                        ReturnRow.created_at,
                    ).order_by(ReturnRow.rma)
                )
            ).all()
            logged = await session.scalar(select(func.count()).select_from(ConversationEventRow))
            threads = (await session.scalars(select(ThreadRow.id).order_by(ThreadRow.id))).all()
        await engine.dispose()
        loaded.append((returns, logged, threads))

    assert loaded[0] == loaded[1]
