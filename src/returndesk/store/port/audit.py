"""The audit log: appended in the same unit of work as the change it records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from returndesk.domain.audit import AuditAction, AuditEntry


class AuditLog(Protocol):
    async def record(
        self,
        *,
        at: datetime,
        staff_member_id: int | None,
        action: AuditAction,
        subject: str,
        detail: dict[str, Any],
    ) -> None: ...

    async def entries(self, *, limit: int, subject: str | None = None) -> Sequence[AuditEntry]:
        """The newest `limit` entries, newest first; about one subject when it is given."""
        ...
