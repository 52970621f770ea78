"""The store's staff: who may sign in to the console, and what they may do there."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from returndesk.errors import Forbidden, InvalidRequest

# Long enough that guessing is hopeless at the sign-in rate limit; no rules on characters,
# which push people to predictable patterns.
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class StaffRole(StrEnum):
    # Works the queue and the inbox.
    AGENT = "agent"
    # Also manages staff accounts and lifts lock-outs.
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    email: str
    name: str
    role: StaffRole
    disabled: bool
    created_at: datetime


def require_admin(member: StaffMember) -> None:
    """Managing staff and lifting lock-outs are an admin's; an agent is refused."""
    if member.role is not StaffRole.ADMIN:
        raise Forbidden("Only an admin may do that.")


def staff_email(text: str) -> str:
    """The email as it is kept: trimmed and lower-cased; one that is not an email is refused."""
    email = text.strip().lower()
    if not _EMAIL.match(email) or len(email) > 320:
        raise InvalidRequest(f"{text.strip()!r} is not an email address.")
    return email


def staff_name(text: str) -> str:
    name = " ".join(text.split())
    if not name or len(name) > 128:
        raise InvalidRequest("A staff member needs a name of at most 128 characters.")
    return name


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidRequest(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidRequest(f"A password may have at most {MAX_PASSWORD_LENGTH} characters.")
