"""Staff members: the store's team who sign in to the console."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from returndesk.domain.staff import StaffMember, StaffRole


@dataclass(frozen=True, slots=True)
class StaffCredentials:
    """A member with what signing in checks."""

    member: StaffMember
    password_hash: str


class Staff(Protocol):
    async def get(self, staff_id: int) -> StaffMember | None: ...

    async def credentials(self, email: str) -> StaffCredentials:
        """Raises `NotFound` for an address that is no member's."""
        ...

    async def every(self) -> Sequence[StaffMember]:
        """By email."""
        ...

    async def names(self, staff_ids: Iterable[int]) -> dict[int, str]:
        """The names of these members, by id, disabled ones too: their past actions keep
        them."""
        ...

    async def add(
        self, *, email: str, name: str, role: StaffRole, password_hash: str, at: datetime
    ) -> StaffMember:
        """Raises `Duplicate` when the address is a member's already."""
        ...

    async def update(
        self,
        email: str,
        *,
        at: datetime,
        password_hash: str | None = None,
        disabled: bool | None = None,
    ) -> StaffMember:
        """Change what is given, after any other change to the member. Raises `NotFound`."""
        ...
