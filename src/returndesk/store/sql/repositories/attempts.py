"""Failed verifications per owner and per client address, in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.store.port.attempts import AttemptLimit, Lockout, Standing
from returndesk.store.sql.tables import VerificationAttemptsRow


class SqlAttempts:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def standing(self, keys: Sequence[str], now: datetime) -> Standing:
        rows = (
            await self.session.execute(
                select(VerificationAttemptsRow.key, VerificationAttemptsRow.locked_until).where(
                    VerificationAttemptsRow.key.in_(keys)
                )
            )
        ).all()
        running = [until for _, until in rows if until is not None and until > now]
        return Standing(max(running, default=None), any(key == keys[0] for key, _ in rows))

    async def running_lockouts(
        self, now: datetime, keys: Sequence[str] | None = None
    ) -> list[Lockout]:
        """Lock-outs still running, soonest to end first; among `keys` when they are given."""
        query = select(VerificationAttemptsRow).where(VerificationAttemptsRow.locked_until > now)
        if keys is not None:
            query = query.where(VerificationAttemptsRow.key.in_(keys))
        rows = await self.session.scalars(query.order_by(VerificationAttemptsRow.locked_until))
        return [
            Lockout(row.key, row.failures, row.locked_until) for row in rows if row.locked_until
        ]

    async def lift(self, key: str) -> bool:
        """End a lock-out and forget its failures; False when there was none under `key`."""
        lifted = await self.session.scalar(
            delete(VerificationAttemptsRow)
            .where(VerificationAttemptsRow.key == key)
            .returning(VerificationAttemptsRow.key)
        )
        return lifted is not None

    async def record_failure(
        self, limits: Sequence[AttemptLimit], *, now: datetime, window: timedelta
    ) -> None:
        for limit in limits:
            row = await self.session.get(VerificationAttemptsRow, limit.key, with_for_update=True)
            if row is None:
                row = VerificationAttemptsRow(key=limit.key, failures=0, window_started_at=now)
                self.session.add(row)
            elif now - row.window_started_at > window:
                row.failures, row.window_started_at, row.locked_until = 0, now, None
            row.failures += 1
            if row.failures >= limit.max_failures:
                row.locked_until = now + window

    async def forget(self, key: str) -> None:
        await self.session.execute(
            delete(VerificationAttemptsRow).where(VerificationAttemptsRow.key == key)
        )
