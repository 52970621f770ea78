"""The staff queue on Cosmos DB: newest first in keyset pages, narrowed by every part of
the filter, searched by return number, order id, email, name or customer id."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.domain import Resolution, ReturnMethod, ReturnStatus
from returndesk.store.cosmos.repositories.return_queue import CosmosReturnQueue
from returndesk.store.cosmos.repositories.returns import CosmosReturns
from returndesk.store.port.return_queue import QueueFilter, QueuePosition
from tests.support.cosmos_server import CosmosServer
from tests.unit.store.cosmos.fresh_database import fresh_database, reading, writing
from tests.unit.store.cosmos.stored_returns import add_customer, stored_return

pytestmark = pytest.mark.cosmos

AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)

# Newest first; the two made at AT - DAY tie and go by number, highest first.
QUEUE = ["R-AAAA0005", "R-AAAA0004", "R-AAAA0003", "R-AAAA0002", "R-AAAA0001"]


@pytest.fixture
async def database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    async with fresh_database(cosmos) as database:
        async with writing(database) as unit:
            add_customer(unit, "cus_ada", "Ada", "Byron", "Ada@Example.com")
            add_customer(unit, "cus_mary", "Mary", "Ann Lee", "mary@example.com")
        async with writing(database) as unit:
            returns = CosmosReturns(unit)
            for new in (
                stored_return("R-AAAA0001", customer_id="cus_ada", at=AT - 3 * DAY),
                stored_return(
                    "R-AAAA0002",
                    customer_id="cus_mary",
                    at=AT - 2 * DAY,
                    order_id="#W2000002",
                    status=ReturnStatus.NEEDS_REVIEW,
                    resolution=Resolution.STORE_CREDIT,
                    price=Decimal("150.00"),
                ),
                stored_return(
                    "R-AAAA0003",
                    customer_id="cus_ada",
                    at=AT - DAY,
                    order_id="#W1000003",
                    line_nos=(1, 2, 3),
                    method=None,
                    resolution=Resolution.KEEP_WITH_DISCOUNT,
                ),
                stored_return(
                    "R-AAAA0004",
                    customer_id="cus_mary",
                    at=AT - DAY,
                    order_id="#W2000004",
                    status=ReturnStatus.NEEDS_REVIEW,
                    method=ReturnMethod.QR_DROP_OFF,
                ),
                stored_return(
                    "R-AAAA0005",
                    customer_id="cus_ada",
                    at=AT,
                    order_id="#W1000005",
                    status=ReturnStatus.REFUNDED,
                    resolution=Resolution.EXCHANGE,
                ),
            ):
                await returns.add(new)
        yield database


async def _rmas(
    database: DatabaseProxy,
    queue_filter: QueueFilter,
    *,
    after: QueuePosition | None = None,
    limit: int = 50,
) -> list[str]:
    async with reading(database) as unit:
        page = await CosmosReturnQueue(unit).page(queue_filter, after=after, limit=limit)
    return [entry.rma for entry in page]


async def test_the_queue_pages_newest_first_each_page_after_the_last(
    database: DatabaseProxy,
) -> None:
    seen: list[str] = []
    after: QueuePosition | None = None
    async with reading(database) as unit:
        queue = CosmosReturnQueue(unit)
        while page := await queue.page(QueueFilter(), after=after, limit=2):
            assert len(page) <= 2
            seen.extend(entry.rma for entry in page)
            after = page[-1].position

    assert seen == QUEUE
    assert await _rmas(database, QueueFilter(), limit=0) == []


async def test_an_entry_carries_the_customer_and_the_amounts(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        (entry,) = await CosmosReturnQueue(unit).page(
            QueueFilter(search="R-AAAA0003"), after=None, limit=10
        )

    assert entry.customer_id == "cus_ada"
    assert entry.customer_name == "Ada Byron"
    assert entry.customer_email == "ada@example.com"
    assert entry.order_id == "#W1000003"
    assert entry.status is ReturnStatus.APPROVED
    assert entry.resolution is Resolution.KEEP_WITH_DISCOUNT
    assert entry.method is None
    assert entry.items_total == Decimal("60.00")
    assert entry.refund_amount == Decimal("54.05")
    assert entry.item_count == 3
    assert entry.created_at == AT - DAY


@pytest.mark.parametrize(
    ("queue_filter", "expected"),
    [
        (QueueFilter(statuses=(ReturnStatus.NEEDS_REVIEW,)), ["R-AAAA0004", "R-AAAA0002"]),
        (
            QueueFilter(statuses=(ReturnStatus.NEEDS_REVIEW, ReturnStatus.REFUNDED)),
            ["R-AAAA0005", "R-AAAA0004", "R-AAAA0002"],
        ),
        (
            QueueFilter(resolutions=(Resolution.STORE_CREDIT, Resolution.EXCHANGE)),
            ["R-AAAA0005", "R-AAAA0002"],
        ),
        (QueueFilter(methods=(ReturnMethod.QR_DROP_OFF,)), ["R-AAAA0004"]),
        (
            QueueFilter(created_from=AT - 2 * DAY, created_before=AT),
            ["R-AAAA0004", "R-AAAA0003", "R-AAAA0002"],
        ),
        (QueueFilter(min_items_total_cents=6000), ["R-AAAA0003", "R-AAAA0002"]),
        (
            QueueFilter(max_items_total_cents=6000),
            ["R-AAAA0005", "R-AAAA0004", "R-AAAA0003", "R-AAAA0001"],
        ),
        (QueueFilter(customer_id="cus_mary"), ["R-AAAA0004", "R-AAAA0002"]),
        (
            QueueFilter(customer_id="cus_ada", statuses=(ReturnStatus.NEEDS_REVIEW,)),
            [],
        ),
    ],
)
async def test_each_part_of_the_filter_narrows_the_queue(
    database: DatabaseProxy, queue_filter: QueueFilter, expected: list[str]
) -> None:
    assert await _rmas(database, queue_filter) == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("r aaaa 0004", ["R-AAAA0004"]),
        ("w2000002", ["R-AAAA0002"]),
        ("ADA@example.com", ["R-AAAA0005", "R-AAAA0003", "R-AAAA0001"]),
        ("nobody@example.com", []),
        ("byron", ["R-AAAA0005", "R-AAAA0003", "R-AAAA0001"]),
        ("MARY", ["R-AAAA0004", "R-AAAA0002"]),
        ("mary ann  lee", ["R-AAAA0004", "R-AAAA0002"]),
        # Two words are a first and a last name: "mary ann" is neither.
        ("mary ann", []),
        ("cus_mary", ["R-AAAA0004", "R-AAAA0002"]),
        ("   ", QUEUE),
    ],
)
async def test_a_search_finds_returns_by_number_order_email_name_or_customer(
    database: DatabaseProxy, search: str, expected: list[str]
) -> None:
    assert await _rmas(database, QueueFilter(search=search)) == expected


async def test_a_search_and_a_customer_narrow_together(database: DatabaseProxy) -> None:
    assert await _rmas(database, QueueFilter(search="mary", customer_id="cus_ada")) == []
    assert await _rmas(database, QueueFilter(search="byron", customer_id="cus_ada")) == [
        "R-AAAA0005",
        "R-AAAA0003",
        "R-AAAA0001",
    ]


async def test_a_filtered_queue_pages_past_ties_in_time(database: DatabaseProxy) -> None:
    tied = QueueFilter(created_from=AT - DAY, created_before=AT)
    async with reading(database) as unit:
        queue = CosmosReturnQueue(unit)
        (first,) = await queue.page(tied, after=None, limit=1)
        (second,) = await queue.page(tied, after=first.position, limit=1)
        assert await queue.page(tied, after=second.position, limit=1) == []

    assert [first.rma, second.rma] == ["R-AAAA0004", "R-AAAA0003"]
    assert replace(first.position, rma="R-AAAA0003") == second.position


async def test_the_review_count_counts_returns_waiting_for_a_person(
    database: DatabaseProxy,
) -> None:
    async with reading(database) as unit:
        assert await CosmosReturnQueue(unit).review_count() == 2
