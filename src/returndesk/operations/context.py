"""What every command needs: the storage, the policy and the time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

from returndesk.domain import Policy
from returndesk.domain.business_hours import BusinessHours
from returndesk.domain.handoffs import Handoff
from returndesk.store.catalog_cache import CatalogCache
from returndesk.store.port.storage import Storage


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class VerificationLimits:
    """Failed verifications allowed before a lock-out, and how long it lasts."""

    per_owner: int = 5
    per_address: int = 20
    lockout: timedelta = timedelta(minutes=15)


class HandoffNotifier(Protocol):
    """Told of each new hand-off, after it is stored; must not keep the shopper waiting."""

    def opened(self, handoff: Handoff) -> None: ...


@dataclass(frozen=True, slots=True)
class Operations:
    storage: Storage
    policy: Policy
    clock: Callable[[], datetime] = field(default=utc_now)
    verification: VerificationLimits = field(default_factory=VerificationLimits)
    # The catalogue, read at most once a minute by this process (see CatalogCache).
    catalog: CatalogCache = field(default_factory=CatalogCache, compare=False)
    handoff_notifier: HandoffNotifier | None = field(default=None, compare=False)
    # When the team answers hand-offs; None: the shopper is never told to wait.
    business_hours: BusinessHours | None = None
