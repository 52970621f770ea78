"""Hand-offs: opening one for the shopper, and the team's claim, replies, hand-back and close.

Each command is one transaction: the hand-off's move, its audit entry, the
messages the shopper is shown (`Saying`, supplied by the chat layer, which
knows threads and their items) and the live events that tell every open
browser, so a browser never hears of a change that did not happen.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from returndesk.domain.audit import AuditAction
from returndesk.domain.handoffs import (
    ACTIVE,
    Handoff,
    HandoffStatus,
    check_claimable,
    check_closable,
    check_holder,
)
from returndesk.domain.staff import StaffMember
from returndesk.errors import Conflict, NotFound
from returndesk.operations.contention import retried_on_contention
from returndesk.operations.context import Operations
from returndesk.operations.json_views import handoff_json, person_json
from returndesk.store.port.live_events import Audience
from returndesk.store.port.storage import Repositories
from returndesk.telemetry import HANDOFF_FIRST_REPLY, HANDOFFS

# What the shopper is shown of a move: items added to their thread in the move's
# transaction, returned as ChatKit JSON for the live events.
Saying = Callable[[Repositories, Handoff], Awaitable[list[dict[str, Any]]]]
INBOX_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Inbox:
    handoffs: list[Handoff]
    counts: dict[HandoffStatus, int]


async def handoff_inbox(ops: Operations, *, over: bool, limit: int = INBOX_LIMIT) -> Inbox:
    """Open and claimed hand-offs longest waiting first; or those over, newest first."""
    async with ops.storage.reading() as repositories:
        if over:
            statuses = (HandoffStatus.HANDED_BACK, HandoffStatus.CLOSED)
            found = await repositories.handoffs.listed(statuses, newest_first=True, limit=limit)
        else:
            found = await repositories.handoffs.listed(ACTIVE, newest_first=False, limit=limit)
        return Inbox(found, await repositories.handoffs.active_counts())


async def handoff(ops: Operations, handoff_id: int) -> Handoff:
    async with ops.storage.reading() as repositories:
        return await _found(repositories, handoff_id)


@retried_on_contention
async def open_handoff(
    ops: Operations,
    *,
    thread_id: str | None,
    customer_id: str | None,
    summary: str,
    order_id: str | None,
    rma: str | None,
) -> tuple[Handoff, bool]:
    """The thread's hand-off, opened now unless one is already waiting; True when new."""
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        waiting = None if thread_id is None else await repositories.handoffs.active(thread_id)
        if waiting is not None:
            return waiting, False
        handoff_id = await repositories.handoffs.add(
            thread_id=thread_id,
            customer_id=customer_id,
            summary=summary,
            at=now,
            order_id=order_id,
            rma=rma,
        )
        opened = await _found(repositories, handoff_id)
        await _tell_staff(repositories, opened, now)
    HANDOFFS.labels("opened").inc()
    return opened, True


@retried_on_contention
async def claim_handoff(
    ops: Operations, handoff_id: int, member: StaffMember, saying: Saying
) -> Handoff:
    """Refused, naming the holder, when someone else claimed it first."""
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        check_claimable(await _found(repositories, handoff_id))
        if not await repositories.handoffs.mark_claimed(handoff_id, member.id, now):
            # Another process claimed it between the read and the update.
            check_claimable(await _found(repositories, handoff_id))
        claimed = await _found(repositories, handoff_id)
        await _announce(repositories, claimed, now, member, AuditAction.HANDOFF_CLAIMED, saying)
    HANDOFFS.labels("claimed").inc()
    return claimed


@retried_on_contention
async def reply_to_shopper(
    ops: Operations, handoff_id: int, member: StaffMember, saying: Saying
) -> tuple[Handoff, list[dict[str, Any]]]:
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        check_holder(await _found(repositories, handoff_id), member.id)
        first = await repositories.handoffs.mark_replied(handoff_id, member.id, now)
        held = await _found(repositories, handoff_id)
        if first is None:
            # Handed back or closed by another request since the check.
            check_holder(held, member.id)
        items = await saying(repositories, held)
        await _audit(
            repositories,
            now,
            member,
            AuditAction.HANDOFF_REPLIED,
            held,
            {"item_ids": [item["id"] for item in items]},
        )
        await show_items(repositories, held, now, items)
        if first:
            await _tell_staff(repositories, held, now)
    if first:
        HANDOFF_FIRST_REPLY.observe((now - held.created_at).total_seconds())
    return held, items


