"""Hand-offs as stored: read with their shopper and holder, and moved by conditional updates.

Each move is one `UPDATE ... WHERE status = <expected>`: of two staff members
claiming at once, on any number of processes, exactly one changes the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain.handoffs import ACTIVE, Handoff, HandoffStatus, Holder
from returndesk.store.sql.tables import CustomerRow, HandoffRow, StaffMemberRow


def _select() -> Select[HandoffRow, str, str, str, str]:
    # Outer joins: the names are None for a shopper never verified and a hand-off unclaimed.
    return (
        select(
            HandoffRow,
            StaffMemberRow.name,
            CustomerRow.first_name,
            CustomerRow.last_name,
            CustomerRow.email,
        )
        .outerjoin(StaffMemberRow, StaffMemberRow.id == HandoffRow.claimed_by)
        .outerjoin(CustomerRow, CustomerRow.id == HandoffRow.customer_id)
    )


def _handoff(
    handoff: HandoffRow,
    holder_name: str | None,
    first_name: str | None,
    last_name: str | None,
    email: str | None,
) -> Handoff:
    holder = (
        Holder(handoff.claimed_by, holder_name or "") if handoff.claimed_by is not None else None
    )
    return Handoff(
        id=handoff.id,
        status=HandoffStatus(handoff.status),
        thread_id=handoff.thread_id,
        customer_id=handoff.customer_id,
        customer_name=f"{first_name} {last_name}" if first_name is not None else None,
        customer_email=email,
        summary=handoff.summary,
        created_at=handoff.created_at,
        order_id=handoff.order_id,
        rma=handoff.rma,
        holder=holder,
        claimed_at=handoff.claimed_at,
        first_reply_at=handoff.first_reply_at,
        closed_at=handoff.closed_at,
        close_note=handoff.close_note,
    )


class SqlHandoffs:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, handoff_id: int) -> Handoff | None:
        row = (await self.session.execute(_select().where(HandoffRow.id == handoff_id))).first()
        return None if row is None else _handoff(*row)

    async def active(self, thread_id: str) -> Handoff | None:
        """The thread's hand-off that is not over yet, if it has one."""
        query = (
            _select()
            .where(
                HandoffRow.thread_id == thread_id, HandoffRow.status.in_([s.value for s in ACTIVE])
            )
            .order_by(HandoffRow.id.desc())
            .limit(1)
        )
        row = (await self.session.execute(query)).first()
        return None if row is None else _handoff(*row)

    async def listed(
        self, statuses: Sequence[HandoffStatus], *, newest_first: bool, limit: int
    ) -> list[Handoff]:
        order = HandoffRow.created_at.desc() if newest_first else HandoffRow.created_at.asc()
        query = (
            _select()
            .where(HandoffRow.status.in_([status.value for status in statuses]))
            .order_by(order, HandoffRow.id)
            .limit(limit)
        )
        return [_handoff(*row) for row in (await self.session.execute(query)).all()]

    async def active_counts(self) -> dict[HandoffStatus, int]:
        query = (
            select(HandoffRow.status, func.count())
            .where(HandoffRow.status.in_([s.value for s in ACTIVE]))
            .group_by(HandoffRow.status)
        )
        counted = {
            HandoffStatus(status): count for status, count in (await self.session.execute(query))
        }
        return {status: counted.get(status, 0) for status in ACTIVE}

    async def add(
        self,
        *,
        thread_id: str | None,
        customer_id: str | None,
        summary: str,
        at: datetime,
        order_id: str | None,
        rma: str | None,
    ) -> int:
        row = HandoffRow(
            thread_id=thread_id,
            customer_id=customer_id,
            summary=summary,
            created_at=at,
            status=HandoffStatus.OPEN.value,
            order_id=order_id,
            rma=rma,
        )
        self.session.add(row)
        await self.session.flush()
        return row.id

    async def _move(self, handoff_id: int, expected: HandoffStatus, **values: Any) -> bool:
        result = await self.session.execute(
            update(HandoffRow)
            .where(HandoffRow.id == handoff_id, HandoffRow.status == expected.value)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    async def mark_claimed(self, handoff_id: int, staff_id: int, at: datetime) -> bool:
        """False when it was not open any more: someone else claimed or ended it first."""
        return await self._move(
            handoff_id,
            HandoffStatus.OPEN,
            status=HandoffStatus.CLAIMED.value,
            claimed_by=staff_id,
            claimed_at=at,
        )

    async def mark_replied(self, handoff_id: int, staff_id: int, at: datetime) -> bool | None:
        """Record a reply by the holder: True for their first, False for a later one; None when
        they no longer hold it (handed back or closed by another request meanwhile).

        The update also locks the row until the reply commits, so a hand-back or close
        racing it on PostgreSQL comes after it, never between its check and its commit.
        """
        held = (
            HandoffRow.id == handoff_id,
            HandoffRow.status == HandoffStatus.CLAIMED.value,
            HandoffRow.claimed_by == staff_id,
        )
        first = await self.session.execute(
            update(HandoffRow)
            .where(*held, HandoffRow.first_reply_at.is_(None))
            .values(first_reply_at=at)
            .execution_options(synchronize_session=False)
        )
        if getattr(first, "rowcount", 0):
            return True
        later = await self.session.execute(
            update(HandoffRow)
            .where(*held)
            .values(claimed_by=HandoffRow.claimed_by)
            .execution_options(synchronize_session=False)
        )
        return False if getattr(later, "rowcount", 0) else None

    async def mark_over(
        self,
        handoff_id: int,
        *,
        was: HandoffStatus,
        now: HandoffStatus,
        at: datetime,
        note: str | None,
    ) -> bool:
        """False when it was not `was` any more: another request moved it first."""
        return await self._move(handoff_id, was, status=now.value, closed_at=at, close_note=note)
