"""Finding shoppers, orders and lines of the demo store that fit a test's story.

Tests describe what they need ("an eligible line over $40 of a standard
customer") instead of naming ids, so they keep working when the data changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from returndesk.domain import (
    Catalog,
    Customer,
    LineEligibility,
    Order,
    OrderLine,
    OrderStatus,
    Product,
    check_order,
    held_line_nos,
    load_policy,
)
from returndesk.operations.context import Operations
from returndesk.store.db import SessionFactory
from returndesk.store.repositories.catalog import load_catalog
from returndesk.store.repositories.customers import get_customer
from returndesk.store.repositories.orders import get_order
from returndesk.store.repositories.returns import existing_returns
from returndesk.store.tables import OrderRow
from tests.conftest import DEMO_NOW


def demo_operations(sessions: SessionFactory) -> Operations:
    return Operations(sessions, load_policy(), clock=lambda: DEMO_NOW)


@dataclass(frozen=True, slots=True)
class Pick:
    customer: Customer
    order: Order
    line: OrderLine
    product: Product
    eligibility: LineEligibility
    catalog: Catalog


LinePredicate = Callable[[Pick], bool]


async def find_line(
    ops: Operations, wanted: LinePredicate, *, status: OrderStatus = OrderStatus.DELIVERED
) -> Pick:
    """The first line, in order-id order, of an order in `status` that `wanted` accepts."""
    async with ops.sessions() as session:
        order_ids = (
            await session.scalars(
                select(OrderRow.id).where(OrderRow.status == status.value).order_by(OrderRow.id)
            )
        ).all()
        catalog = await load_catalog(session)
        for order_id in order_ids:
            order = await get_order(session, order_id)
            customer = await get_customer(session, order.customer_id)
            held = held_line_nos(await existing_returns(session, [order.id]), order.id)
            results = check_order(
                order,
                customer=customer,
                catalog=catalog,
                policy=ops.policy,
                now=ops.clock(),
                held_line_nos=held,
            )
            for line, result in zip(order.lines, results, strict=True):
                pick = Pick(
                    customer, order, line, catalog.product(line.product_id), result, catalog
                )
                if wanted(pick):
                    return pick
    raise AssertionError("the demo store has no line fitting this test")


async def find_order(ops: Operations, wanted: Callable[[Order, Customer], bool]) -> Order:
    async with ops.sessions() as session:
        order_ids = (await session.scalars(select(OrderRow.id).order_by(OrderRow.id))).all()
        for order_id in order_ids:
            order = await get_order(session, order_id)
            if wanted(order, await get_customer(session, order.customer_id)):
                return order
    raise AssertionError("the demo store has no order fitting this test")
