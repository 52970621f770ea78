"""What the ChatKit store needs to know about a request: whose data it may touch."""

from __future__ import annotations

from typing import Protocol


class OwnerScoped(Protocol):
    @property
    def owner_id(self) -> str: ...
