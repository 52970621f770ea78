"""What the ChatKit store needs to know about a request: whose data it may touch, and what
the request already read.

The chat layer's request context satisfies it; the store names only this, so it depends
on nothing above it.
"""

from __future__ import annotations

from typing import Protocol

from returndesk.store.request_memo import RequestMemo


class StoreContext(Protocol):
    @property
    def owner_id(self) -> str: ...

    @property
    def memo(self) -> RequestMemo: ...
