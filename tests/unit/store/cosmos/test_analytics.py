"""The dashboard's figures on Cosmos DB: returns made, settled and refunded in a period,
and the conversations started in it with what happened in them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.domain import Actor, Resolution, ReturnEvent, ReturnMethod, ReturnStatus
from returndesk.store.cosmos.containers import THREADS
from returndesk.store.cosmos.documents import stamp
from returndesk.store.cosmos.repositories.analytics import CosmosAnalytics
from returndesk.store.cosmos.repositories.conversations import CosmosConversations
from returndesk.store.cosmos.repositories.handoffs import CosmosHandoffs
from returndesk.store.cosmos.repositories.returns import CosmosReturns
from returndesk.store.port.analytics import (
    OFFER_ANSWER,
    OFFER_STEP,
    VERIFY,
    ConversationCounts,
    DayCount,
    Settled,
)
from tests.support.cosmos_server import CosmosServer
from tests.unit.store.cosmos.fresh_database import fresh_database, reading, writing
from tests.unit.store.cosmos.stored_returns import add_customer, stored_return

pytestmark = pytest.mark.cosmos

AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
START, END = AT - 2 * DAY, AT + DAY


def _settling(to_status: ReturnStatus, at: datetime) -> ReturnEvent:
    return ReturnEvent(ReturnStatus.RECEIVED, to_status, Actor.STAFF, at)


@pytest.fixture
async def database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    async with fresh_database(cosmos) as database:
        async with writing(database) as unit:
            add_customer(unit, "cus_ada", "Ada", "Byron", "ada@example.com")
        async with writing(database) as unit:
            returns = CosmosReturns(unit)
            # Made before the period, refunded in it.
            await returns.add(stored_return("R-AAAA0001", customer_id="cus_ada", at=AT - 3 * DAY))
            await returns.record_event("R-AAAA0001", _settling(ReturnStatus.REFUNDED, AT - DAY))
            await returns.add(
                stored_return(
                    "R-AAAA0002",
                    customer_id="cus_ada",
                    at=AT - DAY,
                    order_id="#W2",
                    resolution=Resolution.EXCHANGE,
                )
            )
            await returns.record_event("R-AAAA0002", _settling(ReturnStatus.EXCHANGED, AT))
            await returns.add(
                stored_return(
                    "R-AAAA0003", customer_id="cus_ada", at=AT - DAY, order_id="#W3", method=None
                )
            )
            await returns.add(
                stored_return(
                    "R-AAAA0004",
                    customer_id="cus_ada",
                    at=AT,
                    order_id="#W4",
                    resolution=Resolution.STORE_CREDIT,
                    method=ReturnMethod.QR_DROP_OFF,
                )
            )
            # Made and refunded after the period.
            await returns.add(stored_return("R-AAAA0005", customer_id="cus_ada", at=AT + 2 * DAY))
            await returns.record_event("R-AAAA0005", _settling(ReturnStatus.REFUNDED, AT + 2 * DAY))
        yield database


async def test_returns_are_counted_by_the_day_they_were_made(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        per_day = await CosmosAnalytics(unit).returns_per_day(START, END)

    assert per_day == [DayCount(date(2026, 3, 9), 2, 1), DayCount(date(2026, 3, 10), 1, 0)]


async def test_returns_are_counted_by_a_field_most_first(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        analytics = CosmosAnalytics(unit)
        by_resolution = await analytics.returns_by("resolution", START, END)
        by_method = await analytics.returns_by("method", START, END)
        by_reason = await analytics.returns_by("reason", START, END)

    # Ties go by value; a return without a method (the shopper keeps the item) last.
    assert by_resolution == [("EXCHANGE", 1), ("REFUND", 1), ("STORE_CREDIT", 1)]
    assert by_method == [("PREPAID_LABEL", 1), ("QR_DROP_OFF", 1), (None, 1)]
    assert by_reason == [("SIZE_TOO_SMALL", 3)]


async def test_settled_returns_are_the_ones_whose_money_moved_in_the_period(
    database: DatabaseProxy,
) -> None:
    async with reading(database) as unit:
        analytics = CosmosAnalytics(unit)
        settled = await analytics.settled(START, END)
        durations = await analytics.refund_durations(START, END)

    assert settled == [Settled("EXCHANGE", 1, 1405, 2000), Settled("REFUND", 1, 1405, 2000)]
    assert durations == [(AT - 3 * DAY, AT - DAY)]


async def test_conversations_are_counted_with_their_hand_offs_offers_and_failures(
    database: DatabaseProxy,
) -> None:
    flow, step = OFFER_STEP
    async with writing(database) as unit:
        for thread_id, created_at in (("t1", AT), ("t2", AT - DAY), ("t3", AT - 5 * DAY)):
            unit.create(
                THREADS,
                {
                    "id": "thread",
                    "type": "thread",
                    "thread_id": thread_id,
                    "owner_id": "visitor",
                    "created_at": stamp(created_at),
                    "updated_at": stamp(created_at),
                    "title": None,
                    "json": "{}",
                },
            )
        conversations = CosmosConversations(unit)
        for thread_id, at, customer_id, event, answers in (
            ("t1", AT, "cus_ada", "turn", {}),
            ("t1", AT, "cus_ada", OFFER_ANSWER, {"accept": True}),
            ("t2", AT - DAY, None, VERIFY, {}),
            ("t2", AT - DAY, None, VERIFY, {}),
            ("t2", AT - DAY, "cus_ada", VERIFY, {}),
            ("t2", AT - DAY, "cus_ada", "turn", {}),
            ("t2", AT - DAY, "cus_ada", OFFER_ANSWER, {"accept": False}),
            # Before the period.
            ("t3", AT - 5 * DAY, None, VERIFY, {}),
            ("t3", AT - 5 * DAY, "cus_ada", "turn", {}),
        ):
            offer = event == "turn"
            await conversations.log_event(
                thread_id=thread_id,
                at=at,
                customer_id=customer_id,
                event=event,
                flow=flow if offer else "verify",
                step=step if offer else "ask",
                answers=answers,
            )
        handoffs = CosmosHandoffs(unit)
        for thread_id, at in (("t1", AT), ("t1", AT + DAY / 2), ("t3", AT - 5 * DAY)):
            await handoffs.add(
                thread_id=thread_id,
                customer_id="cus_ada",
                summary="needs a person",
                at=at,
                order_id=None,
                rma=None,
            )

    async with reading(database) as unit:
        counts = await CosmosAnalytics(unit).conversation_counts(START, END)

    assert counts == ConversationCounts(
        started=2, handed_off=1, offers_shown=2, offers_accepted=1, verification_failures=2
    )
