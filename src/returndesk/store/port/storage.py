"""Where everything is kept, as the layers above the store see it: units of work over the
repositories, the ChatKit store, per-thread locks, live events, schema and seeding."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from returndesk.domain import Policy
from returndesk.store.port.analytics import Analytics
from returndesk.store.port.attempts import Attempts
from returndesk.store.port.audit import AuditLog
from returndesk.store.port.catalog import Products
from returndesk.store.port.conversations import Conversations
from returndesk.store.port.customers import Customers
from returndesk.store.port.handoffs import Handoffs
from returndesk.store.port.live_events import LiveEvents
from returndesk.store.port.orders import Orders
from returndesk.store.port.return_queue import ReturnQueue
from returndesk.store.port.returns import Returns
from returndesk.store.port.staff import Staff

if TYPE_CHECKING:
    from returndesk.store.port.seeding import HistoryCounts, SeedReport
    from returndesk.store.port.threads import ThreadStore


class Repositories(Protocol):
    """One unit of work's view of the data: what it reads is one consistent snapshot where
    the database gives one, and what it writes is written together or not at all."""

    @property
    def customers(self) -> Customers: ...
    @property
    def orders(self) -> Orders: ...
    @property
    def returns(self) -> Returns: ...
    @property
    def products(self) -> Products: ...
    @property
    def conversations(self) -> Conversations: ...
    @property
    def handoffs(self) -> Handoffs: ...
    @property
    def live_events(self) -> LiveEvents: ...
    @property
    def return_queue(self) -> ReturnQueue: ...
    @property
    def analytics(self) -> Analytics: ...
    @property
    def staff(self) -> Staff: ...
    @property
    def audit(self) -> AuditLog: ...
    @property
    def attempts(self) -> Attempts: ...


class LiveListener(Protocol):
    def close(self) -> None: ...


class ThreadLocks(Protocol):
    def hold(self, thread_id: str) -> AbstractAsyncContextManager[None]:
        """One request at a time per thread, across every process sharing the data."""
        ...


class Storage(Protocol):
    @property
    def name(self) -> str:
        """The backend, for logs and health: `sqlite`, `postgresql` or `cosmos`."""
        ...

    @property
    def threads(self) -> ThreadStore[Any]: ...

    @property
    def thread_locks(self) -> ThreadLocks: ...

    def reading(self) -> AbstractAsyncContextManager[Repositories]:
        """Reads only: one snapshot where the database has them; writing through it fails."""
        ...

    def transaction(
        self, *, conversation_only: bool = False
    ) -> AbstractAsyncContextManager[Repositories]:
        """One unit of work: written when the block ends, nothing of it if it raises.

        It may raise `Duplicate` or `Contention` as it ends, when another writer got
        there first. `conversation_only` says it writes nothing but threads, items and
        conversation states, so what requests have read of customers, orders and returns
        stays current (see `store.commits`).
        """
        ...

    async def listen_for_live_events(self, wake: Callable[[], None]) -> LiveListener | None:
        """Something that calls `wake` whenever another process may have published live
        events, until closed; None when this backend has no such notice (the caller reads
        every so often instead). Raises when the backend has one but it cannot be had."""
        ...

    async def check_schema(self) -> None:
        """Raises `SchemaNotCurrent` unless the database is as this version expects, and
        `Unavailable` when it cannot be reached."""
        ...

    async def upgrade(self) -> None:
        """Create or bring the schema (tables, containers) up to date; idempotent."""
        ...

    async def is_empty(self) -> bool:
        """No customers yet: nothing has been seeded."""
        ...

    async def seed(self, folder: Path, *, now: datetime) -> SeedReport: ...

    async def seed_history(self, *, now: datetime, policy: Policy) -> HistoryCounts: ...

    async def close(self) -> None: ...
