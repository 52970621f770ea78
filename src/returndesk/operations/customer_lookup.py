"""Customers as the console shows them: found by search, and everything about one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from returndesk.domain import Customer, Order
from returndesk.operations.context import Operations
from returndesk.store.db import reading
from returndesk.store.repositories.attempts import Lockout, running_lockouts
from returndesk.store.repositories.conversations import CustomerThread, customer_threads
from returndesk.store.repositories.customers import customers_among, get_customer
from returndesk.store.repositories.orders import customer_orders
from returndesk.store.repositories.return_queue import QueueEntry, QueueFilter, queue_page
from returndesk.store.repositories.staff_search import matching_customers, search_term

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
    async with reading(ops.sessions) as session:
        return await customers_among(session, matching_customers(term), limit=MAX_FOUND)


async def customer_overview(ops: Operations, customer_id: str) -> CustomerOverview:
    """Raises `NotFound` for a customer that does not exist."""
    async with reading(ops.sessions) as session:
        customer = await get_customer(session, customer_id)
        orders = await customer_orders(session, customer.id)
        returns = await queue_page(
            session, QueueFilter(customer_id=customer.id), after=None, limit=RETURNS_SHOWN
        )
        threads = await customer_threads(session, customer.id)
        owners = sorted({f"owner:{thread.owner_id}" for thread in threads})
        lockouts = await running_lockouts(session, ops.clock(), owners)
    return CustomerOverview(customer, orders, returns, threads, lockouts)
