"""Verification and sign-in lock-outs, as the console lists them; an admin may lift one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from returndesk.domain.audit import AuditAction
from returndesk.domain.staff import StaffMember, require_admin
from returndesk.errors import NotFound
from returndesk.operations.contention import retried_on_contention
from returndesk.operations.context import Operations
from returndesk.store.port.attempts import AttemptLimit, Lockout


async def lockouts(ops: Operations) -> list[Lockout]:
    async with ops.storage.reading() as repositories:
        return await repositories.attempts.running_lockouts(ops.clock())


@retried_on_contention
async def lift_lockout(ops: Operations, key: str, *, by: StaffMember) -> None:
    """The visitor or address may try again at once; recorded in the audit log."""
    require_admin(by)
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        if not await repositories.attempts.lift(key):
            raise NotFound("There is no lock-out under that name; it may have ended already.")
        await repositories.audit.record(
            at=now,
            staff_member_id=by.id,
            action=AuditAction.LOCKOUT_LIFTED,
            subject=key[:128],
            detail={},
        )


@retried_on_contention
async def count_failure(
    ops: Operations, limits: Sequence[AttemptLimit], *, now: datetime, window: timedelta
) -> None:
    """One more failed attempt against each key (verification or sign-in)."""
    async with ops.storage.transaction() as repositories:
        await repositories.attempts.record_failure(limits, now=now, window=window)


@retried_on_contention
async def forget_failures(ops: Operations, key: str) -> None:
    """A success: the key's earlier failures no longer count."""
    async with ops.storage.transaction() as repositories:
        await repositories.attempts.forget(key)
