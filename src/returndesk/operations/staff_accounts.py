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
from returndesk.operations.contention import retried_on_contention
from returndesk.operations.context import Operations
from returndesk.operations.lockouts import count_failure, forget_failures
from returndesk.store.port.attempts import AttemptLimit
from returndesk.store.port.errors import Duplicate
from returndesk.store.port.storage import Repositories

_HASHER = PasswordHash.recommended()


@retried_on_contention
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
    try:
        async with ops.storage.transaction() as repositories:
            member = await repositories.staff.add(
                email=address,
                name=staff_name(name),
                role=role,
                password_hash=_HASHER.hash(password),
                at=now,
            )
            await _audit(
                repositories, now, by, AuditAction.STAFF_ADDED, address, {"role": role.value}
            )
            return member
    except Duplicate as exc:
        raise Conflict(f"{address} is already a staff member.") from exc


async def list_staff(ops: Operations) -> Sequence[StaffMember]:
    async with ops.storage.reading() as repositories:
        return await repositories.staff.every()


@retried_on_contention
async def disable_staff(
    ops: Operations, email: str, *, by: StaffMember | None = None
) -> StaffMember:
    """A disabled member can no longer sign in; their past actions keep their name."""
    address = staff_email(email)
    if by is not None and by.email == address:
        raise InvalidRequest("You cannot disable your own account; ask another admin.")
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        member = await repositories.staff.update(address, at=now, disabled=True)
        await _audit(repositories, now, by, AuditAction.STAFF_DISABLED, address, {})
        return member


@retried_on_contention
async def reset_password(
    ops: Operations, email: str, password: str, *, by: StaffMember | None = None
) -> StaffMember:
    check_new_password(password)
    address = staff_email(email)
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        member = await repositories.staff.update(
            address, at=now, password_hash=_HASHER.hash(password)
        )
        await _audit(repositories, now, by, AuditAction.PASSWORD_RESET, address, {})
        return member


async def _audit(
    repositories: Repositories,
    at: datetime,
    by: StaffMember | None,
    action: AuditAction,
    email: str,
    detail: dict[str, Any],
) -> None:
    await repositories.audit.record(
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
    async with ops.storage.transaction() as repositories:
        try:
            found = await repositories.staff.credentials(address)
        except NotFound:
            # Spend the time a real check takes, so the answer's timing tells nothing.
            _HASHER.verify(password, _dummy_hash())
            return None
        valid, updated = _HASHER.verify_and_update(password, found.password_hash)
        if not valid or found.member.disabled:
            return None
        if updated is not None:
            await repositories.staff.update(address, at=ops.clock(), password_hash=updated)
        return found.member


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
    async with ops.storage.reading() as repositories:
        earlier = await repositories.attempts.standing(keys, now)
    if earlier.locked_until is not None:
        minutes = max(1, math.ceil((earlier.locked_until - now).total_seconds() / 60))
        raise TooManyAttempts(f"Too many failed sign-ins; please try again in {minutes} minutes.")
    member = await check_password(ops, email, password)
    if member is None:
        attempt_limits = [AttemptLimit(keys[0], limits.per_owner)]
        if len(keys) > 1:
            attempt_limits.append(AttemptLimit(keys[1], limits.per_address))
        await count_failure(ops, attempt_limits, now=now, window=limits.lockout)
        raise InvalidCredentials("That email and password don't match an active account.")
    if earlier.first_key_failed:
        await forget_failures(ops, keys[0])
    return member


async def staff_member(ops: Operations, staff_id: int) -> StaffMember | None:
    """The member a session names, unless they have been disabled since."""
    async with ops.storage.reading() as repositories:
        member = await repositories.staff.get(staff_id)
    return None if member is None or member.disabled else member
