"""Who is asking, carried through one request: read by the chat layer and the ChatKit store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

from returndesk.store.request_memo import RequestMemo


@dataclass(frozen=True, slots=True)
class RequestContext:
    owner_id: str
    request_id: str = field(default_factory=lambda: uuid4().hex)
    # Where the request came from, for limits on verification attempts.
    client_address: str | None = None
    # A customer the store's own site vouched for (embedded mode), counted as verified.
    verified_customer_id: str | None = None
    # Facts about the request for its log line and metrics (type, thread id).
    notes: dict[str, Any] = field(default_factory=dict)
    # What this request already read; the ChatKit server switches it on.
    memo: RequestMemo = field(default_factory=RequestMemo, compare=False, repr=False)
