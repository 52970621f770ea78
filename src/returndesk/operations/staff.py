"""How a store's team moves returns along: from the console or the `returndesk returns` commands.

Every move is recorded in the audit log with who made it (nobody signs in at the
command line, so there it is recorded without a name).
"""

from __future__ import annotations

from returndesk.domain import Actor, ReturnStatus
from returndesk.domain.audit import AuditAction
from returndesk.domain.staff import StaffMember
from returndesk.errors import InvalidTransition
from returndesk.operations.contention import retried_on_contention
from returndesk.operations.context import Operations
from returndesk.operations.transitions import after_approval, move
from returndesk.store.port.returns import StoredReturn


@retried_on_contention
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
    async with ops.storage.transaction() as repositories:
        ret = await repositories.returns.get(rma, for_update=True)
        moved = await move(
            repositories,
            ret,
            target,
            actor=Actor.STAFF,
            at=now,
            policy=ops.policy,
            note=note,
            staff_member_id=staff_member_id,
        )
        if target is ReturnStatus.APPROVED:
            await after_approval(repositories, moved, at=now, policy=ops.policy)
        await repositories.audit.record(
            at=now,
            staff_member_id=staff_member_id,
            action=AuditAction.RETURN_MOVED,
            subject=ret.rma,
            detail={"from": ret.status.value, "to": target.value, "note": note},
        )
        canonical = ret.rma
    async with ops.storage.reading() as repositories:
        return await repositories.returns.get(canonical)


async def reject_return(
    ops: Operations, rma: str, *, reason: str, staff: StaffMember | None = None
) -> StoredReturn:
    return await advance_return(ops, rma, ReturnStatus.REJECTED, note=reason, staff=staff)
