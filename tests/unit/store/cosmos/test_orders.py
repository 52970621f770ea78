"""Orders on Cosmos DB: found by id through their key or inside their customer's partition,
listed newest first as the SQL store lists them, and changed under the ETag read."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.domain import (
    Address,
    Fulfilment,
    OrderLine,
    OrderStatus,
    PaymentTransaction,
    TransactionKind,
)
from returndesk.errors import NotFound
from returndesk.store.cosmos.repositories.orders import CosmosOrders
from returndesk.store.cosmos.seed import seed_store
from returndesk.store.port.errors import Contention
from tests.support.cosmos_server import CosmosServer
from tests.support.seed_samples import sample_files, write_files
from tests.unit.store.cosmos.fresh_database import (
    commit,
    fresh_database,
    pending,
    reading,
    writing,
)

pytestmark = pytest.mark.cosmos

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
ADDRESS = Address("1 Main Street", "Denver", "CO", "80279", "USA", "Suite 1")


@pytest.fixture
async def database(cosmos: CosmosServer, tmp_path: Path) -> AsyncIterator[DatabaseProxy]:
    """The sample store, with Alice's #W4 placed the same day as her #W2."""
    files = sample_files()
    files["orders.json"]["#W4"] = {**files["orders.json"]["#W2"], "order_id": "#W4"}
    files["overlay.json"]["orders"]["#W4"] = {"placed_days_ago": 1}
    async with fresh_database(cosmos) as database:
        await seed_store(database, write_files(tmp_path, files), now=NOW)
        yield database


