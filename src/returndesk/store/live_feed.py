"""Live events from the database to this process's browsers, from whichever process wrote them.

One task per process follows the `live_events` table: on PostgreSQL it sleeps
until a NOTIFY says rows were added (checking anyway every few seconds, in case
the listening connection was lost); on SQLite, which has no notifications, it
looks for new rows several times a second, which is cheap (one primary key
range read) and reaches every process on the machine. Each new event goes to
the subscriptions that accept it.

A subscription whose browser reads too slowly is ended rather than left to
grow; its browser reconnects and catches up from the table.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from returndesk.store.port.live_events import LiveEvent
from returndesk.store.port.storage import LiveListener, Storage

logger = logging.getLogger(__name__)

SQLITE_POLL_SECONDS = 0.2
# On PostgreSQL NOTIFY wakes the feed; this only bounds how late a lost notification makes it.
POSTGRES_POLL_SECONDS = 3.0
READ_BATCH = 500
# After a failed read, the next try comes this much later.
RETRY_SECONDS = 5.0
# Without a listening connection, another is tried this much later.
LISTEN_RETRY_SECONDS = 30.0
# Events a browser has not taken yet before its subscription is ended.
QUEUE_LIMIT = 1000
# A browser away longer than this reloads instead of catching up.
KEPT_FOR = timedelta(days=2)
FORGET_EVERY_SECONDS = 3600.0
# On PostgreSQL ids are handed out before commit, so a smaller id can commit after a
# larger one; a missing id is waited for this long before it counts as rolled back.
GAP_WAIT_SECONDS = 10.0


class Subscription:
    """One browser's share of the feed: the events it may see, in order."""

    def __init__(self, accepts: Callable[[LiveEvent], bool]) -> None:
        self.accepts = accepts
        self._queue: asyncio.Queue[LiveEvent | None] = asyncio.Queue(QUEUE_LIMIT)
        self.ended = False

    def offer(self, event: LiveEvent) -> None:
        if self.ended or not self.accepts(event):
            return
        try:
            self._queue.put_nowait(event)
        except asyncio.QueueFull:
            self.end()

    def end(self) -> None:
        if not self.ended:
            self.ended = True
            # Room is kept for the end: the queue may be full of events.
            with contextlib.suppress(asyncio.QueueFull):
                self._queue.put_nowait(None)

    async def next_within(self, seconds: float) -> LiveEvent | None:
        """The next event; None after `seconds` without one, or once ended."""
        if self.ended and self._queue.empty():
            return None
        try:
            return await asyncio.wait_for(self._queue.get(), seconds)
        except TimeoutError:
            return None


class LiveFeed:
    def __init__(self, storage: Storage, clock: Callable[[], datetime]) -> None:
        self.storage = storage
        self._clock = clock
        self._subscriptions: set[Subscription] = set()
        self._wake = asyncio.Event()
        # Every event up to here is passed on; above it, those in `_passed` are. None until
        # the database first answers: the feed follows what is written from then on.
        self._cursor: int | None = None
        self._passed: set[int] = set()
        # Since when an id just above the cursor has been missing while later ones are there.
        self._stuck_since: float | None = None
        self._task: asyncio.Task[None] | None = None
        self._listen_failed = False

    async def start(self) -> None:
        """Follow the events written from now on (from when the database first answers)."""
        try:
            async with self.storage.reading() as repositories:
                self._cursor = await repositories.live_events.latest_event_id()
        except Exception:
            logger.warning("the live feed starts before the database answers", exc_info=True)
        self._task = asyncio.create_task(self._follow(), name="returndesk-live-feed")

    async def stop(self) -> None:
        for subscription in list(self._subscriptions):
            subscription.end()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def recent_since(self) -> datetime:
        """Events written since then may still be missing from a browser that saw later ones."""
        return self._clock() - timedelta(seconds=GAP_WAIT_SECONDS)

    @asynccontextmanager
    async def subscribe(self, accepts: Callable[[LiveEvent], bool]) -> AsyncIterator[Subscription]:
        subscription = Subscription(accepts)
        self._subscriptions.add(subscription)
        try:
            yield subscription
        finally:
            subscription.end()
            self._subscriptions.discard(subscription)

    async def _follow(self) -> None:
        listener: LiveListener | None = None
        loop = asyncio.get_running_loop()
        forget_at = listen_at = loop.time()
        failing = False
        try:
            while True:
                if listener is None and loop.time() >= listen_at:
                    listener = await self._listen()
                    listen_at = loop.time() + LISTEN_RETRY_SECONDS
                try:
                    if self._cursor is None:
                        async with self.storage.reading() as repositories:
                            self._cursor = await repositories.live_events.latest_event_id()
                    await self._pass_on_new_events()
                    if loop.time() >= forget_at:
                        forget_at = loop.time() + FORGET_EVERY_SECONDS
                        await self._forget_old_events()
                    if failing:
                        logger.info("the live feed reads new events again")
                    failing = False
                except Exception:
                    # A database that went away (or is not migrated yet): said once, then
                    # tried again less often; browsers catch up afterwards.
                    if not failing:
                        logger.warning("the live feed cannot read new events", exc_info=True)
                    failing = True
                    _close(listener)
                    listener = None
                # Without notifications (SQLite, or a listener that could not connect) the
                # events are read as often as on SQLite.
                interval = POSTGRES_POLL_SECONDS if listener is not None else SQLITE_POLL_SECONDS
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._wake.wait(), RETRY_SECONDS if failing else interval
                    )
                self._wake.clear()
        finally:
            _close(listener)

    async def _listen(self) -> LiveListener | None:
        """A listener for new events; None when the backend has none or it cannot be had
        (said once)."""
        try:
            listener = await self.storage.listen_for_live_events(self._wake.set)
        except Exception:
            if not self._listen_failed:
                logger.warning("the live feed cannot listen; it reads instead", exc_info=True)
            self._listen_failed = True
            return None
        self._listen_failed = False
        return listener

    async def _pass_on_new_events(self) -> None:
        assert self._cursor is not None
        after = self._cursor
        while True:
            async with self.storage.reading() as repositories:
                events = await repositories.live_events.events_after(after, limit=READ_BATCH)
            for event in events:
                if event.id not in self._passed:
                    for subscription in list(self._subscriptions):
                        subscription.offer(event)
                    self._passed.add(event.id)
            if len(events) < READ_BATCH:
                break
            after = events[-1].id
        self._advance_cursor()

    def _advance_cursor(self) -> None:
        assert self._cursor is not None
        now = asyncio.get_running_loop().time()
        while self._passed:
            following = self._cursor + 1
            if following in self._passed:
                self._passed.discard(following)
                self._cursor = following
                self._stuck_since = None
            elif self._stuck_since is None:
                self._stuck_since = now
                return
            elif now - self._stuck_since >= GAP_WAIT_SECONDS:
                # Rolled back, or committed so late that waiting longer would hold up the
                # rest: the whole run of missing ids is passed over at once.
                self._cursor = min(self._passed) - 1
                self._stuck_since = None
            else:
                return

    async def _forget_old_events(self) -> None:
        async with self.storage.transaction() as repositories:
            await repositories.live_events.forget_events_before(self._clock() - KEPT_FOR)


def _close(listener: LiveListener | None) -> None:
    if listener is not None:
        listener.close()
