"""Which order or return the shopper asked about."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict

from returndesk.flow.state import Answers


class StatusAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "status"

    order_id: str | None = None
    rma: str | None = None
