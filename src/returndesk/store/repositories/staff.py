"""Staff members: the store's team who sign in to the console."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain.staff import StaffMember, StaffRole
from returndesk.errors import NotFound
from returndesk.store.tables import StaffMemberRow


def staff_from_row(row: StaffMemberRow) -> StaffMember:
    return StaffMember(
        id=row.id,
        email=row.email,
        name=row.name,
        role=StaffRole(row.role),
        disabled=row.disabled,
        created_at=row.created_at,
    )


async def staff_row(
    session: AsyncSession, email: str, *, for_update: bool = False
) -> StaffMemberRow:
    query = select(StaffMemberRow).where(StaffMemberRow.email == email)
    if for_update:
        query = query.with_for_update()
    row = await session.scalar(query)
    if row is None:
        raise NotFound(f"No staff member {email}.")
    return row


async def all_staff(session: AsyncSession) -> Sequence[StaffMember]:
    rows = await session.scalars(select(StaffMemberRow).order_by(StaffMemberRow.email))
    return [staff_from_row(row) for row in rows]


async def staff_names(session: AsyncSession, staff_ids: Iterable[int]) -> dict[int, str]:
    """The names of these members, by id, disabled ones too: their past actions keep them."""
    wanted = set(staff_ids)
    if not wanted:
        return {}
    rows = await session.execute(
        select(StaffMemberRow.id, StaffMemberRow.name).where(StaffMemberRow.id.in_(wanted))
    )
    return {member_id: name for member_id, name in rows}
