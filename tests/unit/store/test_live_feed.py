"""The live feed: every new event reaches the subscriptions that may see it, in whatever
order concurrent transactions commit them, and a subscription that falls behind is ended
rather than left to grow."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from returndesk.store.live_feed import QUEUE_LIMIT, READ_BATCH, LiveFeed, Subscription
from returndesk.store.port.live_events import Audience, LiveEvent
from returndesk.store.sql.storage import SqlStorage
from returndesk.store.sql.tables import LiveEventRow
from tests.support.sql_store import sql_session

AT = datetime(2026, 3, 10, 12, tzinfo=UTC)


@pytest.fixture
async def feed(storage: SqlStorage) -> AsyncIterator[LiveFeed]:
    live = LiveFeed(storage, lambda: AT)
    await live.start()
    yield live
    await live.stop()


async def write(feed: LiveFeed, *events: tuple[int, Audience, str | None]) -> None:
    """Events with the given ids, as transactions that took their ids earlier commit them."""
    async with feed.storage.transaction() as repositories:
        session = sql_session(repositories)
        for event_id, audience, thread_id in events:
            session.add(
                LiveEventRow(
                    id=event_id,
                    at=AT,
                    audience=audience.value,
                    thread_id=thread_id,
                    kind="item",
                    data={"n": event_id},
                )
            )


async def heard(subscription: Subscription, count: int) -> list[int]:
    ids: list[int] = []
    for _ in range(count):
        event = await subscription.next_within(10)
        assert event is not None, f"heard only {ids}"
        ids.append(event.id)
    return ids


async def test_each_subscription_hears_only_what_it_may_see(feed: LiveFeed) -> None:
    async with (
        feed.subscribe(lambda event: event.for_thread("thr_a")) as shopper_a,
        feed.subscribe(lambda event: event.for_staff) as team,
    ):
        await write(
            feed,
            (101, Audience.BOTH, "thr_a"),
            (102, Audience.BOTH, "thr_b"),
            (103, Audience.SHOPPER, "thr_a"),
            (104, Audience.STAFF, "thr_a"),
        )
        assert await heard(shopper_a, 2) == [101, 103]
        assert await heard(team, 3) == [101, 102, 104]
        assert await shopper_a.next_within(0.5) is None


async def test_an_event_committed_after_a_later_one_is_still_passed_on(feed: LiveFeed) -> None:
    async with feed.subscribe(lambda event: event.for_staff) as team:
        await write(feed, (205, Audience.STAFF, None))
        assert await heard(team, 1) == [205]
        # Took its id before 205 did, and committed after it.
        await write(feed, (203, Audience.STAFF, None))
        await write(feed, (206, Audience.STAFF, None))
        assert await heard(team, 2) == [203, 206]


def test_a_subscription_that_falls_behind_is_ended_with_what_it_had() -> None:
    subscription = Subscription(lambda event: True)
    for n in range(QUEUE_LIMIT + 5):
        subscription.offer(LiveEvent(n, AT, Audience.STAFF, None, "item", {}))

    assert subscription.ended


async def test_many_events_above_a_missing_one_are_all_passed_on_once(feed: LiveFeed) -> None:
    later = [(n, Audience.STAFF, None) for n in range(402, 402 + READ_BATCH + 100)]
    async with feed.subscribe(lambda event: event.for_staff) as team:
        await write(feed, *later)
        assert await heard(team, len(later)) == [n for n, _, _ in later]
        await write(feed, (401, Audience.STAFF, None))
        assert await heard(team, 1) == [401]
        assert await team.next_within(0.5) is None


async def test_ids_are_not_reused_once_old_events_are_forgotten(feed: LiveFeed) -> None:
    async with feed.subscribe(lambda event: event.for_staff) as team:
        async with feed.storage.transaction() as repositories:
            await repositories.live_events.publish(
                at=AT, audience=Audience.STAFF, thread_id=None, kind="item", data={}
            )
        [first] = await heard(team, 1)
        async with feed.storage.transaction() as repositories:
            await repositories.live_events.forget_events_before(AT + timedelta(seconds=1))
            await repositories.live_events.publish(
                at=AT, audience=Audience.STAFF, thread_id=None, kind="item", data={}
            )
        assert await heard(team, 1) == [first + 1]


async def test_a_reconnecting_browser_also_gets_recent_events_below_the_id_it_saw(
    feed: LiveFeed,
) -> None:
    await write(feed, (510, Audience.BOTH, "thr_a"))
    # Committed after 510 was seen, with a smaller id.
    await write(feed, (505, Audience.BOTH, "thr_a"))
    async with feed.storage.transaction() as repositories:
        session = sql_session(repositories)
        session.add(
            LiveEventRow(
                id=501, at=AT - timedelta(minutes=5), audience="both", thread_id="thr_a",
                kind="item", data={},
            )
        )  # fmt: skip
    async with feed.storage.reading() as repositories:
        missed = await repositories.live_events.thread_events_after(
            "thr_a", 510, recent_since=AT - timedelta(seconds=10), limit=10
        )
    # The browser dedupes by id what it already has; what is old and below it is not sent.
    assert [event.id for event in missed] == [505, 510]
