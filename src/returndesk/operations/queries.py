"""What a shopper or the store's team can ask: orders, their eligibility, returns and status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from returndesk.domain import (
    Actor,
    Catalog,
    Customer,
    LineEligibility,
    Order,
    OrderStatus,
    ReturnStatus,
    check_order,
    held_line_nos,
    is_expired,
    next_step,
    refund_timing,
)
from returndesk.domain.lifecycle import ENDED_WITHOUT_ITEMS
from returndesk.errors import NotFound
from returndesk.operations.contention import retried_on_contention
from returndesk.operations.context import Operations
from returndesk.operations.transitions import move
from returndesk.store.port.returns import StoredReturn
from returndesk.store.port.storage import Repositories


@dataclass(frozen=True, slots=True)
class OrderWithEligibility:
    order: Order
    lines: tuple[LineEligibility, ...]


@dataclass(frozen=True, slots=True)
class CustomerOrders:
    customer: Customer
    catalog: Catalog
    orders: tuple[OrderWithEligibility, ...]


async def pending_orders(ops: Operations, customer_id: str) -> list[Order]:
    """The customer's orders not shipped yet, newest first: the ones that may still be
    cancelled or changed."""
    async with ops.storage.reading() as repositories:
        orders = await repositories.orders.customer_orders(customer_id)
    return [order for order in orders if order.status is OrderStatus.PENDING]


async def orders_with_eligibility(
    ops: Operations,
    customer_id: str,
    *,
    seal_answers: Mapping[int, bool] | None = None,
    customer: Customer | None = None,
) -> CustomerOrders:
    """Every order of the customer, each line with whether it can be returned now and why.

    `customer`, when the caller has just read it, is not read again.
    """
    async with ops.storage.reading() as repositories:
        if customer is None or customer.id != customer_id:
            customer = await repositories.customers.get(customer_id)
        orders = await repositories.orders.customer_orders(customer_id)
        return await read_eligibility(
            repositories, ops, customer, orders, seal_answers=seal_answers
        )


async def read_eligibility(
    repositories: Repositories,
    ops: Operations,
    customer: Customer,
    orders: Sequence[Order],
    *,
    seal_answers: Mapping[int, bool] | None = None,
) -> CustomerOrders:
    """`orders_with_eligibility` for the customer's orders already read through
    `repositories`."""
    now = ops.clock()
    catalog = await ops.catalog.catalog(
        repositories.products, {line.product_id for order in orders for line in order.lines}
    )
    returns = await repositories.returns.existing(customer.id, [order.id for order in orders])
    return CustomerOrders(
        customer,
        catalog,
        tuple(
            OrderWithEligibility(
                order,
                check_order(
                    order,
                    customer=customer,
                    catalog=catalog,
                    policy=ops.policy,
                    now=now,
                    held_line_nos=held_line_nos(returns, order.id),
                    seal_answers=seal_answers,
                ),
            )
            for order in orders
        ),
    )


async def order_status(ops: Operations, order_id: str, *, customer_id: str) -> Order:
    """The customer's own order, with its status, items and tracking numbers."""
    async with ops.storage.reading() as repositories:
        return await repositories.orders.customer_order(customer_id, order_id)


@dataclass(frozen=True, slots=True)
class ReturnStatusReport:
    ret: StoredReturn
    next_step: str
    refund_timing: str | None


async def return_status(
    ops: Operations, rma: str, *, customer_id: str | None = None
) -> ReturnStatusReport:
    """A return with what happens next; a return past its expiry is expired first.

    `customer_id` scopes the look-up to that customer's returns (None: the store's team).
    """
    await expire_if_due(ops, rma)
    async with ops.storage.reading() as repositories:
        ret = await repositories.returns.get(rma)
        if customer_id is not None and ret.customer_id != customer_id:
            raise NotFound(f"Return {ret.rma} was not found on your account.")
        timing = None
        if ret.refund_payment_method_id and ret.status not in ENDED_WITHOUT_ITEMS:
            customer = await repositories.customers.get(ret.customer_id)
            destination = customer.payment_method(ret.refund_payment_method_id)
            timing = refund_timing(
                destination, waits_for_items=not ret.keep_item, policy=ops.policy
            )
    return ReturnStatusReport(
        ret, next_step(ret.status, method=ret.method, keep_item=ret.keep_item), timing
    )


@retried_on_contention
async def expire_if_due(ops: Operations, rma: str) -> bool:
    """Expire the return if it waited too long for its items; True when it did."""
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        ret = await repositories.returns.get(rma, for_update=True)
        if not is_expired(ret.status, ret.approved_at, now, ops.policy, ret.path):
            return False
        await move(
            repositories, ret, ReturnStatus.EXPIRED, actor=Actor.SYSTEM, at=now, policy=ops.policy
        )
        return True


async def expire_overdue(ops: Operations) -> Sequence[str]:
    """Expire every return that waited too long for its items; their numbers."""
    async with ops.storage.reading() as repositories:
        waiting = await repositories.returns.rmas_in(
            [ReturnStatus.APPROVED, ReturnStatus.AWAITING_SHIPMENT]
        )
    return [rma for rma in waiting if await expire_if_due(ops, rma)]
