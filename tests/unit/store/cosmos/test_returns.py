"""Returns on Cosmos DB: made once per idempotency key and once per order line, found by
number or key, listed newest first, and moved along their history under the ETag read."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.domain import Actor, PrepaidLabel, ReturnEvent, ReturnStatus
from returndesk.errors import NotFound
from returndesk.store.cosmos.repositories.returns import CosmosReturns
from returndesk.store.cosmos.unit_of_work import Unit
from returndesk.store.port.errors import Contention, Duplicate
from returndesk.store.port.returns import StoredReturn
from tests.support.cosmos_server import CosmosServer
from tests.unit.store.cosmos.fresh_database import fresh_database, reading, writing
from tests.unit.store.cosmos.stored_returns import add_customer, stored_return

pytestmark = pytest.mark.cosmos

AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
LABEL = PrepaidLabel("UPS", "1Z999AA10123456784", "https://labels.test/1")


@pytest.fixture
async def database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    async with fresh_database(cosmos) as database:
        async with writing(database) as unit:
            add_customer(unit, "cus_ada", "Ada", "Byron", "ada@example.com")
            add_customer(unit, "cus_bo", "Bo", "Diaz", "bo@example.com")
        yield database


async def _add(database: DatabaseProxy, *returns: StoredReturn) -> None:
    async with writing(database) as unit:
        for new in returns:
            await CosmosReturns(unit).add(new)


async def test_an_added_return_reads_back_whole_by_its_number(database: DatabaseProxy) -> None:
    new = stored_return("R-AAAA0001", customer_id="cus_ada", at=AT, line_nos=(1, 2))
    await _add(database, new)

    async with reading(database) as unit:
        returns = CosmosReturns(unit)
        assert await returns.get("R-AAAA0001") == new
        # As a shopper may type it.
        assert await returns.get(" r aaaa 0001 ") == new
        assert await returns.find_by_idempotency_key("cus_ada", new.idempotency_key) == new


async def test_an_unknown_number_or_key_is_not_found(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        returns = CosmosReturns(unit)
        with pytest.raises(NotFound):
            await returns.get("R-ZZZZ9999")
        with pytest.raises(NotFound):
            await returns.get("not a return number")
        assert await returns.find_by_idempotency_key("cus_ada", "never-used") is None


async def test_a_second_return_with_the_same_key_is_a_duplicate(database: DatabaseProxy) -> None:
    first = stored_return("R-AAAA0001", customer_id="cus_ada", at=AT, key="k1", line_nos=(1,))
    await _add(database, first)

    again = stored_return("R-AAAA0002", customer_id="cus_ada", at=AT, key="k1", line_nos=(2,))
    with pytest.raises(Duplicate):
        await _add(database, again)

    async with reading(database) as unit:
        returns = CosmosReturns(unit)
        assert await returns.find_by_idempotency_key("cus_ada", "k1") == first
        with pytest.raises(NotFound):
            await returns.get("R-AAAA0002")


async def test_a_line_is_in_one_live_return_until_that_return_is_cancelled(
    database: DatabaseProxy,
) -> None:
    await _add(database, stored_return("R-AAAA0001", customer_id="cus_ada", at=AT))
    second = stored_return("R-AAAA0002", customer_id="cus_ada", at=AT, line_nos=(1, 2))
    with pytest.raises(Duplicate):
        await _add(database, second)

    async with writing(database) as unit:
        await CosmosReturns(unit).record_event(
            "R-AAAA0001",
            ReturnEvent(ReturnStatus.APPROVED, ReturnStatus.CANCELLED, Actor.CUSTOMER, AT),
        )
    # Asked again, as a new request would: a new number, the same lines.
    await _add(database, replace(second, rma="R-AAAA0003"))

    async with reading(database) as unit:
        assert (await CosmosReturns(unit).get("R-AAAA0003")).status is ReturnStatus.APPROVED


async def test_an_event_moves_the_return_and_keeps_its_history(database: DatabaseProxy) -> None:
    new = stored_return("R-AAAA0001", customer_id="cus_ada", at=AT)
    await _add(database, new)
    later = AT + timedelta(hours=2)
    event = ReturnEvent(
        ReturnStatus.APPROVED,
        ReturnStatus.AWAITING_SHIPMENT,
        Actor.STAFF,
        later,
        note="label sent",
        staff_member_id=3,
    )

    async with writing(database) as unit:
        returns = CosmosReturns(unit)
        read = await returns.get("R-AAAA0001", for_update=True)
        await returns.record_event(read.rma, event, shipment=LABEL)

    async with reading(database) as unit:
        moved = await CosmosReturns(unit).get("R-AAAA0001")
    assert moved == new.after(event, shipment=LABEL)
    assert moved.updated_at == later
    assert moved.shipment == LABEL


async def test_a_return_made_and_moved_in_one_unit_is_written_moved(
    database: DatabaseProxy,
) -> None:
    new = stored_return("R-AAAA0001", customer_id="cus_ada", at=AT)
    event = ReturnEvent(ReturnStatus.APPROVED, ReturnStatus.AWAITING_SHIPMENT, Actor.SYSTEM, AT)

    async with writing(database) as unit:
        returns = CosmosReturns(unit)
        await returns.add(new)
        await returns.record_event(new.rma, event, shipment=LABEL)

    async with reading(database) as unit:
        assert await CosmosReturns(unit).get(new.rma) == new.after(event, shipment=LABEL)


async def test_of_two_writers_moving_one_return_the_second_loses(
    database: DatabaseProxy,
) -> None:
    await _add(database, stored_return("R-AAAA0001", customer_id="cus_ada", at=AT))
    shipping = ReturnEvent(ReturnStatus.APPROVED, ReturnStatus.AWAITING_SHIPMENT, Actor.SYSTEM, AT)
    cancelling = ReturnEvent(ReturnStatus.APPROVED, ReturnStatus.CANCELLED, Actor.CUSTOMER, AT)

    loser = Unit(database, writable=True)
    await CosmosReturns(loser).get("R-AAAA0001", for_update=True)
    async with writing(database) as winner:
        await CosmosReturns(winner).record_event("R-AAAA0001", shipping)
    await CosmosReturns(loser).record_event("R-AAAA0001", cancelling)
    with pytest.raises(Contention):
        await loser.commit(conversation_only=False)

    async with reading(database) as unit:
        kept = await CosmosReturns(unit).get("R-AAAA0001")
    assert kept.status is ReturnStatus.AWAITING_SHIPMENT


async def test_returns_list_newest_first_and_by_number_within_an_instant(
    database: DatabaseProxy,
) -> None:
    await _add(
        database,
        stored_return("R-AAAA0003", customer_id="cus_ada", at=AT, order_id="#W1"),
        stored_return("R-AAAA0001", customer_id="cus_ada", at=AT, order_id="#W2"),
        stored_return("R-AAAA0002", customer_id="cus_ada", at=AT - timedelta(days=1)),
        stored_return("R-AAAA0004", customer_id="cus_bo", at=AT + timedelta(days=1)),
    )

    async with reading(database) as unit:
        returns = CosmosReturns(unit)
        ada = [ret.rma for ret in await returns.newest_first(customer_id="cus_ada")]
        everyone = [ret.rma for ret in await returns.newest_first()]
        assert await returns.customer_rmas("cus_ada") == ada
        assert await returns.customer_rmas("cus_nobody") == []

    assert ada == ["R-AAAA0001", "R-AAAA0003", "R-AAAA0002"]
    assert everyone == ["R-AAAA0004", "R-AAAA0001", "R-AAAA0003", "R-AAAA0002"]


async def test_existing_returns_name_every_line_they_were_made_with(
    database: DatabaseProxy,
) -> None:
    await _add(
        database,
        stored_return("R-AAAA0001", customer_id="cus_ada", at=AT, line_nos=(1, 2)),
        stored_return("R-AAAA0002", customer_id="cus_ada", at=AT, order_id="#W2"),
        stored_return("R-AAAA0003", customer_id="cus_ada", at=AT, order_id="#W3"),
    )
    async with writing(database) as unit:
        await CosmosReturns(unit).record_event(
            "R-AAAA0002",
            ReturnEvent(ReturnStatus.APPROVED, ReturnStatus.CANCELLED, Actor.CUSTOMER, AT),
        )

    async with reading(database) as unit:
        returns = CosmosReturns(unit)
        found = await returns.existing("cus_ada", ["#W1000001", "#W2"])
        assert await returns.existing("cus_ada", []) == []

    by_rma = {existing.rma: existing for existing in found}
    assert set(by_rma) == {"R-AAAA0001", "R-AAAA0002"}
    assert by_rma["R-AAAA0001"].line_nos == frozenset({1, 2})
    assert by_rma["R-AAAA0001"].order_id == "#W1000001"
    assert by_rma["R-AAAA0002"].status is ReturnStatus.CANCELLED
    assert by_rma["R-AAAA0002"].line_nos == frozenset({1})


async def test_sweeps_find_returns_by_status_across_customers(database: DatabaseProxy) -> None:
    await _add(
        database,
        stored_return("R-AAAA0001", customer_id="cus_ada", at=AT),
        stored_return("R-AAAA0002", customer_id="cus_bo", at=AT, order_id="#W2"),
        stored_return(
            "R-AAAA0003",
            customer_id="cus_bo",
            at=AT,
            order_id="#W3",
            status=ReturnStatus.NEEDS_REVIEW,
        ),
    )

    async with reading(database) as unit:
        returns = CosmosReturns(unit)
        approved = await returns.rmas_in([ReturnStatus.APPROVED])
        either = await returns.rmas_in([ReturnStatus.APPROVED, ReturnStatus.NEEDS_REVIEW])
        assert await returns.rmas_in([]) == []

    assert sorted(approved) == ["R-AAAA0001", "R-AAAA0002"]
    assert sorted(either) == ["R-AAAA0001", "R-AAAA0002", "R-AAAA0003"]


async def test_a_return_needs_its_customer(database: DatabaseProxy) -> None:
    with pytest.raises(NotFound):
        await _add(database, stored_return("R-AAAA0001", customer_id="cus_nobody", at=AT))


async def test_a_shoppers_requests_read_one_partition_at_a_time(
    cosmos: CosmosServer, database: DatabaseProxy
) -> None:
    cosmos.clear_fan_outs()
    new = stored_return("R-AAAA0001", customer_id="cus_ada", at=AT)
    async with writing(database) as unit:
        returns = CosmosReturns(unit)
        assert await returns.find_by_idempotency_key("cus_ada", new.idempotency_key) is None
        assert await returns.existing("cus_ada", [new.order_id]) == []
        await returns.add(new)
    async with writing(database) as unit:
        returns = CosmosReturns(unit)
        await returns.get(new.rma, for_update=True)
        await returns.customer_rmas("cus_ada")
        await returns.newest_first(customer_id="cus_ada")
        await returns.record_event(
            new.rma,
            ReturnEvent(ReturnStatus.APPROVED, ReturnStatus.CANCELLED, Actor.CUSTOMER, AT),
        )

    assert [fan_out for fan_out in cosmos.fan_outs() if fan_out.database == database.id] == []
