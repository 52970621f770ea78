"""Staff accounts: adding, listing, disabling, and setting passwords.

Passwords are hashed with Argon2id through `pwdlib`, with its recommended
parameters; only the hash is stored, and a hash made with older parameters is
replaced at the next successful check.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pwdlib import PasswordHash
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain.audit import AuditAction
from returndesk.domain.staff import (
    StaffMember,
    StaffRole,
    check_new_password,
    staff_email,
    staff_name,
)
from returndesk.errors import (
    Conflict,
    InvalidCredentials,
    InvalidRequest,
    NotFound,
    TooManyAttempts,
)
from returndesk.operations.context import Operations
from returndesk.store.db import reading, transaction
from returndesk.store.repositories.attempts import (
    AttemptLimit,
    forget,
    record_failure,
    standing,
)
from returndesk.store.repositories.audit import record_audit
from returndesk.store.repositories.staff import all_staff, staff_from_row, staff_row
from returndesk.store.tables import StaffMemberRow

_HASHER = PasswordHash.recommended()


async def add_staff(
    ops: Operations,
    *,
    email: str,
    name: str,
    role: StaffRole,
    password: str,
    by: StaffMember | None = None,
) -> StaffMember:
    """`by`: the admin adding them, for the audit log; None at the command line."""
    address = staff_email(email)
    check_new_password(password)
    now = ops.clock()
    row = StaffMemberRow(
        email=address,
        name=staff_name(name),
        role=role.value,
        password_hash=_HASHER.hash(password),
        disabled=False,
        created_at=now,
        updated_at=now,
    )
    try:
        async with transaction(ops.sessions) as session:
            session.add(row)
            await session.flush()
            _audit(session, now, by, AuditAction.STAFF_ADDED, address, {"role": role.value})
            return staff_from_row(row)
    except IntegrityError as exc:
        raise Conflict(f"{address} is already a staff member.") from exc


async def list_staff(ops: Operations) -> Sequence[StaffMember]:
    async with reading(ops.sessions) as session:
        return await all_staff(session)


async def disable_staff(
    ops: Operations, email: str, *, by: StaffMember | None = None
) -> StaffMember:
    """A disabled member can no longer sign in; their past actions keep their name."""
    address = staff_email(email)
    if by is not None and by.email == address:
        raise InvalidRequest("You cannot disable your own account; ask another admin.")
    now = ops.clock()
    async with transaction(ops.sessions) as session:
        row = await staff_row(session, address, for_update=True)
        row.disabled = True
        row.updated_at = now
        _audit(session, now, by, AuditAction.STAFF_DISABLED, address, {})
        return staff_from_row(row)


async def reset_password(
    ops: Operations, email: str, password: str, *, by: StaffMember | None = None
) -> StaffMember:
    check_new_password(password)
    address = staff_email(email)
    now = ops.clock()
    async with transaction(ops.sessions) as session:
        row = await staff_row(session, address, for_update=True)
        row.password_hash = _HASHER.hash(password)
        row.updated_at = now
        _audit(session, now, by, AuditAction.PASSWORD_RESET, address, {})
        return staff_from_row(row)


def _audit(
    session: AsyncSession,
    at: datetime,
    by: StaffMember | None,
    action: AuditAction,
    email: str,
    detail: dict[str, Any],
) -> None:
    record_audit(
        session,
        at=at,
        staff_member_id=None if by is None else by.id,
        action=action,
        subject=email,
        detail=detail,
    )


async def check_password(ops: Operations, email: str, password: str) -> StaffMember | None:
    """The member these credentials belong to, if they are right and the member is not
    disabled; None otherwise, without saying which part was wrong."""
    try:
        address = staff_email(email)
    except InvalidRequest:
        return None
    async with transaction(ops.sessions) as session:
        try:
            row = await staff_row(session, address)
        except NotFound:
            # Spend the time a real check takes, so the answer's timing tells nothing.
            _HASHER.verify(password, _dummy_hash())
            return None
        valid, updated = _HASHER.verify_and_update(password, row.password_hash)
        if not valid or row.disabled:
            return None
        if updated is not None:
            row.password_hash = updated
        return staff_from_row(row)


@functools.cache
def _dummy_hash() -> str:
    return _HASHER.hash("a password nobody has")


async def sign_in(
    ops: Operations, email: str, password: str, *, client_address: str | None
) -> StaffMember:
    """The member, if the credentials are right; failures are counted per email and per
    client address in the database (as verification is), and too many lock both out."""
    now = ops.clock()
    limits = ops.verification
    keys = [f"staff:{email.strip().lower()[:250]}"]
    if client_address:
        keys.append(f"staff-address:{client_address}")
    async with reading(ops.sessions) as session:
        earlier = await standing(session, keys, now)
    if earlier.locked_until is not None:
        minutes = max(1, math.ceil((earlier.locked_until - now).total_seconds() / 60))
        raise TooManyAttempts(f"Too many failed sign-ins; please try again in {minutes} minutes.")
    member = await check_password(ops, email, password)
    if member is None:
        attempt_limits = [AttemptLimit(keys[0], limits.per_owner)]
        if len(keys) > 1:
            attempt_limits.append(AttemptLimit(keys[1], limits.per_address))
        await record_failure(ops.sessions, attempt_limits, now=now, window=limits.lockout)
        raise InvalidCredentials("That email and password don't match an active account.")
    if earlier.first_key_failed:
        await forget(ops.sessions, keys[0])
    return member


async def staff_member(ops: Operations, staff_id: int) -> StaffMember | None:
    """The member a session names, unless they have been disabled since."""
    async with reading(ops.sessions) as session:
        row = await session.get(StaffMemberRow, staff_id)
    return None if row is None or row.disabled else staff_from_row(row)
