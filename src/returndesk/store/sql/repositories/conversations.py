"""Each thread's conversation state and its log, in SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.store.port.conversations import CustomerThread, StoredState
from returndesk.store.sql.tables import ConversationEventRow, ConversationStateRow, ThreadRow

# Built once: every turn runs them, and building one costs more than running it.
_STATE = select(ConversationStateRow.data, ConversationStateRow.version).where(
    ConversationStateRow.thread_id == bindparam("thread_id")
)
_SAVE_IF_UNCHANGED = (
    update(ConversationStateRow)
    .where(
        ConversationStateRow.thread_id == bindparam("thread"),
        ConversationStateRow.version == bindparam("expected_version"),
    )
    .values(
        data=bindparam("new_data"),
        customer_id=bindparam("new_customer_id"),
        version=bindparam("new_version"),
        updated_at=bindparam("new_updated_at"),
    )
    # The session holds no state rows to keep in step with the update.
    .execution_options(synchronize_session=False)
)


class SqlConversations:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def read_state(self, thread_id: str) -> StoredState:
        row = (await self.session.execute(_STATE, {"thread_id": thread_id})).one_or_none()
        if row is None:
            return StoredState({}, 0)
        return StoredState(row.data, row.version)

    async def save_state(
        self,
        *,
        thread_id: str,
        owner_id: str,
        customer_id: str | None,
        data: dict[str, Any],
        expected_version: int,
        at: datetime,
    ) -> bool:
        if expected_version == 0:
            self.session.add(
                ConversationStateRow(
                    thread_id=thread_id,
                    owner_id=owner_id,
                    customer_id=customer_id,
                    version=1,
                    data=data,
                    updated_at=at,
                )
            )
            # The insert goes first: if another request made the state, the unique key
            # stops this one before anything else is written.
            await self.session.flush()
            return True
        result = await self.session.execute(
            _SAVE_IF_UNCHANGED,
            {
                "thread": thread_id,
                "expected_version": expected_version,
                "new_data": data,
                "new_customer_id": customer_id,
                "new_version": expected_version + 1,
                "new_updated_at": at,
            },
        )
        return bool(getattr(result, "rowcount", 0))

    async def customer_threads(self, customer_id: str) -> list[CustomerThread]:
        rows = await self.session.execute(
            select(
                ThreadRow.id,
                ThreadRow.owner_id,
                ThreadRow.title,
                ThreadRow.created_at,
                ThreadRow.updated_at,
            )
            .join(ConversationStateRow, ConversationStateRow.thread_id == ThreadRow.id)
            .where(ConversationStateRow.customer_id == customer_id)
            .order_by(ThreadRow.created_at.desc(), ThreadRow.seq.desc())
        )
        return [CustomerThread(*row) for row in rows]

    async def verified_as(self, owner_id: str, customer_id: str) -> bool:
        found = await self.session.scalar(
            select(ConversationStateRow.thread_id)
            .where(
                ConversationStateRow.owner_id == owner_id,
                ConversationStateRow.customer_id == customer_id,
            )
            .limit(1)
        )
        return found is not None

    async def log_event(
        self,
        *,
        thread_id: str,
        at: datetime,
        customer_id: str | None,
        event: str,
        flow: str,
        step: str,
        answers: dict[str, bool],
    ) -> None:
        self.session.add(
            ConversationEventRow(
                thread_id=thread_id,
                at=at,
                customer_id=customer_id,
                event=event,
                flow=flow,
                step=step,
                answers=answers,
            )
        )
