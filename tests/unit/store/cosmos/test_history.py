"""The demo store's past on Cosmos DB: the same history the SQL store loads, read back the
same way by the staff queue, the dashboard, the hand-off inbox and the shopper's own
account, and loaded only once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from returndesk.domain import ReturnStatus, load_policy
from returndesk.domain.handoffs import HandoffStatus
from returndesk.store.demo_history import EMAIL_DOMAIN
from returndesk.store.port.return_queue import QueueFilter
from returndesk.store.port.seeding import HISTORY_DAYS, HistoryCounts
from returndesk.store.port.storage import Storage
from tests.conftest import DEMO_NOW
from tests.support.stores import open_test_storage

pytestmark = pytest.mark.cosmos

START = DEMO_NOW - timedelta(days=HISTORY_DAYS + 1)
END = DEMO_NOW + timedelta(days=1)


async def staff_view(storage: Storage) -> dict[str, Any]:
    """What the staff console shows of the store: the queue's first pages, the dashboard's
    figures and the hand-off inbox."""
    async with storage.reading() as repositories:
        first = await repositories.return_queue.page(QueueFilter(), after=None, limit=20)
        second = await repositories.return_queue.page(
            QueueFilter(), after=first[-1].position, limit=20
        )
        review = await repositories.return_queue.page(
            QueueFilter(statuses=(ReturnStatus.NEEDS_REVIEW, ReturnStatus.IN_TRANSIT)),
            after=None,
            limit=20,
        )
        return {
            "queue": [*first, *second],
            "review": review,
            "review_count": await repositories.return_queue.review_count(),
            "per_day": await repositories.analytics.returns_per_day(START, END),
            "by_reason": await repositories.analytics.returns_by("reason", START, END),
            "by_method": await repositories.analytics.returns_by("method", START, END),
            "settled": await repositories.analytics.settled(START, END),
            # In no particular order.
            "refunds": sorted(await repositories.analytics.refund_durations(START, END)),
            "conversations": await repositories.analytics.conversation_counts(START, END),
            "handoffs": await repositories.handoffs.active_counts(),
            "inbox": await repositories.handoffs.listed(
                (HandoffStatus.OPEN,), newest_first=True, limit=10
            ),
        }


async def glance(storage: Storage) -> dict[str, Any]:
    """The staff console's first look: the queue's first page, the returns per day and
    the hand-offs waiting."""
    async with storage.reading() as repositories:
        return {
            "queue": await repositories.return_queue.page(QueueFilter(), after=None, limit=20),
            "per_day": await repositories.analytics.returns_per_day(START, END),
            "handoffs": await repositories.handoffs.active_counts(),
        }


async def shopper_view(storage: Storage, email: str) -> dict[str, Any]:
    """What a history customer's own conversation can read of their account."""
    async with storage.reading() as repositories:
        customer = await repositories.customers.find_by_email(email)
        assert customer is not None, email
        returns = await repositories.returns.newest_first(customer_id=customer.id)
        return {
            "customer": customer,
            "by_name": await repositories.customers.find_by_name_and_zip(
                customer.first_name, customer.last_name, customer.zip
            ),
            "orders": await repositories.orders.customer_orders(customer.id),
            "returns": returns,
            "by_number": [await repositories.returns.get(found.rma) for found in returns],
            "threads": await repositories.conversations.customer_threads(customer.id),
        }


async def test_cosmos_loads_the_history_sql_loads_and_only_once(
    demo_sqlite_url: str, demo_cosmos_url: str
) -> None:
    sqlite, cosmos = open_test_storage(demo_sqlite_url), open_test_storage(demo_cosmos_url)
    try:
        on_sqlite = await sqlite.seed_history(now=DEMO_NOW, policy=load_policy())
        loaded = await cosmos.seed_history(now=DEMO_NOW, policy=load_policy())

        assert loaded == on_sqlite
        assert loaded.returns >= 2000
        assert loaded.handoffs > 0
        shown = await staff_view(cosmos)
        assert shown == await staff_view(sqlite)
        newest = shown["queue"][0]
        assert newest.customer_email.endswith(f"@{EMAIL_DOMAIN}")
        assert DEMO_NOW - timedelta(days=HISTORY_DAYS) <= newest.created_at <= DEMO_NOW
        assert sum(day.returns for day in shown["per_day"]) == loaded.returns
        assert shown["inbox"], "the latest hand-offs wait in the inbox"
        # Shoppers with returns, as the queue lists them: their accounts read the same too.
        for email in dict.fromkeys(entry.customer_email for entry in shown["queue"][:5]):
            assert await shopper_view(cosmos, email) == await shopper_view(sqlite, email)

        again = await cosmos.seed_history(now=DEMO_NOW, policy=load_policy())
        days_later = await cosmos.seed_history(
            now=DEMO_NOW + timedelta(days=3), policy=load_policy()
        )

        assert again == days_later == HistoryCounts()
        assert await glance(cosmos) == await glance(sqlite)
    finally:
        await sqlite.close()
        await cosmos.close()
