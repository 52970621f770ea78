"""Finding shoppers, orders and lines of the demo store that fit a test's story.

Tests describe what they need ("an eligible line over $40 of a standard
customer") instead of naming ids, so they keep working when the data changes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from returndesk.domain import (
    Catalog,
    Customer,
    LineEligibility,
    Order,
    OrderLine,
    OrderStatus,
    Outcome,
    Product,
    ReasonCode,
    Resolution,
    ReturnItem,
    ReturnMethod,
    check_order,
    exchange_variants,
    held_line_nos,
    load_policy,
)
from returndesk.operations.context import Operations
from returndesk.operations.returns import ReturnDraft
from returndesk.store.port.returns import StoredReturn
from returndesk.store.port.storage import Storage
from returndesk.store.seed_format import demo_data_dir, read_seed_data
from tests.conftest import DEMO_NOW


def demo_operations(storage: Storage) -> Operations:
    return Operations(storage, load_policy(), clock=lambda: DEMO_NOW)


@functools.cache
def demo_orders() -> tuple[tuple[str, str], ...]:
    """(customer id, order id) of every order of the demo store, by order id: read from its
    files, so the same on every backend."""
    orders = read_seed_data(demo_data_dir()).orders
    return tuple(
        sorted(
            ((order.user_id, order_id) for order_id, order in orders.items()),
            key=lambda pair: pair[1],
        )
    )


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
    async with ops.storage.reading() as repositories:
        catalog = await repositories.products.catalog()
        for _, order_id in demo_orders():
            order = await repositories.orders.get(order_id)
            if order.status is not status:
                continue
            customer = await repositories.customers.get(order.customer_id)
            held = held_line_nos(
                await repositories.returns.existing(customer.id, [order.id]), order.id
            )
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
    async with ops.storage.reading() as repositories:
        for customer_id, order_id in demo_orders():
            order = await repositories.orders.get(order_id)
            if wanted(order, await repositories.customers.get(customer_id)):
                return order
    raise AssertionError("the demo store has no order fitting this test")


def ordinary(pick: Pick) -> bool:
    """An eligible line that ships back normally: no pickup-only, no review, no seal."""
    return (
        pick.eligibility.outcome is Outcome.ELIGIBLE
        and pick.product.category != "furniture"
        and pick.product.name != "Bicycle"
        and Decimal("40.01") <= pick.line.price < Decimal(1000)
        and pick.order.items_total < Decimal(1500)
    )


def draft(pick: Pick, key: str, **changes: object) -> ReturnDraft:
    fields: dict[str, object] = {
        "customer_id": pick.customer.id,
        "order_id": pick.order.id,
        "items": (ReturnItem(pick.line.line_no, ReasonCode.UNWANTED),),
        "resolution": Resolution.REFUND,
        "method": ReturnMethod.PREPAID_LABEL,
        "idempotency_key": key,
    }
    fields.update(changes)
    return ReturnDraft(**fields)  # type: ignore[arg-type]


async def returns_of(ops: Operations, customer_id: str) -> list[StoredReturn]:
    async with ops.storage.reading() as repositories:
        return list(await repositories.returns.newest_first(customer_id=customer_id))


def second_ordinary_line(pick: Pick) -> Pick | None:
    for line in pick.order.lines:
        if line.line_no == pick.line.line_no or line.item_id == pick.line.item_id:
            continue
        if sum(1 for other in pick.order.lines if other.item_id == line.item_id) != 1:
            continue
        product = pick.catalog.product(line.product_id)
        other = Pick(pick.customer, pick.order, line, product, pick.eligibility, pick.catalog)
        verdict_ok = (
            line.price > 40 and product.category != "furniture" and not product.hygiene_sealed
        )
        if verdict_ok and ordinary(other):
            return other
    return None


def dearer_variant(pick: Pick) -> str | None:
    for variant in exchange_variants(pick.line, pick.catalog):
        if variant.price > pick.line.price:
            return variant.item_id
    return None


def cheaper_variant(pick: Pick) -> str | None:
    for variant in exchange_variants(pick.line, pick.catalog):
        if variant.price < pick.line.price:
            return variant.item_id
    return None


@dataclass(frozen=True)
class Request:
    """A kind of request: the orders it fits, how shoppers ask, and what must come next."""

    kind: str
    fits: Callable[[Order, list[Order]], bool]
    asks: tuple[str, ...]
    next_question: str


def delivered_among_several(order: Order, all_orders: list[Order]) -> bool:
    delivered = [o for o in all_orders if o.status is OrderStatus.DELIVERED]
    # Named order is not the first one listed, so showing it first is visible.
    return order.status is OrderStatus.DELIVERED and len(delivered) >= 2 and delivered[0] != order


async def story(ops: Operations, request: Request, skip: int) -> tuple[Customer, Order]:
    """The `skip`-th customer and order of the demo store fitting `request`."""
    found = 0
    by_customer: dict[str, list[str]] = {}
    for customer_id, order_id in demo_orders():
        by_customer.setdefault(customer_id, []).append(order_id)
    async with ops.storage.reading() as repositories:
        for customer_id in sorted(by_customer):
            orders = [await repositories.orders.get(o) for o in by_customer[customer_id]]
            for order in orders:
                if request.fits(order, orders):
                    if found == skip:
                        return await repositories.customers.get(customer_id), order
                    found += 1
                    break
    raise AssertionError("the demo store has no order fitting this request")
