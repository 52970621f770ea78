"""What one ChatKit request has already read of its own thread, so it is not read again.

A request checks that its thread belongs to the caller before it streams; then
the SDK and the conversation ask the store for the same thread, the same
widget item, the same latest items and the same conversation state again. The
memo lives on the request's context and dies with it: nothing is kept between
requests. It stays off until the ChatKit server switches it on for a request,
so a context used for many calls (as the store's tests do) always reads afresh.

Writes through the store keep it true: what a request wrote is what it then
reads back, and a thread or item it deleted is forgotten. Items the
conversation stored with its state, ahead of the stream, are noted so the
SDK's own write of them, as they stream, is not made twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from returndesk.store.port.conversations import StoredState


@dataclass(slots=True)
class LatestItems:
    """The newest items of a thread as stored (JSON), newest first."""

    ids: list[str]
    data: list[str]
    # True when the thread holds no items older than these.
    complete: bool


@dataclass(slots=True)
class RequestMemo:
    active: bool = False
    # Threads this request has seen belong to its owner.
    owned: set[str] = field(default_factory=set)
    threads: dict[str, str] = field(default_factory=dict)
    items: dict[tuple[str, str], str] = field(default_factory=dict)
    latest: dict[str, LatestItems] = field(default_factory=dict)
    # Conversation states as read or last written by this request.
    states: dict[str, StoredState] = field(default_factory=dict)
    # Items stored with the conversation's state before the SDK streams and adds them,
    # with the JSON stored.
    staged: dict[tuple[str, str], str] = field(default_factory=dict)
    # Threads retitled that way, with the JSON stored.
    staged_threads: dict[str, str] = field(default_factory=dict)
    # The flow layer's facts for this request (`flow.facts.request_facts`); the store
    # only carries them, so it needs no import from above.
    facts: Any = None

    def owns(self, thread_id: str) -> bool:
        return self.active and thread_id in self.owned

    def saw_thread(self, thread_id: str, data: str) -> None:
        if self.active:
            self.owned.add(thread_id)
            self.threads[thread_id] = data

    def saw_item(self, thread_id: str, item_id: str, data: str) -> None:
        if self.active:
            self.items[thread_id, item_id] = data

    def item(self, thread_id: str, item_id: str) -> str | None:
        return self.items.get((thread_id, item_id)) if self.active else None

    def items_changed(self, thread_id: str, item_id: str, data: str | None) -> None:
        """An item was written (`data`) or deleted (None): pages of the thread are stale."""
        self.latest.pop(thread_id, None)
        if data is None:
            self.items.pop((thread_id, item_id), None)
        else:
            self.saw_item(thread_id, item_id, data)

    def forget_thread(self, thread_id: str) -> None:
        self.owned.discard(thread_id)
        self.states.pop(thread_id, None)
        self.threads.pop(thread_id, None)
        self.latest.pop(thread_id, None)
        for key in [key for key in self.items if key[0] == thread_id]:
            del self.items[key]
