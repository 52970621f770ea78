"""Every SQL repository over one session: what a unit of work hands its caller."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.store.port.storage import Repositories
from returndesk.store.sql.repositories.analytics import SqlAnalytics
from returndesk.store.sql.repositories.attempts import SqlAttempts
from returndesk.store.sql.repositories.audit import SqlAuditLog
from returndesk.store.sql.repositories.catalog import SqlProducts
from returndesk.store.sql.repositories.conversations import SqlConversations
from returndesk.store.sql.repositories.customers import SqlCustomers
from returndesk.store.sql.repositories.handoffs import SqlHandoffs
from returndesk.store.sql.repositories.live_events import SqlLiveEvents
from returndesk.store.sql.repositories.orders import SqlOrders
from returndesk.store.sql.repositories.return_queue import SqlReturnQueue
from returndesk.store.sql.repositories.returns import SqlReturns
from returndesk.store.sql.repositories.staff import SqlStaff


class SqlRepositories:
    """Every repository over one session: one transaction, or one read-only snapshot."""

    __slots__ = (
        "analytics",
        "attempts",
        "audit",
        "conversations",
        "customers",
        "handoffs",
        "live_events",
        "orders",
        "products",
        "return_queue",
        "returns",
        "session",
        "staff",
    )

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.customers = SqlCustomers(session)
        self.orders = SqlOrders(session)
        self.returns = SqlReturns(session)
        self.products = SqlProducts(session)
        self.conversations = SqlConversations(session)
        self.handoffs = SqlHandoffs(session)
        self.live_events = SqlLiveEvents(session)
        self.return_queue = SqlReturnQueue(session)
        self.analytics = SqlAnalytics(session)
        self.staff = SqlStaff(session)
        self.audit = SqlAuditLog(session)
        self.attempts = SqlAttempts(session)


def session_of(repositories: Repositories) -> AsyncSession:
    """The session under repositories this backend made (the ChatKit store writes in it)."""
    if not isinstance(repositories, SqlRepositories):
        raise TypeError("these repositories are not the SQL store's")
    return repositories.session
