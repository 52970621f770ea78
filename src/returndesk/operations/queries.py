"""What a shopper or the store's team can ask: orders, their eligibility, returns and status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

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
from returndesk.operations.context import Operations
from returndesk.operations.transitions import move
from returndesk.store.db import reading, transaction
from returndesk.store.repositories.customers import get_customer
from returndesk.store.repositories.orders import customer_orders, get_customer_order
from returndesk.store.repositories.returns import (
    StoredReturn,
    existing_returns,
    get_return,
    get_return_row,
    return_from_row,
)
from returndesk.store.tables import ReturnRow


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
    async with reading(ops.sessions) as session:
        orders = await customer_orders(session, customer_id)
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
    async with reading(ops.sessions) as session:
        if customer is None or customer.id != customer_id:
            customer = await get_customer(session, customer_id)
        orders = await customer_orders(session, customer_id)
        return await read_eligibility(session, ops, customer, orders, seal_answers=seal_answers)


async def read_eligibility(
    session: AsyncSession,
    ops: Operations,
    customer: Customer,
    orders: Sequence[Order],
    *,
    seal_answers: Mapping[int, bool] | None = None,
) -> CustomerOrders:
    """`orders_with_eligibility` for the customer's orders already read through `session`."""
    now = ops.clock()
    catalog = await ops.catalog.catalog(
        session, {line.product_id for order in orders for line in order.lines}
    )
    returns = await existing_returns(session, [order.id for order in orders])
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
    async with reading(ops.sessions) as session:
        return await get_customer_order(session, customer_id, order_id)


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
    async with reading(ops.sessions) as session:
        ret = await get_return(session, rma)
        if customer_id is not None and ret.customer_id != customer_id:
            raise NotFound(f"Return {ret.rma} was not found on your account.")
        timing = None
        if ret.refund_payment_method_id and ret.status not in ENDED_WITHOUT_ITEMS:
            customer = await get_customer(session, ret.customer_id)
            destination = customer.payment_method(ret.refund_payment_method_id)
            timing = refund_timing(
                destination, waits_for_items=not ret.keep_item, policy=ops.policy
            )
    return ReturnStatusReport(
        ret, next_step(ret.status, method=ret.method, keep_item=ret.keep_item), timing
    )


async def expire_if_due(ops: Operations, rma: str) -> bool:
    """Expire the return if it waited too long for its items; True when it did."""
    now = ops.clock()
    async with transaction(ops.sessions) as session:
        row = await get_return_row(session, rma, for_update=True)
        ret = return_from_row(row)
        if not is_expired(ret.status, ret.approved_at, now, ops.policy, ret.path):
            return False
        await move(
            session, row, ReturnStatus.EXPIRED, actor=Actor.SYSTEM, at=now, policy=ops.policy
        )
        return True


async def expire_overdue(ops: Operations) -> Sequence[str]:
    """Expire every return that waited too long for its items; their numbers."""
    async with reading(ops.sessions) as session:
        waiting = (
            await session.scalars(
                select(ReturnRow.rma).where(
                    ReturnRow.status.in_(
                        [ReturnStatus.APPROVED.value, ReturnStatus.AWAITING_SHIPMENT.value]
                    )
                )
            )
        ).all()
    return [rma for rma in waiting if await expire_if_due(ops, rma)]
