"""How a store's team moves returns along: from the console or the `returndesk returns` commands.

Every move is recorded in the audit log with who made it (nobody signs in at the
command line, so there it is recorded without a name).
"""

from __future__ import annotations

from returndesk.domain import Actor, ReturnStatus
from returndesk.domain.audit import AuditAction
from returndesk.domain.staff import StaffMember
from returndesk.errors import InvalidTransition
from returndesk.operations.context import Operations
from returndesk.operations.transitions import after_approval, move
from returndesk.store.db import reading, transaction
from returndesk.store.repositories.audit import record_audit
from returndesk.store.repositories.returns import StoredReturn, get_return, get_return_row


async def advance_return(
    ops: Operations,
    rma: str,
    target: ReturnStatus,
    *,
    note: str | None = None,
    staff: StaffMember | None = None,
) -> StoredReturn:
    """Raises `InvalidTransition` for a move the lifecycle forbids; nothing changes then.

    Approving a reviewed return issues its shipping documents (or settles it when
    nothing ships) in the same step, as an automatic approval would.
    """
    now = ops.clock()
    note = note.strip() if note and note.strip() else None
    if target is ReturnStatus.REJECTED and note is None:
        # The shopper is told why; a rejection without a reason tells them nothing.
        raise InvalidTransition("A return is rejected only with a reason for the shopper.")
    staff_member_id = None if staff is None else staff.id
    async with transaction(ops.sessions) as session:
        row = await get_return_row(session, rma, for_update=True)
        before = row.status
        await move(
            session,
            row,
            target,
            actor=Actor.STAFF,
            at=now,
            policy=ops.policy,
            note=note,
            staff_member_id=staff_member_id,
        )
        if target is ReturnStatus.APPROVED:
            await after_approval(session, row, at=now, policy=ops.policy)
        record_audit(
            session,
            at=now,
            staff_member_id=staff_member_id,
            action=AuditAction.RETURN_MOVED,
            subject=row.rma,
            detail={"from": before, "to": target.value, "note": note},
        )
        canonical = row.rma
    async with reading(ops.sessions) as session:
        return await get_return(session, canonical)


async def reject_return(
    ops: Operations, rma: str, *, reason: str, staff: StaffMember | None = None
) -> StoredReturn:
    return await advance_return(ops, rma, ReturnStatus.REJECTED, note=reason, staff=staff)
