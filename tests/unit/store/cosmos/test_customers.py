"""Customers on Cosmos DB: found by id, email, name and ZIP or a staff search as the SQL
store finds them, gift-card balances changed under the ETag read, addresses moved."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.domain import Address, PaymentMethod, PaymentSource, Tier
from returndesk.errors import Conflict, NotFound
from returndesk.store.cosmos.containers import CUSTOMERS, KEYS
from returndesk.store.cosmos.customer_documents import key_document
from returndesk.store.cosmos.documents import document_id
from returndesk.store.cosmos.repositories.customers import CosmosCustomers
from returndesk.store.cosmos.seed import seed_store
from returndesk.store.port.errors import Contention
from returndesk.store.port.staff_search import SearchKind, SearchTerm, search_term
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
NEW_ADDRESS = Address("9 Elm Road", "Boulder", "CO", "80301", "USA", "Flat 2")


@pytest.fixture
async def database(cosmos: CosmosServer, tmp_path: Path) -> AsyncIterator[DatabaseProxy]:
    """The sample store, with a second Alice Lee at Alice's ZIP and a third elsewhere."""
    files = sample_files()
    users, customers = files["users.json"], files["overlay.json"]["customers"]
    for customer_id, zip_code in (("alice_3", "80279"), ("alice_4", "10001")):
        twin = {**users["bob_2"], "name": {"first_name": "Alice", "last_name": "Lee"}}
        users[customer_id] = {
            **twin,
            "email": f"{customer_id}@example.com",
            "address": {**twin["address"], "zip": zip_code},
            "payment_methods": {},
            "orders": [],
        }
        customers[customer_id] = {"tier": "member"}
    async with fresh_database(cosmos) as database:
        await seed_store(database, write_files(tmp_path, files), now=NOW)
        yield database


