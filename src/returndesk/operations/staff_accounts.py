"""Staff accounts: adding, listing, disabling, and setting passwords.

Passwords are hashed with Argon2id through `pwdlib`, with its recommended
parameters; only the hash is stored, and a hash made with older parameters is
replaced at the next successful check.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from pwdlib import PasswordHash
from sqlalchemy.exc import IntegrityError

from returndesk.domain.staff import (
    StaffMember,
    StaffRole,
    check_new_password,
    staff_email,
    staff_name,
)
from returndesk.errors import Conflict, InvalidRequest, NotFound
from returndesk.operations.context import Operations
from returndesk.store.db import reading, transaction
from returndesk.store.repositories.staff import all_staff, staff_from_row, staff_row
from returndesk.store.tables import StaffMemberRow

_HASHER = PasswordHash.recommended()


async def add_staff(
    ops: Operations, *, email: str, name: str, role: StaffRole, password: str
) -> StaffMember:
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
            return staff_from_row(row)
    except IntegrityError as exc:
        raise Conflict(f"{address} is already a staff member.") from exc


async def list_staff(ops: Operations) -> Sequence[StaffMember]:
    async with reading(ops.sessions) as session:
        return await all_staff(session)


async def disable_staff(ops: Operations, email: str) -> StaffMember:
    """A disabled member can no longer sign in; their past actions keep their name."""
    async with transaction(ops.sessions) as session:
        row = await staff_row(session, staff_email(email), for_update=True)
        row.disabled = True
        row.updated_at = ops.clock()
        return staff_from_row(row)


async def reset_password(ops: Operations, email: str, password: str) -> StaffMember:
    check_new_password(password)
    async with transaction(ops.sessions) as session:
        row = await staff_row(session, staff_email(email), for_update=True)
        row.password_hash = _HASHER.hash(password)
        row.updated_at = ops.clock()
        return staff_from_row(row)


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
