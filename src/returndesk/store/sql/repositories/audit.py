"""The audit log, in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain.audit import AuditAction, AuditEntry
from returndesk.store.sql.tables import AuditEntryRow, StaffMemberRow


class SqlAuditLog:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def entries(self, *, limit: int, subject: str | None = None) -> Sequence[AuditEntry]:
        """The newest `limit` entries, newest first; about one subject when it is given."""
        query = (
            select(AuditEntryRow, StaffMemberRow.email, StaffMemberRow.name)
            .outerjoin(StaffMemberRow, StaffMemberRow.id == AuditEntryRow.staff_member_id)
            .order_by(AuditEntryRow.id.desc())
            .limit(limit)
        )
        if subject is not None:
            query = query.where(AuditEntryRow.subject == subject)
        rows = (await self.session.execute(query)).all()
        return [
            AuditEntry(
                id=row.id,
                at=row.at,
                action=AuditAction(row.action),
                subject=row.subject,
                detail=row.detail,
                staff_email=email,
                staff_name=name,
            )
            for row, email, name in rows
        ]

    async def record(
        self,
        *,
        at: datetime,
        staff_member_id: int | None,
        action: AuditAction,
        subject: str,
        detail: dict[str, Any],
    ) -> None:
        self.session.add(
            AuditEntryRow(
                at=at,
                staff_member_id=staff_member_id,
                action=action.value,
                subject=subject,
                detail=detail,
            )
        )
