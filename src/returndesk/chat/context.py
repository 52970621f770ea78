"""Who is asking, carried through one ChatKit request."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import uuid4


@dataclass(frozen=True, slots=True)
class RequestContext:
    owner_id: str
    request_id: str = field(default_factory=lambda: uuid4().hex)
