"""Returns with their lines, amounts, shipment and history, in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from returndesk.domain import (
    ACTIVE,
    Actor,
    ExistingReturn,
    ReasonCode,
    Resolution,
    ReturnEvent,
    ReturnMethod,
    ReturnStatus,
    Shipment,
    from_cents,
    normalize_rma,
    shipment_from_dict,
    shipment_to_dict,
    to_cents,
)
from returndesk.errors import NotFound
from returndesk.store.port.returns import StoredReturn, StoredReturnLine
from returndesk.store.sql.tables import ReturnEventRow, ReturnLineRow, ReturnRow


def return_from_row(row: ReturnRow) -> StoredReturn:
    return StoredReturn(
        rma=row.rma,
        idempotency_key=row.idempotency_key,
        order_id=row.order_id,
        customer_id=row.customer_id,
        thread_id=row.thread_id,
        status=ReturnStatus(row.status),
        reason=ReasonCode(row.reason_code),
        note=row.reason_note,
        resolution=Resolution(row.resolution),
        refund_payment_method_id=row.refund_payment_method_id,
        method=None if row.method is None else ReturnMethod(row.method),
        items_total=from_cents(row.items_total_cents),
        fees=from_cents(row.fees_cents),
        bonus=from_cents(row.bonus_cents),
        refund_amount=from_cents(row.refund_amount_cents),
        exchange_difference=from_cents(row.exchange_difference_cents),
        exchange_payment_method_id=row.exchange_payment_method_id,
        keep_item=row.keep_item,
        shipment=None if row.shipment is None else shipment_from_dict(row.shipment),
        lines=tuple(
            StoredReturnLine(
                line_no=line.line_no,
                item_id=line.item_id,
                product_id=line.product_id,
                price=from_cents(line.price_cents),
                reason=ReasonCode(line.reason_code),
                note=line.reason_note,
                exchange_item_id=line.exchange_item_id,
            )
            for line in row.lines
        ),
        events=tuple(
            ReturnEvent(
                from_status=None if event.from_status is None else ReturnStatus(event.from_status),
                to_status=ReturnStatus(event.to_status),
                actor=Actor(event.actor),
                at=event.at,
                note=event.note,
                staff_member_id=event.staff_member_id,
            )
            for event in row.events
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _return_query() -> Any:
    return select(ReturnRow).options(selectinload(ReturnRow.lines), selectinload(ReturnRow.events))


# Built once: every turn of a return, and every typed turn, runs these.
_RMAS = (
    select(ReturnRow.rma)
    .where(ReturnRow.customer_id == bindparam("customer_id"))
    .order_by(ReturnRow.created_at.desc(), ReturnRow.rma)
)
_HELD_LINES = (
    select(ReturnRow.rma, ReturnRow.order_id, ReturnRow.status, ReturnLineRow.line_no)
    .join(ReturnLineRow, ReturnLineRow.rma == ReturnRow.rma)
    .where(ReturnRow.order_id.in_(bindparam("order_ids", expanding=True)))
)


class SqlReturns:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _row(self, rma: str, *, for_update: bool = False) -> ReturnRow:
        canonical = normalize_rma(rma)
        if canonical is None:
            # Nothing else can name a return, so text of any shape never reaches the query.
            raise NotFound(f"Return {rma.strip().upper()[:32]} was not found.")
        query = _return_query().where(ReturnRow.rma == canonical)
        if for_update:
            query = query.with_for_update(of=ReturnRow)
        row: ReturnRow | None = await self.session.scalar(query)
        if row is None:
            raise NotFound(f"Return {canonical} was not found.")
        return row

    async def get(self, rma: str, *, for_update: bool = False) -> StoredReturn:
        return return_from_row(await self._row(rma, for_update=for_update))

    async def find_by_idempotency_key(self, customer_id: str, key: str) -> StoredReturn | None:
        row = await self.session.scalar(_return_query().where(ReturnRow.idempotency_key == key))
        return None if row is None else return_from_row(row)

    async def newest_first(self, *, customer_id: str | None = None) -> Sequence[StoredReturn]:
        query = _return_query().order_by(ReturnRow.created_at.desc(), ReturnRow.rma)
        if customer_id is not None:
            query = query.where(ReturnRow.customer_id == customer_id)
        rows = (await self.session.scalars(query)).all()
        return [return_from_row(row) for row in rows]

    async def customer_rmas(self, customer_id: str) -> Sequence[str]:
        return (await self.session.scalars(_RMAS, {"customer_id": customer_id})).all()

    async def existing(self, customer_id: str, order_ids: Sequence[str]) -> list[ExistingReturn]:
        # The order ids alone find them: an order has one customer.
        if not order_ids:
            return []
        rows = (await self.session.execute(_HELD_LINES, {"order_ids": list(order_ids)})).all()
        grouped: dict[str, tuple[str, str, set[int]]] = {}
        for rma, order_id, status, line_no in rows:
            grouped.setdefault(rma, (order_id, status, set()))[2].add(line_no)
        return [
            ExistingReturn(rma, order_id, ReturnStatus(status), frozenset(line_nos))
            for rma, (order_id, status, line_nos) in grouped.items()
        ]

    async def rmas_in(self, statuses: Sequence[ReturnStatus]) -> Sequence[str]:
        return (
            await self.session.scalars(
                select(ReturnRow.rma).where(ReturnRow.status.in_([s.value for s in statuses]))
            )
        ).all()

    async def add(self, new: StoredReturn) -> None:
        row = ReturnRow(
            rma=new.rma,
            idempotency_key=new.idempotency_key,
            customer_id=new.customer_id,
            order_id=new.order_id,
            thread_id=new.thread_id,
            status=new.status.value,
            reason_code=new.reason.value,
            reason_note=new.note,
            resolution=new.resolution.value,
            refund_payment_method_id=new.refund_payment_method_id,
            method=None if new.method is None else new.method.value,
            items_total_cents=to_cents(new.items_total),
            fees_cents=to_cents(new.fees),
            bonus_cents=to_cents(new.bonus),
            refund_amount_cents=to_cents(new.refund_amount),
            exchange_difference_cents=to_cents(new.exchange_difference),
            exchange_payment_method_id=new.exchange_payment_method_id,
            keep_item=new.keep_item,
            shipment=None if new.shipment is None else shipment_to_dict(new.shipment),
            created_at=new.created_at,
            updated_at=new.updated_at,
            lines=[
                ReturnLineRow(
                    order_id=new.order_id,
                    line_no=line.line_no,
                    item_id=line.item_id,
                    product_id=line.product_id,
                    price_cents=to_cents(line.price),
                    reason_code=line.reason.value,
                    reason_note=line.note,
                    exchange_item_id=line.exchange_item_id,
                    active=True,
                )
                for line in new.lines
            ],
            events=[],
        )
        self.session.add(row)
        for event in new.events:
            _apply(row, event)
        # The unique idempotency key decides a race here, as the statement runs.
        await self.session.flush()

    async def record_event(
        self, rma: str, event: ReturnEvent, *, shipment: Shipment | None = None
    ) -> None:
        row = await self._row(rma)
        _apply(row, event)
        if shipment is not None:
            row.shipment = shipment_to_dict(shipment)
        await self.session.flush()


def _apply(row: ReturnRow, event: ReturnEvent) -> None:
    """Apply `event` to the row: its status, its history and which lines it still holds."""
    row.events.append(
        ReturnEventRow(
            at=event.at,
            actor=event.actor.value,
            from_status=None if event.from_status is None else event.from_status.value,
            to_status=event.to_status.value,
            note=event.note,
            staff_member_id=event.staff_member_id,
        )
    )
    row.status = event.to_status.value
    row.updated_at = event.at
    if event.to_status not in ACTIVE:
        for line in row.lines:
            line.active = False
