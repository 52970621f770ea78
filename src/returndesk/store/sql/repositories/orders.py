"""Orders with their lines, fulfilments and payment history, in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from returndesk.domain import (
    Address,
    Fulfilment,
    Order,
    OrderLine,
    OrderStatus,
    PaymentTransaction,
    TransactionKind,
    address_from_dict,
    from_cents,
    to_cents,
)
from returndesk.errors import NotFound
from returndesk.store.port.orders import normalize_order_id
from returndesk.store.sql.tables import OrderRow, PaymentTransactionRow


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


class SqlOrders:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, order_id: str, *, for_update: bool = False) -> Order:
        return order_from_row(await self._row(order_id, for_update=for_update))

    async def _row(self, order_id: str, *, for_update: bool = False) -> OrderRow:
        wanted = normalize_order_id(order_id)
        if for_update:
            query = _order_query(for_update=True).where(OrderRow.id == wanted)
            found = await self.session.scalars(query.with_for_update(of=OrderRow))
        else:
            found = await self.session.scalars(_ORDER, {"order_id": wanted})
        row: OrderRow | None = found.unique().one_or_none()
        if row is None:
            raise NotFound(f"Order {wanted} was not found.")
        return row

    async def customer_order(self, customer_id: str, order_id: str) -> Order:
        order = await self.get(order_id)
        if order.customer_id != customer_id:
            raise NotFound(f"Order {order.id} was not found on your account.")
        return order

    async def customer_order_statuses(self, customer_id: str) -> Sequence[tuple[str, OrderStatus]]:
        rows = await self.session.execute(_ORDER_STATUSES, {"customer_id": customer_id})
        return [(order_id, OrderStatus(status)) for order_id, status in rows]

    async def customer_orders(self, customer_id: str) -> Sequence[Order]:
        rows = (
            await self.session.scalars(
                _order_query()
                .where(OrderRow.customer_id == customer_id)
                .order_by(OrderRow.placed_at.desc(), OrderRow.id)
            )
        ).unique()
        return [order_from_row(row) for row in rows]

    async def set_status(self, order_id: str, status: OrderStatus) -> None:
        (await self._row(order_id)).status = status.value

    async def mark_cancelled(self, order_id: str, *, at: datetime, reason: str) -> None:
        row = await self._row(order_id)
        row.status = OrderStatus.CANCELLED.value
        row.cancelled_at = at
        row.cancel_reason = reason

    async def set_address(self, order_id: str, address: Address) -> None:
        (await self._row(order_id)).address = address.to_dict()

    async def replace_lines(self, order_id: str, lines: Sequence[OrderLine]) -> None:
        rows = {line.line_no: line for line in (await self._row(order_id)).lines}
        for line in lines:
            row = rows[line.line_no]
            row.item_id = line.item_id
            row.product_id = line.product_id
            row.name = line.name
            row.options = dict(line.options)
            row.price_cents = to_cents(line.price)
            row.final_sale = line.final_sale

    async def add_payment(
        self,
        order_id: str,
        *,
        kind: TransactionKind,
        amount: Decimal,
        payment_method_id: str,
        at: datetime,
    ) -> None:
        last_seq = await self.session.scalar(
            select(func.max(PaymentTransactionRow.seq)).where(
                PaymentTransactionRow.order_id == order_id
            )
        )
        self.session.add(
            PaymentTransactionRow(
                order_id=order_id,
                seq=(last_seq or 0) + 1,
                kind=kind.value,
                amount_cents=to_cents(amount),
                payment_method_id=payment_method_id,
                created_at=at,
            )
        )
