"""What every command needs: the database, the policy and the time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from returndesk.domain import Policy
from returndesk.store.db import SessionFactory
from returndesk.store.repositories.catalog import CatalogCache


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class VerificationLimits:
    """Failed verifications allowed before a lock-out, and how long it lasts."""

    per_owner: int = 5
    per_address: int = 20
    lockout: timedelta = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class Operations:
    sessions: SessionFactory
    policy: Policy
    clock: Callable[[], datetime] = field(default=utc_now)
    verification: VerificationLimits = field(default_factory=VerificationLimits)
    # The catalogue, read at most once a minute by this process (see CatalogCache).
    catalog: CatalogCache = field(default_factory=CatalogCache, compare=False)
