"""ChatKit's `Store`, with what the conversation needs beyond the SDK's interface: to write
a turn's items in the unit of work that saves its state, and to read ahead into the
request's memo."""

from __future__ import annotations

import secrets
from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from chatkit.store import NotFoundError, Store, StoreItemType, default_generate_id
from chatkit.types import FeedbackKind, ThreadItem, ThreadMetadata

from returndesk.errors import NotFound
from returndesk.store.owner import StoreContext
from returndesk.store.port.storage import Repositories

# Whoever asks: the app's request context, or anything else with an owner and a memo.
Caller = TypeVar("Caller", bound=StoreContext)


@dataclass(frozen=True, slots=True)
class Staged:
    """Items `ThreadStore.stage` wrote, by id, with the JSON stored."""

    thread_id: str
    replaced: list[tuple[str, str]]
    added: list[tuple[str, str]]
    # The thread's JSON, when it was written with a new title.
    thread: str | None = None


class RecordNotFound(NotFoundError, NotFound):
    """The SDK and `chat.requests` catch NotFoundError; the web layer answers NotFound with 404."""


class ThreadStore(Store[Caller]):
    """Threads, items, attachments and feedback, per owner: anything that belongs to
    another owner is reported exactly like something that does not exist."""

    def generate_thread_id(self, context: Caller) -> str:
        return _random_id("thr")

    def generate_item_id(
        self, item_type: StoreItemType, thread: ThreadMetadata, context: Caller
    ) -> str:
        return self.new_item_id(item_type)

    @staticmethod
    def new_item_id(item_type: StoreItemType) -> str:
        """An id for an item of this type, made without a thread or a request at hand."""
        # The SDK's eight hex digits collide too soon for ids that name a customer's
        # conversation; its prefix is kept, taken from its own generator so new types match.
        return _random_id(default_generate_id(item_type).partition("_")[0])

    @abstractmethod
    async def add_feedback(
        self, thread_id: str, item_ids: list[str], kind: FeedbackKind, context: Caller
    ) -> None:
        """Record a shopper's rating of items of their thread."""

    @abstractmethod
    async def thread_owner(
        self, thread_id: str, repositories: Repositories | None = None
    ) -> str | None:
        """Whose thread it is, read through `repositories` when given; None if none."""

    @abstractmethod
    async def load_item_json(self, thread_id: str, item_id: str, context: Caller) -> str:
        """The item as stored, not parsed: what a request compares and patches."""

    @abstractmethod
    async def read_ahead(
        self, repositories: Repositories, thread_id: str, item_id: str, context: Caller
    ) -> None:
        """Read an item of a thread this request owns into the memo."""

    @abstractmethod
    async def read_ahead_latest(
        self, repositories: Repositories, thread_id: str, limit: int, context: Caller
    ) -> None:
        """Read a thread's newest `limit` items into the memo."""

    @abstractmethod
    async def stage(
        self,
        repositories: Repositories,
        thread_id: str,
        context: Caller,
        *,
        replaced: Sequence[ThreadItem] = (),
        added: Sequence[ThreadItem] = (),
        retitled: ThreadMetadata | None = None,
    ) -> Staged:
        """Write items in the caller's unit of work, ahead of the stream that shows them.

        The conversation stores a turn's items, and the thread's new title, with
        its state, in one unit of work. Once it commits, `staged` tells the memo,
        and the SDK's `add_thread_item` and `save_thread` for the same item or
        thread, as it streams, then find them already stored.
        """

    def staged(self, context: Caller, staged: Staged) -> None:
        """Record in the memo what `stage` wrote, now that it is committed."""
        memo = context.memo
        if staged.thread is not None and memo.active:
            memo.saw_thread(staged.thread_id, staged.thread)
            memo.staged_threads[staged.thread_id] = staged.thread
        for item_id, data in staged.replaced:
            memo.items_changed(staged.thread_id, item_id, data)
        for item_id, data in staged.added:
            memo.items_changed(staged.thread_id, item_id, data)
            if memo.active:
                memo.staged[staged.thread_id, item_id] = data


def _random_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"
