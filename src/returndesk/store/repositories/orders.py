"""Orders with their lines, fulfilments and payment history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from returndesk.domain import (
    Fulfilment,
    Order,
    OrderLine,
    OrderStatus,
    PaymentTransaction,
    TransactionKind,
    address_from_dict,
    from_cents,
)
from returndesk.errors import NotFound
from returndesk.store.tables import OrderRow


def order_from_row(row: OrderRow) -> Order:
    return Order(
        id=row.id,
        customer_id=row.customer_id,
        status=OrderStatus(row.status),
        placed_at=row.placed_at,
        delivered_at=row.delivered_at,
        lines=tuple(
            OrderLine(
                line_no=line.line_no,
                item_id=line.item_id,
                product_id=line.product_id,
                name=line.name,
                options={str(k): str(v) for k, v in line.options.items()},
                price=from_cents(line.price_cents),
                final_sale=line.final_sale,
            )
            for line in row.lines
        ),
        fulfilments=tuple(
            Fulfilment(tuple(f.tracking_ids), tuple(f.item_ids)) for f in row.fulfilments
        ),
        payments=tuple(
            PaymentTransaction(
                TransactionKind(t.kind), from_cents(t.amount_cents), t.payment_method_id
            )
            for t in row.transactions
        ),
        address=address_from_dict(row.address),
    )


def _order_query(*, for_update: bool = False) -> Any:
    if for_update:
        # Separate queries keep the row lock on the order alone, away from outer joins.
        return select(OrderRow).options(
            selectinload(OrderRow.lines),
            selectinload(OrderRow.fulfilments),
            selectinload(OrderRow.transactions),
        )
    # One query: an order has a handful of lines, fulfilments and payments, so the
    # joined rows stay few, and one round trip costs far less than four.
    return select(OrderRow).options(
        joinedload(OrderRow.lines),
        joinedload(OrderRow.fulfilments),
        joinedload(OrderRow.transactions),
    )


# Built once: every turn of a return reads its order.
_ORDER = _order_query().where(OrderRow.id == bindparam("order_id"))
_ORDER_STATUSES = (
    select(OrderRow.id, OrderRow.status)
    .where(OrderRow.customer_id == bindparam("customer_id"))
    .order_by(OrderRow.placed_at.desc(), OrderRow.id)
)


def normalize_order_id(text: str) -> str:
    """`#W2611340`, also typed as `w2611340` or `W2611340`."""
    cleaned = text.strip().upper().lstrip("#")
    return f"#{cleaned}"


async def get_order(session: AsyncSession, order_id: str, *, for_update: bool = False) -> Order:
    return order_from_row(await get_order_row(session, order_id, for_update=for_update))


async def get_order_row(
    session: AsyncSession, order_id: str, *, for_update: bool = False
) -> OrderRow:
    wanted = normalize_order_id(order_id)
    if for_update:
        query = _order_query(for_update=True).where(OrderRow.id == wanted)
        found = await session.scalars(query.with_for_update(of=OrderRow))
    else:
        found = await session.scalars(_ORDER, {"order_id": wanted})
    row: OrderRow | None = found.unique().one_or_none()
    if row is None:
        raise NotFound(f"Order {normalize_order_id(order_id)} was not found.")
    return row


async def get_customer_order(session: AsyncSession, customer_id: str, order_id: str) -> Order:
    """The order if it belongs to `customer_id`; another customer's order is not found."""
    order = await get_order(session, order_id)
    if order.customer_id != customer_id:
        raise NotFound(f"Order {order.id} was not found on your account.")
    return order


async def customer_order_statuses(
    session: AsyncSession, customer_id: str
) -> Sequence[tuple[str, OrderStatus]]:
    """The ids and statuses of a customer's orders, in `customer_orders` order."""
    rows = await session.execute(_ORDER_STATUSES, {"customer_id": customer_id})
    return [(order_id, OrderStatus(status)) for order_id, status in rows]


async def customer_orders(session: AsyncSession, customer_id: str) -> Sequence[Order]:
    """A customer's orders, newest first."""
    rows = (
        await session.scalars(
            _order_query()
            .where(OrderRow.customer_id == customer_id)
            .order_by(OrderRow.placed_at.desc(), OrderRow.id)
        )
    ).unique()
    return [order_from_row(row) for row in rows]
