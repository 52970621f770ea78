"""Staff members, in SQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain.staff import StaffMember, StaffRole
from returndesk.errors import NotFound
from returndesk.store.port.staff import StaffCredentials
from returndesk.store.sql.tables import StaffMemberRow


def staff_from_row(row: StaffMemberRow) -> StaffMember:
    return StaffMember(
        id=row.id,
        email=row.email,
        name=row.name,
        role=StaffRole(row.role),
        disabled=row.disabled,
        created_at=row.created_at,
    )


class SqlStaff:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, staff_id: int) -> StaffMember | None:
        row = await self.session.get(StaffMemberRow, staff_id)
        return None if row is None else staff_from_row(row)

    async def _row(self, email: str, *, for_update: bool = False) -> StaffMemberRow:
        query = select(StaffMemberRow).where(StaffMemberRow.email == email)
        if for_update:
            query = query.with_for_update()
        row = await self.session.scalar(query)
        if row is None:
            raise NotFound(f"No staff member {email}.")
        return row

    async def credentials(self, email: str) -> StaffCredentials:
        row = await self._row(email)
        return StaffCredentials(staff_from_row(row), row.password_hash)

    async def every(self) -> Sequence[StaffMember]:
        rows = await self.session.scalars(select(StaffMemberRow).order_by(StaffMemberRow.email))
        return [staff_from_row(row) for row in rows]

    async def names(self, staff_ids: Iterable[int]) -> dict[int, str]:
        wanted = set(staff_ids)
        if not wanted:
            return {}
        rows = await self.session.execute(
            select(StaffMemberRow.id, StaffMemberRow.name).where(StaffMemberRow.id.in_(wanted))
        )
        return {member_id: name for member_id, name in rows}

    async def add(
        self, *, email: str, name: str, role: StaffRole, password_hash: str, at: datetime
    ) -> StaffMember:
        row = StaffMemberRow(
            email=email,
            name=name,
            role=role.value,
            password_hash=password_hash,
            disabled=False,
            created_at=at,
            updated_at=at,
        )
        self.session.add(row)
        # The unique address decides a race here, as the statement runs.
        await self.session.flush()
        return staff_from_row(row)

    async def update(
        self,
        email: str,
        *,
        at: datetime,
        password_hash: str | None = None,
        disabled: bool | None = None,
    ) -> StaffMember:
        row = await self._row(email, for_update=True)
        if password_hash is not None:
            row.password_hash = password_hash
        if disabled is not None:
            row.disabled = disabled
        row.updated_at = at
        return staff_from_row(row)
