"""Threads and items as the ChatKit store keeps them, for the store's tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageItem,
    InferenceOptions,
    ThreadMetadata,
    UserMessageItem,
    UserMessageTextContent,
)

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)
Order = Literal["asc", "desc"]


def make_thread(
    thread_id: str, created_at: datetime = T0, title: str | None = "Boots"
) -> ThreadMetadata:
    return ThreadMetadata(
        id=thread_id, title=title, created_at=created_at, metadata={"order": "W1"}
    )


def user_message(
    thread_id: str, item_id: str, text: str, created_at: datetime = T0
) -> UserMessageItem:
    return UserMessageItem(
        id=item_id,
        thread_id=thread_id,
        created_at=created_at,
        content=[UserMessageTextContent(text=text)],
        inference_options=InferenceOptions(),
    )


def reply(
    thread_id: str, item_id: str, text: str, created_at: datetime = T0
) -> AssistantMessageItem:
    return AssistantMessageItem(
        id=item_id,
        thread_id=thread_id,
        created_at=created_at,
        content=[AssistantMessageContent(text=text)],
    )
