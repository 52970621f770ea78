"""Seeding Cosmos DB: the same counts as the SQL load of the same files, nothing added
twice, the demo read back as the SQL store reads it, and a load that stopped halfway
completed by running it again."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from azure.cosmos import PartitionKey
from azure.cosmos.aio import DatabaseProxy

from returndesk.domain import PaymentSource, Variant
from returndesk.errors import DataError, NotFound
from returndesk.store.cosmos import seed
from returndesk.store.cosmos.bulk import send_all
from returndesk.store.cosmos.containers import EVERY_CONTAINER
from returndesk.store.cosmos.repositories.catalog import CosmosProducts
from returndesk.store.cosmos.repositories.customers import CosmosCustomers
from returndesk.store.cosmos.repositories.orders import CosmosOrders
from returndesk.store.cosmos.seed import seed_store
from returndesk.store.cosmos.unit_of_work import Unit
from returndesk.store.port.seeding import SeedCounts, SeedReport
from returndesk.store.port.staff_search import search_term
from returndesk.store.seed_format import demo_data_dir
from returndesk.store.sql import seed as sql_seed
from returndesk.store.sql.db import SessionFactory
from returndesk.store.sql.storage import SqlStorage
from tests.conftest import DEMO_NOW
from tests.support.cosmos_server import CosmosServer
from tests.support.seed_samples import Files, sample_files, write_files
from tests.unit.store.cosmos.fresh_database import fresh_database, reading

pytestmark = pytest.mark.cosmos

NOW = datetime(2025, 3, 14, 15, 9, 26, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(cosmos: CosmosServer) -> Iterator[tuple[str, SeedReport, SeedReport]]:
    """A database the demo was loaded into twice, and what each load reported; the tests
    only read it."""
    name = f"seed-{uuid.uuid4().hex[:12]}"

    async def load_twice() -> tuple[SeedReport, SeedReport]:
        client = cosmos.client()
        try:
            database = await client.create_database(name)
            await _create_containers(database)
            first = await seed_store(database, demo_data_dir(), now=DEMO_NOW)
            return first, await seed_store(database, demo_data_dir(), now=DEMO_NOW)
        finally:
            await client.close()

    reports = asyncio.run(load_twice())
    yield name, *reports
    cosmos.drop_database(name)


async def _create_containers(database: DatabaseProxy) -> None:
    for container in EVERY_CONTAINER:
        await database.create_container(
            container.name,
            partition_key=PartitionKey(path=container.partition_key_path),
            indexing_policy=container.indexing_policy(),
        )


@pytest.fixture
async def demo_database(
    cosmos: CosmosServer, demo: tuple[str, SeedReport, SeedReport]
) -> AsyncIterator[DatabaseProxy]:
    client = cosmos.client()
    yield client.get_database_client(demo[0])
    await client.close()


@pytest.fixture
async def database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    async with fresh_database(cosmos) as database:
        yield database


async def test_the_demo_adds_what_the_sql_load_adds_and_only_once(
    demo: tuple[str, SeedReport, SeedReport], sqlite_sessions: SessionFactory
) -> None:
    _, first, second = demo

    expected = await sql_seed.seed_store(sqlite_sessions, demo_data_dir(), now=DEMO_NOW)

    assert first == expected
    assert first.added.customers == 500
    assert second == SeedReport(added=SeedCounts(), skipped=first.added)


async def test_the_demo_reads_back_as_the_sql_store_reads_it(
    demo_database: DatabaseProxy, demo_sqlite_url: str
) -> None:
    sql = SqlStorage(demo_sqlite_url)
    try:
        async with sql.reading() as expected, reading(demo_database) as unit:
            customers, orders = CosmosCustomers(unit), CosmosOrders(unit)
            products = CosmosProducts(unit)
            catalog = await products.catalog()
            assert catalog == await expected.products.catalog()
            assert list(catalog.products) == list((await expected.products.catalog()).products)
            wanted = ["8310926033", "4794339885", "no-such-product"]
            assert await products.catalog(wanted) == await expected.products.catalog(wanted)
            items = ["6469567736", "8426249116", "no-such-item"]
            assert await products.products_of_items(items) == (
                await expected.products.products_of_items(items)
            )

            for customer_id in _some_demo_customers():
                customer = await customers.get(customer_id)
                assert customer == await expected.customers.get(customer_id)
                assert await customers.find_by_email(customer.email.upper()) == customer
                assert await customers.find_by_name_and_zip(
                    customer.first_name, customer.last_name, customer.zip
                ) == await expected.customers.find_by_name_and_zip(
                    customer.first_name, customer.last_name, customer.zip
                )
                assert await orders.customer_orders(customer_id) == (
                    await expected.orders.customer_orders(customer_id)
                )
                assert await orders.customer_order_statuses(customer_id) == (
                    await expected.orders.customer_order_statuses(customer_id)
                )
            assert await orders.get("#W2611340") == await expected.orders.get("#W2611340")

            for text in ("noah", "Brown", "noah brown", "yusuf_rossi_9620", "#W2611340"):
                term = search_term(text)
                assert term is not None
                assert await customers.search(term, limit=7) == (
                    await expected.customers.search(term, limit=7)
                ), text
    finally:
        await sql.close()


async def test_a_later_load_adds_only_what_is_new_as_the_sql_load_does(
    database: DatabaseProxy, sqlite_sessions: SessionFactory, tmp_path: Path
) -> None:
    later = _later_files()

    first = await seed_store(database, write_files(tmp_path / "v1", sample_files()), now=NOW)
    second = await seed_store(database, write_files(tmp_path / "v2", later), now=NOW)

    sql_v1 = write_files(tmp_path / "sql_v1", sample_files())
    assert first == await sql_seed.seed_store(sqlite_sessions, sql_v1, now=NOW)
    sql_v2 = write_files(tmp_path / "sql_v2", later)
    assert second == await sql_seed.seed_store(sqlite_sessions, sql_v2, now=NOW)
    assert second.added == SeedCounts(payment_methods=1, variants=1, orders=1, order_lines=1)

    async with reading(database) as unit:
        alice = await CosmosCustomers(unit).get("alice_1")
        shirt = (await CosmosProducts(unit).catalog(["100"])).product("100")
        w2 = await CosmosOrders(unit).get("#W2")
        w4 = await CosmosOrders(unit).get("#W4")
    # What was there stays as it was; what is new joins it.
    assert alice.tier.value == "vip"
    assert [method.id for method in alice.payment_methods] == [
        "credit_card_1",
        "gift_card_1",
        "paypal_9",
    ]
    assert alice.payment_method("paypal_9").source is PaymentSource.PAYPAL
    assert shirt.variant("1003") == Variant(
        "1003", "100", {"color": "green"}, Decimal("7.10"), True
    )
    assert w2.placed_at == NOW - timedelta(days=1)
    assert w4.placed_at == NOW


async def test_an_email_held_by_another_stored_customer_is_refused(
    database: DatabaseProxy, tmp_path: Path
) -> None:
    await seed_store(database, write_files(tmp_path / "v1", sample_files()), now=NOW)
    files = _renamed_alice()

    with pytest.raises(DataError) as caught:
        await seed_store(database, write_files(tmp_path / "v2", files), now=NOW)

    assert str(caught.value) == (
        "users.json: alice_9.email: alice@example.com is already customer alice_1's email"
    )
    async with reading(database) as unit:
        with pytest.raises(NotFound, match="No customer alice_9"):
            await CosmosCustomers(unit).get("alice_9")


async def test_bad_data_raises_and_writes_nothing(database: DatabaseProxy, tmp_path: Path) -> None:
    files = sample_files()
    files["orders.json"]["#W3"]["user_id"] = "carol_3"

    with pytest.raises(DataError, match=r"^orders\.json: #W3\.user_id: no customer carol_3"):
        await seed_store(database, write_files(tmp_path, files), now=NOW)

    async with reading(database) as unit:
        assert await _everything(unit) == []


async def test_a_load_stopped_after_its_keys_is_completed_by_the_next(
    database: DatabaseProxy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = send_all
    phases: list[int] = []

    async def stopping(writes: Sequence[Callable[[], Awaitable[Any]]]) -> None:
        phases.append(len(writes))
        if len(phases) == 2:
            raise ConnectionError("the load stopped here")
        await real(writes)

    folder = write_files(tmp_path, sample_files())
    monkeypatch.setattr(seed, "send_all", stopping)
    with pytest.raises(ConnectionError):
        await seed_store(database, folder, now=NOW)
    monkeypatch.setattr(seed, "send_all", real)

    report = await seed_store(database, folder, now=NOW)

    assert report == SeedReport(added=SeedCounts(2, 3, 2, 3, 3, 5), skipped=SeedCounts())
    async with reading(database) as unit:
        found = await CosmosCustomers(unit).find_by_email("bob@example.com")
        order = await CosmosOrders(unit).get("#W3")
    assert found is not None
    assert found.id == "bob_2"
    assert order.customer_id == "bob_2"


async def test_now_must_be_timezone_aware(database: DatabaseProxy) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        await seed_store(database, demo_data_dir(), now=datetime(2025, 1, 1))


def _some_demo_customers() -> list[str]:
    """Every fiftieth customer of the demo."""
    users = json.loads((demo_data_dir() / "users.json").read_text(encoding="utf-8"))
    return list(users)[::50]


def _later_files() -> Files:
    """The sample again, with a new order, a new payment method for a stored customer and
    a new variant of a stored product; the stored ones' other changes are ignored."""
    files = sample_files()
    files["overlay.json"]["customers"]["alice_1"]["tier"] = "standard"
    files["overlay.json"]["orders"]["#W2"]["placed_days_ago"] = 5
    files["orders.json"]["#W4"] = {**files["orders.json"]["#W2"], "order_id": "#W4"}
    files["overlay.json"]["orders"]["#W4"] = {"placed_days_ago": 0}
    files["users.json"]["alice_1"]["payment_methods"]["paypal_9"] = {
        "source": "paypal",
        "id": "paypal_9",
    }
    files["products.json"]["100"]["variants"]["1003"] = {
        "item_id": "1003",
        "options": {"color": "green"},
        "available": True,
        "price": 7.1,
    }
    return files


def _renamed_alice() -> Files:
    files = sample_files()
    files["users.json"]["alice_9"] = files["users.json"].pop("alice_1")
    customers = files["overlay.json"]["customers"]
    customers["alice_9"] = customers.pop("alice_1")
    for order in files["orders.json"].values():
        if order["user_id"] == "alice_1":
            order["user_id"] = "alice_9"
    return files


async def _everything(unit: Unit) -> list[Any]:
    found: list[Any] = []
    for container in EVERY_CONTAINER:
        found.extend(await unit.query(container, "SELECT * FROM c", partition=None))
    return found
