"""Each thread's conversation state, versioned so concurrent writers cannot lose an update."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from returndesk.store.db import SessionFactory, transaction
from returndesk.store.tables import ConversationStateRow


@dataclass(frozen=True, slots=True)
class StoredState:
    data: dict[str, Any]
    # 0 when the thread has no state yet.
    version: int


async def load_state(sessions: SessionFactory, thread_id: str) -> StoredState:
    async with sessions() as session:
        row = await session.scalar(
            select(ConversationStateRow).where(ConversationStateRow.thread_id == thread_id)
        )
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
) -> bool:
    """Write the state if nobody else wrote since `expected_version`; False when someone did."""
    now = datetime.now(UTC)
    try:
        async with transaction(sessions) as session:
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
                return True
            result = await session.execute(
                update(ConversationStateRow)
                .where(
                    ConversationStateRow.thread_id == thread_id,
                    ConversationStateRow.version == expected_version,
                )
                .values(
                    data=data,
                    customer_id=customer_id,
                    version=expected_version + 1,
                    updated_at=now,
                )
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]
    except IntegrityError:
        # Another request created the first state of this thread at the same moment.
        return False
