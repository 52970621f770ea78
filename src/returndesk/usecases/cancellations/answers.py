"""What the shopper has answered about the order or the return being cancelled."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict

from returndesk.flow.state import Answers


class CancelOrderAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "cancel_order"

    order_id: str | None = None
    reason: str | None = None
    done: bool = False


class CancelReturnAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "cancel_return"

    rma: str | None = None
    done: bool = False