async def test_a_customer_reads_back_whole_by_id(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        alice = await CosmosCustomers(unit).get("alice_1")

    assert (alice.first_name, alice.last_name, alice.email, alice.zip, alice.tier) == (
        "Alice",
        "Lee",
        "alice@example.com",
        "80279",
        Tier.VIP,
    )
    assert alice.address == Address("1 Main Street", "Denver", "CO", "80279", "USA", "Suite 1")
    # By id, as the SQL store lists them, amounts exact.
    assert alice.payment_methods == (
        PaymentMethod("credit_card_1", PaymentSource.CREDIT_CARD, "visa", "1234"),
        PaymentMethod("gift_card_1", PaymentSource.GIFT_CARD, balance=Decimal("60.57")),
    )


async def test_an_unknown_customer_is_not_found(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        with pytest.raises(NotFound, match="No customer nobody_9"):
            await CosmosCustomers(unit).get("nobody_9")


async def test_an_email_finds_its_customer_whatever_its_case(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        customers = CosmosCustomers(unit)
        found = await customers.find_by_email("  Bob@Example.COM ")
        missing = await customers.find_by_email("nobody@example.com")

    assert found is not None
    assert found.id == "bob_2"
    assert missing is None


async def test_name_and_zip_find_only_one_customer(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        customers = CosmosCustomers(unit)
        bob = await customers.find_by_name_and_zip(" bob ", "RAY", "80279 ")
        # Two Alice Lees live at 80279: neither is chosen.
        shared = await customers.find_by_name_and_zip("Alice", "Lee", "80279")
        elsewhere = await customers.find_by_name_and_zip("alice", "lee", "10001")
        nobody = await customers.find_by_name_and_zip("Bob", "Ray", "10001")

    assert bob is not None
    assert bob.id == "bob_2"
    assert shared is None
    assert elsewhere is not None
    assert elsewhere.id == "alice_4"
    assert nobody is None


async def test_a_staff_search_finds_customers_by_name_id_email_or_order(
    database: DatabaseProxy,
) -> None:
    async def ids(text: str, limit: int = 10) -> list[str]:
        term = search_term(text)
        assert term is not None
        async with reading(database) as unit:
            return [
                customer.id for customer in await CosmosCustomers(unit).search(term, limit=limit)
            ]

    # By last name, then first name, then id, as the SQL search orders them.
    assert await ids("alice lee") == ["alice_1", "alice_3", "alice_4"]
    assert await ids("Alice Lee", limit=2) == ["alice_1", "alice_3"]
    assert await ids("lee") == ["alice_1", "alice_3", "alice_4"]
    assert await ids("bob") == ["bob_2"]
    assert await ids("bob_2") == ["bob_2"]
    assert await ids("bob ray jr") == []
    assert await ids("ALICE@example.com") == ["alice_1"]
    assert await ids("nobody@example.com") == []
    assert await ids("#W0000003") == []
    assert await ids("R-ZZZZ9999") == []


async def test_a_staff_search_by_order_or_return_finds_the_owner(
    database: DatabaseProxy,
) -> None:
    # A return as the returns store keeps it: its document and its number's key.
    async with writing(database) as unit:
        unit.create(
            CUSTOMERS,
            {"id": document_id("return", "R-AAAA0001"), "type": "return", "customer_id": "bob_2"},
        )
        unit.create(
            KEYS,
            key_document(document_id("rma", "R-AAAA0001"), "rma", customer_id="bob_2"),
        )
        # A key whose return was never written leads nowhere.
        unit.create(
            KEYS,
            key_document(document_id("rma", "R-AAAA0002"), "rma", customer_id="alice_1"),
        )
    # The sample's order ids are shorter than the store's, so the term is made here.
    order = SearchTerm(SearchKind.ORDER, "#W1")
    rma, orphan = search_term("R-AAAA0001"), search_term("R-AAAA0002")
    assert rma is not None
    assert orphan is not None

    async with reading(database) as unit:
        customers = CosmosCustomers(unit)
        by_order = await customers.search(order, limit=5)
        by_rma = await customers.search(rma, limit=5)
        by_orphan = await customers.search(orphan, limit=5)

    assert [customer.id for customer in by_order] == ["alice_1"]
    assert [customer.id for customer in by_rma] == ["bob_2"]
    assert by_orphan == []


async def test_a_new_gift_card_starts_empty_and_takes_refunds(database: DatabaseProxy) -> None:
    async with writing(database) as unit:
        card_id = await CosmosCustomers(unit).add_gift_card("bob_2")
    async with writing(database) as unit:
        await CosmosCustomers(unit).adjust_gift_card(card_id, Decimal("12.50"))
    async with writing(database) as unit:
        await CosmosCustomers(unit).adjust_gift_card(card_id, Decimal("-2.25"))

    async with reading(database) as unit:
        bob = await CosmosCustomers(unit).get("bob_2")
    assert card_id.startswith("gift_card_")
    assert bob.payment_method(card_id).balance == Decimal("10.25")
    assert bob.payment_method("paypal_1").source is PaymentSource.PAYPAL


async def test_a_gift_card_never_goes_below_zero(database: DatabaseProxy) -> None:
    with pytest.raises(Conflict, match="no longer covers"):
        async with writing(database) as unit:
            await CosmosCustomers(unit).adjust_gift_card("gift_card_1", Decimal("-60.58"))
    async with writing(database) as unit:
        await CosmosCustomers(unit).adjust_gift_card("gift_card_1", Decimal("-60.57"))

    async with reading(database) as unit:
        alice = await CosmosCustomers(unit).get("alice_1")
    assert alice.payment_method("gift_card_1").balance == Decimal("0.00")


async def test_other_methods_settle_outside_and_unknown_ones_are_not_found(
    database: DatabaseProxy,
) -> None:
    async with writing(database) as unit:
        customers = CosmosCustomers(unit)
        await customers.adjust_gift_card("credit_card_1", Decimal("-5.00"))
        with pytest.raises(NotFound, match="No payment method gift_card_404"):
            await customers.adjust_gift_card("gift_card_404", Decimal("1.00"))
        assert unit.writes == 0


async def test_two_changes_to_one_card_at_once_cannot_both_succeed(
    database: DatabaseProxy,
) -> None:
    first, second = pending(database), pending(database)
    await CosmosCustomers(first).adjust_gift_card("gift_card_1", Decimal("-50.00"))
    await CosmosCustomers(second).adjust_gift_card("gift_card_1", Decimal("-50.00"))
    await commit(first)

    with pytest.raises(Contention):
        await commit(second)
    async with reading(database) as unit:
        alice = await CosmosCustomers(unit).get("alice_1")
    assert alice.payment_method("gift_card_1").balance == Decimal("10.57")


async def test_a_new_address_moves_the_customer_to_its_zip(database: DatabaseProxy) -> None:
    async with writing(database) as unit:
        await CosmosCustomers(unit).set_address("alice_3", NEW_ADDRESS)
        # An unknown customer changes nothing, as an UPDATE of no row.
        await CosmosCustomers(unit).set_address("nobody_9", NEW_ADDRESS)

    async with reading(database) as unit:
        customers = CosmosCustomers(unit)
        moved = await customers.get("alice_3")
        at_new_zip = await customers.find_by_name_and_zip("Alice", "Lee", "80301")
        # Alice 1 is now the only Alice Lee left at 80279.
        at_old_zip = await customers.find_by_name_and_zip("Alice", "Lee", "80279")

    assert moved.address == NEW_ADDRESS
    assert moved.zip == "80301"
    assert at_new_zip is not None
    assert at_new_zip.id == "alice_3"
    assert at_old_zip is not None
    assert at_old_zip.id == "alice_1"


async def test_moving_back_and_forth_keeps_the_name_and_zip_exact(
    database: DatabaseProxy,
) -> None:
    async with writing(database) as unit:
        await CosmosCustomers(unit).set_address("alice_4", NEW_ADDRESS)
    async with writing(database) as unit:
        await CosmosCustomers(unit).set_address(
            "alice_4", Address("4 Park Avenue", "New York", "NY", "10001", "USA")
        )

    async with reading(database) as unit:
        customers = CosmosCustomers(unit)
        at_new_zip = await customers.find_by_name_and_zip("Alice", "Lee", "80301")
        back = await customers.find_by_name_and_zip("Alice", "Lee", "10001")
    assert at_new_zip is None
    assert back is not None
    assert back.id == "alice_4"
