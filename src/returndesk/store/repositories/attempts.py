"""Counting failed verifications per owner and per client address, across all processes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.store.db import SessionFactory, transaction
from returndesk.store.tables import VerificationAttemptsRow


@dataclass(frozen=True, slots=True)
class AttemptLimit:
    key: str
    max_failures: int


@dataclass(frozen=True, slots=True)
class Standing:
    """What earlier failures say about a new attempt."""

    # The latest lock-out still running for any of the keys, if one is.
    locked_until: datetime | None
    # Failures counted against the first key, which a success clears.
    first_key_failed: bool


async def standing(session: AsyncSession, keys: Sequence[str], now: datetime) -> Standing:
    rows = (
        await session.execute(
            select(VerificationAttemptsRow.key, VerificationAttemptsRow.locked_until).where(
                VerificationAttemptsRow.key.in_(keys)
            )
        )
    ).all()
    running = [until for _, until in rows if until is not None and until > now]
    return Standing(max(running, default=None), any(key == keys[0] for key, _ in rows))


async def record_failure(
    sessions: SessionFactory,
    limits: Sequence[AttemptLimit],
    *,
    now: datetime,
    window: timedelta,
) -> None:
    """Count one failure against each key; a key reaching its limit is locked for `window`."""
    async with transaction(sessions) as session:
        for limit in limits:
            row = await session.get(VerificationAttemptsRow, limit.key, with_for_update=True)
            if row is None:
                row = VerificationAttemptsRow(key=limit.key, failures=0, window_started_at=now)
                session.add(row)
            elif now - row.window_started_at > window:
                row.failures, row.window_started_at, row.locked_until = 0, now, None
            row.failures += 1
            if row.failures >= limit.max_failures:
                row.locked_until = now + window


async def forget(sessions: SessionFactory, key: str) -> None:
    """A success clears the owner's count (the address keeps its own)."""
    async with transaction(sessions) as session:
        await session.execute(
            delete(VerificationAttemptsRow).where(VerificationAttemptsRow.key == key)
        )


@dataclass(frozen=True, slots=True)
class Lockout:
    # `owner:<visitor>`, `address:<client address>`, `staff:<email>` or `staff-address:<address>`.
    key: str
    failures: int
    locked_until: datetime


async def running_lockouts(
    session: AsyncSession, now: datetime, keys: Sequence[str] | None = None
) -> list[Lockout]:
    """Lock-outs still running, soonest to end first; among `keys` when they are given."""
    query = select(VerificationAttemptsRow).where(VerificationAttemptsRow.locked_until > now)
    if keys is not None:
        query = query.where(VerificationAttemptsRow.key.in_(keys))
    rows = await session.scalars(query.order_by(VerificationAttemptsRow.locked_until))
    return [Lockout(row.key, row.failures, row.locked_until) for row in rows if row.locked_until]


async def lift(session: AsyncSession, key: str) -> bool:
    """End a lock-out and forget its failures; False when there was none under `key`."""
    lifted = await session.scalar(
        delete(VerificationAttemptsRow)
        .where(VerificationAttemptsRow.key == key)
        .returning(VerificationAttemptsRow.key)
    )
    return lifted is not None
