"""Verification and sign-in lock-outs, as the console lists them; an admin may lift one."""

from __future__ import annotations

from returndesk.domain.audit import AuditAction
from returndesk.domain.staff import StaffMember, require_admin
from returndesk.errors import NotFound
from returndesk.operations.context import Operations
from returndesk.store.db import reading, transaction
from returndesk.store.repositories.attempts import Lockout, lift, running_lockouts
from returndesk.store.repositories.audit import record_audit


async def lockouts(ops: Operations) -> list[Lockout]:
    async with reading(ops.sessions) as session:
        return await running_lockouts(session, ops.clock())


async def lift_lockout(ops: Operations, key: str, *, by: StaffMember) -> None:
    """The visitor or address may try again at once; recorded in the audit log."""
    require_admin(by)
    now = ops.clock()
    async with transaction(ops.sessions) as session:
        if not await lift(session, key):
            raise NotFound("There is no lock-out under that name; it may have ended already.")
        record_audit(
            session,
            at=now,
            staff_member_id=by.id,
            action=AuditAction.LOCKOUT_LIFTED,
            subject=key[:128],
            detail={},
        )
