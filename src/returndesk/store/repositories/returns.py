"""Returns as stored: their lines, amounts, shipment and history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
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
    ReturnPath,
    ReturnStatus,
    Shipment,
    from_cents,
    normalize_rma,
    shipment_from_dict,
)
from returndesk.errors import NotFound
from returndesk.store.tables import ReturnEventRow, ReturnLineRow, ReturnRow


@dataclass(frozen=True, slots=True)
class StoredReturnLine:
    line_no: int
    item_id: str
    product_id: str
    price: Decimal
    reason: ReasonCode
    note: str | None
    exchange_item_id: str | None


@dataclass(frozen=True, slots=True)
class StoredReturn:
    rma: str
    order_id: str
    customer_id: str
    thread_id: str | None
    status: ReturnStatus
    reason: ReasonCode
    resolution: Resolution
    refund_payment_method_id: str | None
    method: ReturnMethod | None
    items_total: Decimal
    fees: Decimal
    bonus: Decimal
    refund_amount: Decimal
    exchange_difference: Decimal
    exchange_payment_method_id: str | None
    keep_item: bool
    shipment: Shipment | None
    lines: tuple[StoredReturnLine, ...]
    events: tuple[ReturnEvent, ...]
    created_at: datetime
    updated_at: datetime

    @property
    def path(self) -> ReturnPath:
        return ReturnPath.KEEP_ITEM if self.keep_item else ReturnPath.SHIP_BACK

    @property
    def approved_at(self) -> datetime | None:
        for event in reversed(self.events):
            if event.to_status is ReturnStatus.APPROVED:
                return event.at
        return None

    @property
    def exchange_item_ids(self) -> tuple[str, ...]:
        return tuple(line.exchange_item_id for line in self.lines if line.exchange_item_id)


def return_from_row(row: ReturnRow) -> StoredReturn:
    return StoredReturn(
        rma=row.rma,
        order_id=row.order_id,
        customer_id=row.customer_id,
        thread_id=row.thread_id,
        status=ReturnStatus(row.status),
        reason=ReasonCode(row.reason_code),
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


async def get_return_row(session: AsyncSession, rma: str, *, for_update: bool = False) -> ReturnRow:
    canonical = normalize_rma(rma)
    if canonical is None:
        # Nothing else can name a return, so text of any shape never reaches the query.
        raise NotFound(f"Return {rma.strip().upper()[:32]} was not found.")
    query = _return_query().where(ReturnRow.rma == canonical)
    if for_update:
        query = query.with_for_update(of=ReturnRow)
    row: ReturnRow | None = await session.scalar(query)
    if row is None:
        raise NotFound(f"Return {canonical} was not found.")
    return row


async def get_return(session: AsyncSession, rma: str) -> StoredReturn:
    return return_from_row(await get_return_row(session, rma))


async def find_by_idempotency_key(session: AsyncSession, key: str) -> StoredReturn | None:
    row = await session.scalar(_return_query().where(ReturnRow.idempotency_key == key))
    return None if row is None else return_from_row(row)


async def list_returns(
    session: AsyncSession, *, customer_id: str | None = None, order_id: str | None = None
) -> Sequence[StoredReturn]:
    """Newest first."""
    query = _return_query().order_by(ReturnRow.created_at.desc(), ReturnRow.rma)
    if customer_id is not None:
        query = query.where(ReturnRow.customer_id == customer_id)
    if order_id is not None:
        query = query.where(ReturnRow.order_id == order_id)
    rows = (await session.scalars(query)).all()
    return [return_from_row(row) for row in rows]


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


async def customer_rmas(session: AsyncSession, customer_id: str) -> Sequence[str]:
    """The numbers of the customer's returns, in `list_returns` order."""
    return (await session.scalars(_RMAS, {"customer_id": customer_id})).all()


async def existing_returns(session: AsyncSession, order_ids: Sequence[str]) -> list[ExistingReturn]:
    """What eligibility needs about the returns already made on these orders."""
    if not order_ids:
        return []
    rows = (await session.execute(_HELD_LINES, {"order_ids": list(order_ids)})).all()
    grouped: dict[str, tuple[str, str, set[int]]] = {}
    for rma, order_id, status, line_no in rows:
        grouped.setdefault(rma, (order_id, status, set()))[2].add(line_no)
    return [
        ExistingReturn(rma, order_id, ReturnStatus(status), frozenset(line_nos))
        for rma, (order_id, status, line_nos) in grouped.items()
    ]


def record_event(row: ReturnRow, event: ReturnEvent) -> None:
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
