"""How a store's team moves returns along (the `returndesk returns` commands)."""

from __future__ import annotations

from returndesk.domain import Actor, ReturnStatus
from returndesk.operations.context import Operations
from returndesk.operations.transitions import after_approval, move
from returndesk.store.db import reading, transaction
from returndesk.store.repositories.returns import StoredReturn, get_return, get_return_row


async def advance_return(
    ops: Operations, rma: str, target: ReturnStatus, *, note: str | None = None
) -> StoredReturn:
    """Raises `InvalidTransition` for a move the lifecycle forbids; nothing changes then.

    Approving a reviewed return issues its shipping documents (or settles it when
    nothing ships) in the same step, as an automatic approval would.
    """
    now = ops.clock()
    async with transaction(ops.sessions) as session:
        row = await get_return_row(session, rma, for_update=True)
        await move(session, row, target, actor=Actor.STAFF, at=now, policy=ops.policy, note=note)
        if target is ReturnStatus.APPROVED:
            await after_approval(session, row, at=now, policy=ops.policy)
        canonical = row.rma
    async with reading(ops.sessions) as session:
        return await get_return(session, canonical)


async def reject_return(ops: Operations, rma: str, *, reason: str) -> StoredReturn:
    return await advance_return(ops, rma, ReturnStatus.REJECTED, note=reason)
