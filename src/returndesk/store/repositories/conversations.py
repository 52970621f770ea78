"""Each thread's conversation state, versioned so concurrent writers cannot lose an update."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.store.db import SessionFactory, transaction
from returndesk.store.tables import ConversationEventRow, ConversationStateRow, ThreadRow

T = TypeVar("T")

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


@dataclass(frozen=True, slots=True)
class StoredState:
    data: dict[str, Any]
    # 0 when the thread has no state yet.
    version: int


async def read_state(session: AsyncSession, thread_id: str) -> StoredState:
    row = (await session.execute(_STATE, {"thread_id": thread_id})).one_or_none()
    if row is None:
        return StoredState({}, 0)
    return StoredState(row.data, row.version)


async def save_state(
    sessions: SessionFactory,
    *,
    thread_id: str,
    owner_id: str,
    customer_id: str | None,
    data: dict[str, Any],
    expected_version: int,
    also: Callable[[AsyncSession], Awaitable[T]] | None = None,
) -> tuple[bool, T | None]:
    """Write the state if nobody else wrote since `expected_version`; False when someone did.

    `also` writes what goes with the state (the turn's items) in the same
    transaction, only when the state is written; its result comes back.
    """
    now = datetime.now(UTC)
    try:
        async with transaction(sessions, conversation_only=True) as session:
            if expected_version == 0:
                session.add(
                    ConversationStateRow(
                        thread_id=thread_id,
                        owner_id=owner_id,
                        customer_id=customer_id,
                        version=1,
                        data=data,
                        updated_at=now,
                    )
                )
                # The insert goes first: if another request made the state, nothing else is written.
                await session.flush()
                return True, await also(session) if also is not None else None
            result = await session.execute(
                _SAVE_IF_UNCHANGED,
                {
                    "thread": thread_id,
                    "expected_version": expected_version,
                    "new_data": data,
                    "new_customer_id": customer_id,
                    "new_version": expected_version + 1,
                    "new_updated_at": now,
                },
            )
            if not result.rowcount:  # type: ignore[attr-defined]
                return False, None
            return True, await also(session) if also is not None else None
    except IntegrityError:
        # Another request created the first state of this thread at the same moment.
        return False, None


@dataclass(frozen=True, slots=True)
class CustomerThread:
    """A conversation in which a shopper verified as the customer."""

    thread_id: str
    owner_id: str
    title: str | None
    created_at: datetime
    updated_at: datetime


async def customer_threads(session: AsyncSession, customer_id: str) -> list[CustomerThread]:
    """Newest first."""
    rows = await session.execute(
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


def log_event(
    session: AsyncSession,
    *,
    thread_id: str,
    at: datetime,
    customer_id: str | None,
    event: str,
    flow: str,
    step: str,
    answers: dict[str, bool],
) -> None:
    """Add one applied event to the conversation's log, in the turn's transaction."""
    session.add(
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
