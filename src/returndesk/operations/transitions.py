"""Moving a stored return to another status, with everything that move implies."""

from __future__ import annotations

from datetime import datetime

from returndesk.domain import (
    Actor,
    Policy,
    Resolution,
    ReturnEvent,
    ReturnStatus,
    arrange_shipment,
    transition,
)
from returndesk.operations.settlement import settle
from returndesk.store.port.returns import StoredReturn
from returndesk.store.port.storage import Repositories


async def move(
    repositories: Repositories,
    ret: StoredReturn,
    target: ReturnStatus,
    *,
    actor: Actor,
    at: datetime,
    policy: Policy,
    note: str | None = None,
    staff_member_id: int | None = None,
) -> StoredReturn:
    """The return once moved. Raises `InvalidTransition` when the state machine forbids the
    move; nothing changes then."""
    event = transition(
        ret.status,
        target,
        actor,
        at,
        note,
        path=ret.path,
        staff_member_id=staff_member_id,
    )
    return await record(repositories, ret, event, policy=policy)


async def record(
    repositories: Repositories, ret: StoredReturn, event: ReturnEvent, *, policy: Policy
) -> StoredReturn:
    """Record an event already checked, with the shipment and the money it brings."""
    shipment = None
    if event.to_status is ReturnStatus.AWAITING_SHIPMENT and ret.shipment is None and ret.method:
        shipment = arrange_shipment(ret.method, rma=ret.rma, now=event.at, policy=policy)
    await repositories.returns.record_event(ret.rma, event, shipment=shipment)
    moved = ret.after(event, shipment=shipment)
    await settle(repositories, moved, event.to_status, event.at)
    return moved


async def after_approval(
    repositories: Repositories, ret: StoredReturn, *, at: datetime, policy: Policy
) -> StoredReturn:
    """What follows approval at once: the shipping documents, or settlement when nothing ships."""
    if ret.keep_item:
        settled = (
            ReturnStatus.EXCHANGED
            if ret.resolution is Resolution.EXCHANGE
            else ReturnStatus.REFUNDED
        )
        return await move(repositories, ret, settled, actor=Actor.SYSTEM, at=at, policy=policy)
    return await move(
        repositories, ret, ReturnStatus.AWAITING_SHIPMENT, actor=Actor.SYSTEM, at=at, policy=policy
    )