@retried_on_contention
async def hand_back(
    ops: Operations, handoff_id: int, member: StaffMember, saying: Saying
) -> Handoff:
    """The assistant answers the shopper again, from where the conversation stood."""
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        check_holder(await _found(repositories, handoff_id), member.id)
        await _end(repositories, handoff_id, HandoffStatus.CLAIMED, HandoffStatus.HANDED_BACK, now)
        ended = await _found(repositories, handoff_id)
        await _announce(repositories, ended, now, member, AuditAction.HANDOFF_HANDED_BACK, saying)
    HANDOFFS.labels("handed_back").inc()
    return ended


@retried_on_contention
async def close_handoff(
    ops: Operations, handoff_id: int, member: StaffMember, note: str | None, saying: Saying
) -> Handoff:
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        current = await _found(repositories, handoff_id)
        check_closable(current, member.id)
        await _end(repositories, handoff_id, current.status, HandoffStatus.CLOSED, now, note)
        ended = await _found(repositories, handoff_id)
        # The shopper heard of a person only if one had claimed it.
        told = saying if current.status is HandoffStatus.CLAIMED else None
        await _announce(
            repositories, ended, now, member, AuditAction.HANDOFF_CLOSED, told, {"note": note}
        )
    HANDOFFS.labels("closed").inc()
    return ended


async def _found(repositories: Repositories, handoff_id: int) -> Handoff:
    found = await repositories.handoffs.get(handoff_id)
    if found is None:
        raise NotFound(f"There is no hand-off {handoff_id}.")
    return found


async def _end(
    repositories: Repositories,
    handoff_id: int,
    was: HandoffStatus,
    now_status: HandoffStatus,
    at: datetime,
    note: str | None = None,
) -> None:
    if not await repositories.handoffs.mark_over(
        handoff_id, was=was, now=now_status, at=at, note=note
    ):
        moved = await _found(repositories, handoff_id)
        raise Conflict(
            f"This hand-off was just {moved.status.value.replace('_', ' ')} by another request."
        )


async def _audit(
    repositories: Repositories,
    at: datetime,
    member: StaffMember,
    action: AuditAction,
    handoff: Handoff,
    detail: dict[str, Any],
) -> None:
    await repositories.audit.record(
        at=at,
        staff_member_id=member.id,
        action=action,
        subject=f"handoff:{handoff.id}",
        detail={"thread_id": handoff.thread_id, **detail},
    )


async def _tell_staff(repositories: Repositories, handoff: Handoff, at: datetime) -> None:
    await repositories.live_events.publish(
        at=at,
        audience=Audience.STAFF,
        thread_id=handoff.thread_id,
        kind="handoff",
        data=handoff_json(handoff, at),
    )


async def _announce(
    repositories: Repositories,
    moved: Handoff,
    at: datetime,
    member: StaffMember,
    action: AuditAction,
    saying: Saying | None,
    detail: dict[str, Any] | None = None,
) -> None:
    """A claim or an ending, told: audited; the shopper told who handles the conversation now
    and shown what `saying` adds (unless None); the team shown the hand-off as it is now."""
    await _audit(repositories, at, member, action, moved, detail or {})
    if saying is not None:
        if moved.thread_id is not None:
            await repositories.live_events.publish(
                at=at,
                audience=Audience.SHOPPER,
                thread_id=moved.thread_id,
                kind="person",
                data=person_json(moved),
            )
        await show_items(repositories, moved, at, await saying(repositories, moved))
    await _tell_staff(repositories, moved, at)


async def show_items(
    repositories: Repositories, handoff: Handoff, at: datetime, items: list[dict[str, Any]]
) -> None:
    """Items of the hand-off's thread, for its shopper's open chat and the team's inbox."""
    for item in items:
        await repositories.live_events.publish(
            at=at,
            audience=Audience.BOTH,
            thread_id=handoff.thread_id,
            kind="item",
            data={"thread_id": handoff.thread_id, "handoff_id": handoff.id, "item": item},
        )
