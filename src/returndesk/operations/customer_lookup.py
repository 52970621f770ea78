"""Customers as the console shows them: found by search, and everything about one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from returndesk.domain import Customer, Order
from returndesk.operations.context import Operations
from returndesk.store.port.attempts import Lockout
from returndesk.store.port.conversations import CustomerThread
from returndesk.store.port.return_queue import QueueEntry, QueueFilter
from returndesk.store.port.staff_search import search_term

MAX_FOUND = 50
# A customer page lists this many of their returns, newest first; the queue has the rest.
RETURNS_SHOWN = 100


@dataclass(frozen=True, slots=True)
class CustomerOverview:
    customer: Customer
    orders: Sequence[Order]
    returns: Sequence[QueueEntry]
    conversations: Sequence[CustomerThread]
    # Running verification lock-outs of the visitors who chatted as this customer.
    lockouts: Sequence[Lockout]


async def search_customers(ops: Operations, text: str) -> list[Customer]:
    term = search_term(text)
    if term is None:
        return []
    async with ops.storage.reading() as repositories:
        return await repositories.customers.search(term, limit=MAX_FOUND)


async def customer_overview(ops: Operations, customer_id: str) -> CustomerOverview:
    """Raises `NotFound` for a customer that does not exist."""
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(customer_id)
        orders = await repositories.orders.customer_orders(customer.id)
        returns = await repositories.return_queue.page(
            QueueFilter(customer_id=customer.id), after=None, limit=RETURNS_SHOWN
        )
        threads = await repositories.conversations.customer_threads(customer.id)
        owners = sorted({f"owner:{thread.owner_id}" for thread in threads})
        lockouts = await repositories.attempts.running_lockouts(ops.clock(), owners)
    return CustomerOverview(customer, orders, returns, threads, lockouts)
