"""Seeding the store: the whole demo, exact values, idempotence and all-or-nothing loads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from returndesk.errors import Conflict, DataError
from returndesk.store.port.seeding import SeedCounts, SeedReport
from returndesk.store.seed_format import demo_data_dir
from returndesk.store.seed_rows import SeedRows, build_rows
from returndesk.store.sql import seed
from returndesk.store.sql.db import SessionFactory
from returndesk.store.sql.seed import is_empty, seed_store
from returndesk.store.sql.tables import (
    Base,
    CustomerRow,
    FulfilmentRow,
    OrderLineRow,
    OrderRow,
    PaymentMethodRow,
    PaymentTransactionRow,
    ProductRow,
    VariantRow,
)
from tests.conftest import SHARED_DATA_DIR
from tests.support.seed_samples import sample_files, write_files

NOW = datetime(2025, 3, 14, 15, 9, 26, tzinfo=UTC)
DEMO_COUNTS = SeedCounts(
    customers=500,
    payment_methods=695,
    products=50,
    variants=591,
    orders=1000,
    order_lines=2978,
)
STORE_TABLES: tuple[type[Base], ...] = (
    CustomerRow,
    PaymentMethodRow,
    ProductRow,
    VariantRow,
    OrderRow,
    OrderLineRow,
    FulfilmentRow,
    PaymentTransactionRow,
)


async def _snapshot(sessions: SessionFactory) -> dict[str, list[tuple[Any, ...]]]:
    """Every store row as plain values, in key order, to tell whether anything changed."""
    snapshot: dict[str, list[tuple[Any, ...]]] = {}
    async with sessions() as session:
        for table in STORE_TABLES:
            columns = list(table.__table__.columns)
            keys = table.__table__.primary_key
            result = await session.execute(select(*columns).order_by(*keys))
            snapshot[table.__tablename__] = [tuple(row) for row in result]
    return snapshot


async def _count(sessions: SessionFactory, table: type[Base]) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(table)) or 0


async def test_the_demo_loads_once_and_a_second_load_changes_nothing(
    sessions: SessionFactory,
) -> None:
    assert await is_empty(sessions)

    first = await seed_store(sessions, demo_data_dir(), now=NOW)
    before = await _snapshot(sessions)
    second = await seed_store(sessions, demo_data_dir(), now=NOW + timedelta(days=30))

    assert first == SeedReport(added=DEMO_COUNTS, skipped=SeedCounts())
    assert second == SeedReport(added=SeedCounts(), skipped=DEMO_COUNTS)
    assert await _snapshot(sessions) == before
    assert not await is_empty(sessions)
    assert len(before["customers"]) == 500
    assert len(before["orders"]) == 1000
    assert len(before["products"]) == 50


async def test_the_demo_keeps_its_facts(sqlite_sessions: SessionFactory) -> None:
    await seed_store(sqlite_sessions, demo_data_dir(), now=NOW)

    async with sqlite_sessions() as session:
        chair = await session.get_one(OrderRow, "#W2611340")
        delivered = (
            await session.execute(
                select(OrderRow.status, OrderRow.delivered_at.is_not(None), func.count())
                .group_by(OrderRow.status, OrderRow.delivered_at.is_not(None))
                .order_by(OrderRow.status)
            )
        ).all()
        final_sale_orders = await session.scalar(
            select(func.count(func.distinct(OrderLineRow.order_id))).where(OrderLineRow.final_sale)
        )
        gift_card = await session.get_one(PaymentMethodRow, "gift_card_1725971")
        noah = await session.get_one(CustomerRow, "noah_brown_6181")
        lines = (
            await session.scalars(
                select(OrderLineRow.price_cents)
                .where(OrderLineRow.order_id == "#W2611340")
                .order_by(OrderLineRow.line_no)
            )
        ).all()

    assert chair.status == "processed"
    assert chair.delivered_at is None
    assert lines == [4784, 48881]
    assert [tuple(row) for row in delivered] == [
        ("cancelled", False, 102),
        ("delivered", True, 373),
        ("pending", False, 423),
        ("processed", False, 102),
    ]
    assert final_sale_orders == 18
    assert gift_card.source == "gift_card"
    assert isinstance(gift_card.balance_cents, int)
    assert noah.tier in {"standard", "member", "vip"}


async def test_sample_values_land_exactly(sqlite_sessions: SessionFactory, tmp_path: Path) -> None:
    await seed_store(sqlite_sessions, write_files(tmp_path, sample_files()), now=NOW)

    async with sqlite_sessions() as session:
        alice = await session.get_one(CustomerRow, "alice_1")
        methods = {
            m.id: (m.source, m.brand, m.last_four, m.balance_cents)
            for m in await session.scalars(select(PaymentMethodRow))
        }
        lipstick = await session.get_one(ProductRow, "200")
        variants = {
            v.item_id: (v.price_cents, v.available)
            for v in await session.scalars(select(VariantRow))
        }
        orders = {o.id: o for o in await session.scalars(select(OrderRow))}
        lines = [
            (line.line_no, line.item_id, line.price_cents, line.final_sale)
            for line in await session.scalars(
                select(OrderLineRow)
                .where(OrderLineRow.order_id == "#W1")
                .order_by(OrderLineRow.line_no)
            )
        ]
        fulfilments = [
            (f.order_id, f.tracking_ids, f.item_ids)
            for f in await session.scalars(select(FulfilmentRow).order_by(FulfilmentRow.order_id))
        ]
        payments = [
            (t.seq, t.kind, t.amount_cents, t.payment_method_id, t.created_at)
            for t in await session.scalars(
                select(PaymentTransactionRow)
                .where(PaymentTransactionRow.order_id == "#W1")
                .order_by(PaymentTransactionRow.seq)
            )
        ]

    assert (alice.first_name, alice.last_name, alice.email, alice.tier) == (
        "Alice",
        "Lee",
        "alice@example.com",
        "vip",
    )
    assert (alice.address1, alice.address2, alice.zip) == ("1 Main Street", "Suite 1", "80279")
    assert methods == {
        "credit_card_1": ("credit_card", "visa", "1234", None),
        "gift_card_1": ("gift_card", None, None, 6057),
        "paypal_1": ("paypal", None, None, None),
    }
    assert (lipstick.category, lipstick.activatable, lipstick.hygiene_sealed) == (
        "beauty",
        False,
        True,
    )
    assert variants == {"1001": (435, True), "1002": (57, False), "2001": (1900, True)}
    assert orders["#W1"].placed_at == NOW - timedelta(days=10)
    assert orders["#W1"].delivered_at == NOW - timedelta(days=3)
    assert orders["#W2"].placed_at == NOW - timedelta(days=1)
    assert orders["#W2"].delivered_at is None
    assert orders["#W3"].placed_at == NOW
    assert orders["#W1"].address["address1"] == "1 Main Street"
    # The final-sale item appears twice in #W1; both units are final sale.
    assert lines == [(1, "1001", 435, True), (2, "2001", 1900, False), (3, "1001", 435, True)]
    assert fulfilments == [("#W1", ["555"], ["1001", "2001"]), ("#W3", ["777"], ["2001"])]
    placed = NOW - timedelta(days=10)
    assert payments == [
        (1, "payment", 2770, "gift_card_1", placed),
        (2, "refund", 435, "credit_card_1", placed),
    ]


async def test_a_later_load_adds_only_what_is_new(
    sqlite_sessions: SessionFactory, tmp_path: Path
) -> None:
    await seed_store(sqlite_sessions, write_files(tmp_path / "v1", sample_files()), now=NOW)
    files = sample_files()
    files["overlay.json"]["customers"]["alice_1"]["tier"] = "standard"
    files["overlay.json"]["orders"]["#W2"]["placed_days_ago"] = 5
    files["orders.json"]["#W4"] = {**files["orders.json"]["#W2"], "order_id": "#W4"}
    files["overlay.json"]["orders"]["#W4"] = {"placed_days_ago": 2}

    report = await seed_store(sqlite_sessions, write_files(tmp_path / "v2", files), now=NOW)

    assert report.added == SeedCounts(orders=1, order_lines=1)
    assert report.skipped == SeedCounts(2, 3, 2, 3, 3, 5)
    assert report.summary() == (
        "Added 1 order, 1 order line; already present: 2 customers, 3 payment methods, "
        "2 products, 3 variants, 3 orders, 5 order lines."
    )
    async with sqlite_sessions() as session:
        alice = await session.get_one(CustomerRow, "alice_1")
        w2 = await session.get_one(OrderRow, "#W2")
        w4 = await session.get_one(OrderRow, "#W4")
    assert alice.tier == "vip"
    assert w2.placed_at == NOW - timedelta(days=1)
    assert w4.placed_at == NOW - timedelta(days=2)


async def test_bad_data_raises_and_writes_nothing(sessions: SessionFactory, tmp_path: Path) -> None:
    files = sample_files()
    files["orders.json"]["#W3"]["user_id"] = "carol_3"

    with pytest.raises(DataError, match=r"^orders\.json: #W3\.user_id: no customer carol_3"):
        await seed_store(sessions, write_files(tmp_path, files), now=NOW)

    assert await is_empty(sessions)


async def test_a_failure_midway_rolls_back_the_whole_load(
    sessions: SessionFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_rows(data: Any, now: datetime) -> SeedRows:
        rows = build_rows(data, now)
        # Payments are inserted last, after every other table has rows.
        rows.transactions[-1]["amount_cents"] = None
        return rows

    monkeypatch.setattr(seed, "build_rows", broken_rows)

    with pytest.raises(Conflict, match="run it again"):
        await seed_store(sessions, write_files(tmp_path, sample_files()), now=NOW)

    for table in STORE_TABLES:
        assert await _count(sessions, table) == 0, table.__tablename__


async def test_an_email_held_by_another_stored_customer_is_refused(
    sqlite_sessions: SessionFactory, tmp_path: Path
) -> None:
    await seed_store(sqlite_sessions, write_files(tmp_path / "v1", sample_files()), now=NOW)
    files = sample_files()
    files["users.json"]["alice_9"] = files["users.json"].pop("alice_1")
    files["overlay.json"]["customers"]["alice_9"] = files["overlay.json"]["customers"].pop(
        "alice_1"
    )
    for order in files["orders.json"].values():
        if order["user_id"] == "alice_1":
            order["user_id"] = "alice_9"
    before = await _snapshot(sqlite_sessions)

    with pytest.raises(DataError) as caught:
        await seed_store(sqlite_sessions, write_files(tmp_path / "v2", files), now=NOW)

    assert str(caught.value) == (
        "users.json: alice_9.email: alice@example.com is already customer alice_1's email"
    )
    assert await _snapshot(sqlite_sessions) == before


async def test_now_must_be_timezone_aware(sqlite_sessions: SessionFactory) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        await seed_store(sqlite_sessions, demo_data_dir(), now=datetime(2025, 1, 1))


def test_the_packaged_demo_is_the_shared_data() -> None:
    for name in ("users.json", "orders.json", "products.json", "overlay.json", "LICENSE"):
        packaged = (demo_data_dir() / name).read_bytes()
        assert packaged == (SHARED_DATA_DIR / name).read_bytes(), name
    assert "MIT" in (demo_data_dir() / "README.md").read_text(encoding="utf-8")


def test_the_summary_reads_as_one_line() -> None:
    report = SeedReport(added=DEMO_COUNTS, skipped=SeedCounts())

    assert report.summary() == (
        "Added 500 customers, 695 payment methods, 50 products, 591 variants, "
        "1,000 orders, 2,978 order lines."
    )
    assert SeedReport(SeedCounts(), DEMO_COUNTS).summary().startswith("Added nothing; already")
