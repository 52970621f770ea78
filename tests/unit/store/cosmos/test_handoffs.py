"""Hand-offs on Cosmos DB: numbered, read with their shopper and holder, and moved so that
of two requests racing to move one, one loses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from azure.cosmos.aio import DatabaseProxy

from returndesk.domain.handoffs import ACTIVE, HandoffStatus, Holder
from returndesk.domain.staff import StaffRole
from returndesk.store.cosmos.containers import CUSTOMERS
from returndesk.store.cosmos.repositories.handoffs import CosmosHandoffs
from returndesk.store.cosmos.repositories.staff import CosmosStaff
from returndesk.store.port.errors import Contention
from tests.support.cosmos_server import CosmosServer
from tests.unit.store.cosmos.fresh_database import (
    commit,
    fresh_database,
    pending,
    reading,
    writing,
)

pytestmark = pytest.mark.cosmos

AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
async def database(cosmos: CosmosServer) -> AsyncIterator[DatabaseProxy]:
    async with fresh_database(cosmos) as database:
        async with writing(database) as unit:
            unit.create(
                CUSTOMERS,
                {
                    "id": "customer",
                    "customer_id": "cus_1",
                    "type": "customer",
                    "first_name": "Ada",
                    "last_name": "Byron",
                    "email": "ada@example.com",
                },
            )
            for email, name in (("jo@shop.test", "Jo"), ("sam@shop.test", "Sam")):
                await CosmosStaff(unit).add(
                    email=email, name=name, role=StaffRole.AGENT, password_hash="x", at=AT
                )
        yield database


async def _open(database: DatabaseProxy, thread_id: str | None, at: datetime = AT) -> int:
    async with writing(database) as unit:
        return await CosmosHandoffs(unit).add(
            thread_id=thread_id,
            customer_id="cus_1" if thread_id else None,
            summary=f"help with {thread_id}",
            at=at,
            order_id="#W1" if thread_id else None,
            rma=None,
        )


async def test_an_added_hand_off_is_open_numbered_and_named_after_its_shopper(
    database: DatabaseProxy,
) -> None:
    first = await _open(database, "thr_a")
    second = await _open(database, None)

    async with reading(database) as unit:
        handoffs = CosmosHandoffs(unit)
        opened = await handoffs.get(first)
        anonymous = await handoffs.get(second)
        missing = await handoffs.get(99)

    assert (first, second) == (1, 2)
    assert opened is not None
    assert anonymous is not None
    assert opened.status is HandoffStatus.OPEN
    assert (opened.thread_id, opened.customer_id, opened.order_id) == ("thr_a", "cus_1", "#W1")
    assert (opened.customer_name, opened.customer_email) == ("Ada Byron", "ada@example.com")
    assert opened.summary == "help with thr_a"
    assert opened.created_at == AT
    assert opened.holder is None
    assert opened.claimed_at is None
    assert opened.closed_at is None
    assert anonymous.customer_name is None
    assert anonymous.customer_email is None
    assert missing is None


async def test_the_active_hand_off_is_the_threads_newest_not_over(
    database: DatabaseProxy, cosmos: CosmosServer
) -> None:
    ended = await _open(database, "thr_a")
    async with writing(database) as unit:
        assert await CosmosHandoffs(unit).mark_over(
            ended, was=HandoffStatus.OPEN, now=HandoffStatus.CLOSED, at=AT, note="spam"
        )
    waiting = await _open(database, "thr_a", AT + timedelta(minutes=1))
    await _open(database, "thr_b")
    cosmos.clear_fan_outs()

    async with reading(database) as unit:
        active = await CosmosHandoffs(unit).active("thr_a")
        none = await CosmosHandoffs(unit).active("thr_c")

    assert active is not None
    assert active.id == waiting
    assert none is None
    # The shopper's path reads one partition.
    assert cosmos.fan_outs() == []


async def test_a_claim_moves_only_an_open_hand_off_and_names_the_holder(
    database: DatabaseProxy,
) -> None:
    handoff_id = await _open(database, "thr_a")
    later = AT + timedelta(minutes=5)
    async with writing(database) as unit:
        assert await CosmosHandoffs(unit).mark_claimed(handoff_id, 2, later)
    async with writing(database) as unit:
        again = await CosmosHandoffs(unit).mark_claimed(handoff_id, 1, later)
        missing = await CosmosHandoffs(unit).mark_claimed(99, 1, later)

    async with reading(database) as unit:
        claimed = await CosmosHandoffs(unit).get(handoff_id)

    assert not again
    assert not missing
    assert claimed is not None
    assert claimed.status is HandoffStatus.CLAIMED
    assert claimed.holder == Holder(2, "Sam")
    assert claimed.claimed_at == later


async def test_of_two_racing_claims_the_second_commit_fails_with_contention(
    database: DatabaseProxy,
) -> None:
    handoff_id = await _open(database, "thr_a")

    first, second = pending(database), pending(database)
    # Both read it open.
    assert await CosmosHandoffs(first).mark_claimed(handoff_id, 1, AT)
    assert await CosmosHandoffs(second).mark_claimed(handoff_id, 2, AT)
    await commit(first)
    with pytest.raises(Contention):
        await commit(second)

    async with reading(database) as unit:
        claimed = await CosmosHandoffs(unit).get(handoff_id)
    assert claimed is not None
    assert claimed.holder == Holder(1, "Jo")


async def test_a_reply_is_first_once_and_only_the_holders(database: DatabaseProxy) -> None:
    handoff_id = await _open(database, "thr_a")
    async with writing(database) as unit:
        await CosmosHandoffs(unit).mark_claimed(handoff_id, 1, AT)
    replied_at = AT + timedelta(minutes=2)

    async with writing(database) as unit:
        assert await CosmosHandoffs(unit).mark_replied(handoff_id, 2, replied_at) is None
        assert await CosmosHandoffs(unit).mark_replied(handoff_id, 1, replied_at) is True
    async with writing(database) as unit:
        later = await CosmosHandoffs(unit).mark_replied(handoff_id, 1, AT + timedelta(hours=1))
    async with writing(database) as unit:
        assert await CosmosHandoffs(unit).mark_over(
            handoff_id,
            was=HandoffStatus.CLAIMED,
            now=HandoffStatus.HANDED_BACK,
            at=AT + timedelta(hours=2),
            note=None,
        )
    async with writing(database) as unit:
        after_hand_back = await CosmosHandoffs(unit).mark_replied(handoff_id, 1, AT)
        handed_back = await CosmosHandoffs(unit).get(handoff_id)

    assert later is False
    assert after_hand_back is None
    assert handed_back is not None
    assert handed_back.first_reply_at == replied_at
    assert handed_back.status is HandoffStatus.HANDED_BACK
    assert handed_back.closed_at == AT + timedelta(hours=2)


async def test_a_hand_back_racing_a_later_reply_fails_one_of_them(
    database: DatabaseProxy,
) -> None:
    handoff_id = await _open(database, "thr_a")
    async with writing(database) as unit:
        await CosmosHandoffs(unit).mark_claimed(handoff_id, 1, AT)
        await CosmosHandoffs(unit).mark_replied(handoff_id, 1, AT)

    reply, hand_back = pending(database), pending(database)
    assert await CosmosHandoffs(reply).mark_replied(handoff_id, 1, AT) is False
    assert await CosmosHandoffs(hand_back).mark_over(
        handoff_id, was=HandoffStatus.CLAIMED, now=HandoffStatus.HANDED_BACK, at=AT, note=None
    )
    await commit(hand_back)
    with pytest.raises(Contention):
        await commit(reply)


async def test_ending_needs_the_status_expected(database: DatabaseProxy) -> None:
    handoff_id = await _open(database, "thr_a")
    async with writing(database) as unit:
        handoffs = CosmosHandoffs(unit)
        wrong = await handoffs.mark_over(
            handoff_id, was=HandoffStatus.CLAIMED, now=HandoffStatus.CLOSED, at=AT, note=None
        )
        closed = await handoffs.mark_over(
            handoff_id, was=HandoffStatus.OPEN, now=HandoffStatus.CLOSED, at=AT, note="dup"
        )
        ended = await handoffs.get(handoff_id)

    assert not wrong
    assert closed
    assert ended is not None
    assert ended.close_note == "dup"
    assert ended.status is HandoffStatus.CLOSED


async def test_listing_orders_by_time_then_number_and_counts_the_active(
    database: DatabaseProxy,
) -> None:
    # Three made at one instant, so the limit falls among equal times.
    ids = [
        await _open(database, "thr_a", AT + timedelta(minutes=1)),
        await _open(database, "thr_b", AT),
        await _open(database, "thr_c", AT + timedelta(minutes=1)),
        await _open(database, "thr_d", AT + timedelta(minutes=1)),
        await _open(database, "thr_e", AT + timedelta(minutes=2)),
    ]
    async with writing(database) as unit:
        await CosmosHandoffs(unit).mark_claimed(ids[2], 1, AT)
        await CosmosHandoffs(unit).mark_over(
            ids[4], was=HandoffStatus.OPEN, now=HandoffStatus.CLOSED, at=AT, note=None
        )

    async with reading(database) as unit:
        handoffs = CosmosHandoffs(unit)
        oldest = await handoffs.listed(ACTIVE, newest_first=False, limit=3)
        newest = await handoffs.listed(ACTIVE, newest_first=True, limit=2)
        every = await handoffs.listed(list(HandoffStatus), newest_first=True, limit=10)
        over = await handoffs.listed([HandoffStatus.CLOSED], newest_first=True, limit=10)
        counts = await handoffs.active_counts()

    assert [h.id for h in oldest] == [ids[1], ids[0], ids[2]]
    assert [h.id for h in newest] == [ids[0], ids[2]]
    assert [h.id for h in every] == [ids[4], ids[0], ids[2], ids[3], ids[1]]
    assert [h.id for h in over] == [ids[4]]
    assert counts == {HandoffStatus.OPEN: 3, HandoffStatus.CLAIMED: 1}


async def test_no_hand_offs_count_nothing(database: DatabaseProxy) -> None:
    async with reading(database) as unit:
        handoffs = CosmosHandoffs(unit)
        assert await handoffs.active_counts() == {status: 0 for status in ACTIVE}
        assert await handoffs.listed(ACTIVE, newest_first=False, limit=5) == []
