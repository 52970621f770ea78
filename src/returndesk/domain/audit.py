"""The audit log: what the store's team did, kept so anyone can later see who did what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class AuditAction(StrEnum):
    RETURN_MOVED = "return.moved"
    LOCKOUT_LIFTED = "lockout.lifted"
    STAFF_ADDED = "staff.added"
    STAFF_DISABLED = "staff.disabled"
    PASSWORD_RESET = "staff.password_reset"
    HANDOFF_CLAIMED = "handoff.claimed"
    HANDOFF_REPLIED = "handoff.replied"
    HANDOFF_HANDED_BACK = "handoff.handed_back"
    HANDOFF_CLOSED = "handoff.closed"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    action: AuditAction
    # What was acted on: a return number, a customer id, a staff member's email.
    subject: str
    detail: dict[str, Any]
    # None when it was done at the command line, where no one signs in.
    staff_email: str | None
    staff_name: str | None
