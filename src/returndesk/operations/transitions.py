"""Moving a stored return to another status, with everything that move implies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain import (
    Actor,
    Policy,
    ReturnMethod,
    ReturnPath,
    ReturnStatus,
    arrange_shipment,
    shipment_to_dict,
    transition,
)
from returndesk.operations.settlement import settle
from returndesk.store.repositories.returns import record_event
from returndesk.store.tables import ReturnRow


async def move(
    session: AsyncSession,
    row: ReturnRow,
    target: ReturnStatus,
    *,
    actor: Actor,
    at: datetime,
    policy: Policy,
    note: str | None = None,
    staff_member_id: int | None = None,
) -> None:
    """Raises `InvalidTransition` when the state machine forbids the move; nothing changes then."""
    path = ReturnPath.KEEP_ITEM if row.keep_item else ReturnPath.SHIP_BACK
    event = transition(
        ReturnStatus(row.status),
        target,
        actor,
        at,
        note,
        path=path,
        staff_member_id=staff_member_id,
    )
    record_event(row, event)
    if target is ReturnStatus.AWAITING_SHIPMENT and row.shipment is None and row.method:
        shipment = arrange_shipment(ReturnMethod(row.method), rma=row.rma, now=at, policy=policy)
        row.shipment = shipment_to_dict(shipment)
    await settle(session, row, target, at)


async def after_approval(
    session: AsyncSession, row: ReturnRow, *, at: datetime, policy: Policy
) -> None:
    """What follows approval at once: the shipping documents, or settlement when nothing ships."""
    if row.keep_item:
        settled = ReturnStatus.EXCHANGED if row.resolution == "EXCHANGE" else ReturnStatus.REFUNDED
        await move(session, row, settled, actor=Actor.SYSTEM, at=at, policy=policy)
    else:
        await move(
            session, row, ReturnStatus.AWAITING_SHIPMENT, actor=Actor.SYSTEM, at=at, policy=policy
        )
