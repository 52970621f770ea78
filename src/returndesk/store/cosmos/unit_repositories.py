"""Every Cosmos repository over one unit of work: what `CosmosStorage` hands its caller."""

from __future__ import annotations

from returndesk.store.cosmos.repositories.analytics import CosmosAnalytics
from returndesk.store.cosmos.repositories.attempts import CosmosAttempts
from returndesk.store.cosmos.repositories.audit import CosmosAuditLog
from returndesk.store.cosmos.repositories.catalog import CosmosProducts
from returndesk.store.cosmos.repositories.conversations import CosmosConversations
from returndesk.store.cosmos.repositories.customers import CosmosCustomers
from returndesk.store.cosmos.repositories.handoffs import CosmosHandoffs
from returndesk.store.cosmos.repositories.live_events import CosmosLiveEvents
from returndesk.store.cosmos.repositories.orders import CosmosOrders
from returndesk.store.cosmos.repositories.return_queue import CosmosReturnQueue
from returndesk.store.cosmos.repositories.returns import CosmosReturns
from returndesk.store.cosmos.repositories.staff import CosmosStaff
from returndesk.store.cosmos.unit_of_work import Unit
from returndesk.store.port.storage import Repositories


class CosmosRepositories:
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
        "staff",
        "unit",
    )

    def __init__(self, unit: Unit) -> None:
        self.unit = unit
        self.customers = CosmosCustomers(unit)
        self.orders = CosmosOrders(unit)
        self.returns = CosmosReturns(unit)
        self.products = CosmosProducts(unit)
        self.conversations = CosmosConversations(unit)
        self.handoffs = CosmosHandoffs(unit)
        self.live_events = CosmosLiveEvents(unit)
        self.return_queue = CosmosReturnQueue(unit)
        self.analytics = CosmosAnalytics(unit)
        self.staff = CosmosStaff(unit)
        self.audit = CosmosAuditLog(unit)
        self.attempts = CosmosAttempts(unit)


def unit_of(repositories: Repositories) -> Unit:
    """The unit of work under repositories this backend made (the ChatKit store writes in it)."""
    if not isinstance(repositories, CosmosRepositories):
        raise TypeError("these repositories are not the Cosmos store's")
    return repositories.unit
