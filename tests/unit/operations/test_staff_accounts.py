"""Staff accounts: passwords kept only hashed, checked without telling which part was wrong."""

from __future__ import annotations

import pytest

from returndesk.domain.staff import StaffRole
from returndesk.errors import Conflict, InvalidRequest, NotFound
from returndesk.operations.context import Operations
from returndesk.operations.staff_accounts import (
    add_staff,
    check_password,
    disable_staff,
    list_staff,
    reset_password,
)

PASSWORD = "correct horse battery staple"


async def add_agent(ops: Operations, email: str, password: str = PASSWORD) -> None:
    await add_staff(ops, email=email, name="Ana", role=StaffRole.AGENT, password=password)


async def test_a_new_member_signs_in_with_their_password_only(ops: Operations) -> None:
    added = await add_staff(
        ops, email=" Ana@Example.COM ", name="Ana  Ruiz", role=StaffRole.ADMIN, password=PASSWORD
    )

    assert (added.email, added.name, added.role) == ("ana@example.com", "Ana Ruiz", StaffRole.ADMIN)
    async with ops.storage.reading() as repositories:
        stored = (await repositories.staff.credentials("ana@example.com")).password_hash
    assert PASSWORD not in stored
    assert stored.startswith("$argon2id$")
    assert await check_password(ops, "ANA@example.com", PASSWORD) == added
    assert await check_password(ops, "ana@example.com", PASSWORD + "!") is None
    assert await check_password(ops, "nobody@example.com", PASSWORD) is None
    assert await check_password(ops, "not an email", PASSWORD) is None
    assert [m.email for m in await list_staff(ops)] == ["ana@example.com"]


async def test_an_email_is_one_member_and_a_short_password_is_refused(ops: Operations) -> None:
    await add_agent(ops, "ana@example.com")

    with pytest.raises(Conflict, match="already a staff member"):
        await add_staff(
            ops, email="ANA@example.com", name="Other", role=StaffRole.AGENT, password=PASSWORD
        )
    with pytest.raises(InvalidRequest, match="at least 12 characters"):
        await add_agent(ops, "bo@example.com", "short")
    with pytest.raises(InvalidRequest, match="not an email address"):
        await add_agent(ops, "bo")
    assert len(await list_staff(ops)) == 1


async def test_a_disabled_member_cannot_sign_in(ops: Operations) -> None:
    await add_agent(ops, "ana@example.com")

    disabled = await disable_staff(ops, "ana@example.com")

    assert disabled.disabled
    assert await check_password(ops, "ana@example.com", PASSWORD) is None


async def test_a_new_password_replaces_the_old_one(ops: Operations) -> None:
    await add_agent(ops, "ana@example.com")

    await reset_password(ops, "ana@example.com", "a brand new passphrase")

    assert await check_password(ops, "ana@example.com", PASSWORD) is None
    assert await check_password(ops, "ana@example.com", "a brand new passphrase") is not None
    with pytest.raises(NotFound):
        await reset_password(ops, "nobody@example.com", "a brand new passphrase")
