"""What the shopper has answered about the payment change."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict

from returndesk.flow.state import Answers


class ChangePaymentAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "change_payment"

    order_id: str | None = None
    payment_method_id: str | None = None
    # The method that paid before, once the move is made: the done card says its refund.
    moved_from: str | None = None
    done: bool = False