async def test_an_order_reads_back_whole_by_id_as_typed(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        orders = CosmosOrders(unit)
        order = await orders.get("#W1")
        assert await orders.get(" w1 ") == order

    assert (order.customer_id, order.status) == ("alice_1", OrderStatus.DELIVERED)
    assert order.placed_at == NOW - timedelta(days=10)
    assert order.delivered_at == NOW - timedelta(days=3)
    assert order.address == ADDRESS
    assert [(line.line_no, line.item_id, line.price, line.final_sale) for line in order.lines] == [
        (1, "1001", Decimal("4.35"), True),
        (2, "2001", Decimal("19.00"), False),
        (3, "1001", Decimal("4.35"), True),
    ]
    assert order.lines[0].options == {"color": "blue"}
    assert order.fulfilments == (Fulfilment(("555",), ("1001", "2001")),)
    assert order.payments == (
        PaymentTransaction(TransactionKind.PAYMENT, Decimal("27.70"), "gift_card_1"),
        PaymentTransaction(TransactionKind.REFUND, Decimal("4.35"), "credit_card_1"),
    )


async def test_an_unknown_order_is_not_found(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        with pytest.raises(NotFound, match=r"^Order #W9 was not found\.$"):
            await CosmosOrders(unit).get("#W9")


async def test_a_customer_sees_only_their_own_orders(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        orders = CosmosOrders(unit)
        own = await orders.customer_order("bob_2", "w3")
        with pytest.raises(NotFound, match=r"^Order #W1 was not found on your account\."):
            await orders.customer_order("bob_2", "#W1")
        with pytest.raises(NotFound, match=r"^Order #W9 was not found\.$"):
            await orders.customer_order("bob_2", "#W9")

    assert own.id == "#W3"
    assert own.status is OrderStatus.CANCELLED


async def test_a_customers_orders_come_newest_first_then_by_id(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        orders = CosmosOrders(unit)
        listed = await orders.customer_orders("alice_1")
        statuses = await orders.customer_order_statuses("alice_1")
        none = await orders.customer_orders("nobody_9")

    assert [order.id for order in listed] == ["#W2", "#W4", "#W1"]
    assert statuses == [
        ("#W2", OrderStatus.PENDING),
        ("#W4", OrderStatus.PENDING),
        ("#W1", OrderStatus.DELIVERED),
    ]
    assert none == []


async def test_a_shoppers_reads_stay_inside_one_partition(
    database: DatabaseProxy, cosmos: CosmosServer
) -> None:
    cosmos.clear_fan_outs()
    async with reading(database) as unit:
        orders = CosmosOrders(unit)
        await orders.get("#W1")
        await orders.customer_order("alice_1", "#W2")
        await orders.customer_orders("alice_1")
        await orders.customer_order_statuses("alice_1")

    assert [fan_out for fan_out in cosmos.fan_outs() if fan_out.database == database.id] == []


async def test_changes_to_an_order_are_kept(database: DatabaseProxy) -> None:
    moved = Address("9 Elm Road", "Boulder", "CO", "80301", "USA")
    switched = OrderLine(2, "2002", "200", "Lipstick", {"color": "red"}, Decimal("21"))
    async with writing(database) as unit:
        orders = CosmosOrders(unit)
        await orders.set_address("#W2", moved)
        await orders.set_status("#W2", OrderStatus.PENDING_ITEMS_MODIFIED)
        await orders.replace_lines("#W1", [switched])
        await orders.add_payment(
            "#W1",
            kind=TransactionKind.DIFFERENCE,
            amount=Decimal("2.00"),
            payment_method_id="credit_card_1",
            at=NOW,
        )

    async with reading(database) as unit:
        orders = CosmosOrders(unit)
        second = await orders.get("#W2")
        first = await orders.get("#W1")

    assert second.address == moved
    assert second.status is OrderStatus.PENDING_ITEMS_MODIFIED
    assert first.line(2) == switched
    assert str(first.line(2).price) == "21.00"
    assert [line.item_id for line in first.lines] == ["1001", "2002", "1001"]
    assert first.payments[-1] == PaymentTransaction(
        TransactionKind.DIFFERENCE, Decimal("2.00"), "credit_card_1"
    )
    assert len(first.payments) == 3


async def test_a_cancelled_order_keeps_its_lines_and_payments(database: DatabaseProxy) -> None:
    async with writing(database) as unit:
        orders = CosmosOrders(unit)
        await orders.mark_cancelled("#W2", at=NOW, reason="ordered by mistake")
        await orders.add_payment(
            "#W2",
            kind=TransactionKind.REFUND,
            amount=Decimal("0.57"),
            payment_method_id="gift_card_1",
            at=NOW,
        )

    async with reading(database) as unit:
        cancelled = await CosmosOrders(unit).get("#W2")
    assert cancelled.status is OrderStatus.CANCELLED
    assert [line.item_id for line in cancelled.lines] == ["1002"]
    assert cancelled.net_paid_by_method() == {"gift_card_1": Decimal("0.00")}


async def test_changing_an_unknown_order_is_not_found(database: DatabaseProxy) -> None:
    async with writing(database) as unit:
        with pytest.raises(NotFound):
            await CosmosOrders(unit).set_status("#W9", OrderStatus.PROCESSED)


async def test_two_changes_to_one_order_at_once_cannot_both_succeed(
    database: DatabaseProxy,
) -> None:
    first, second = pending(database), pending(database)
    await CosmosOrders(first).set_status("#W2", OrderStatus.PROCESSED)
    await CosmosOrders(second).mark_cancelled("#W2", at=NOW, reason="no longer needed")
    await commit(first)

    with pytest.raises(Contention):
        await commit(second)
    async with reading(database) as unit:
        assert (await CosmosOrders(unit).get("#W2")).status is OrderStatus.PROCESSED


async def test_an_order_read_for_update_fails_its_unit_if_changed_meanwhile(
    database: DatabaseProxy,
) -> None:
    deciding, changing = pending(database), pending(database)
    await CosmosOrders(deciding).get("#W2", for_update=True)
    await CosmosOrders(changing).mark_cancelled("#W2", at=NOW, reason="no longer needed")
    await commit(changing)

    with pytest.raises(Contention):
        await commit(deciding)


async def test_an_order_read_for_update_and_left_alone_stays_as_it_was(
    database: DatabaseProxy,
) -> None:
    async with reading(database) as unit:
        before = await CosmosOrders(unit).get("#W2")
    async with writing(database) as unit:
        assert await CosmosOrders(unit).get("#W2", for_update=True) == before

    async with reading(database) as unit:
        assert await CosmosOrders(unit).get("#W2") == before
