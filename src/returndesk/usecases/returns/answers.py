"""What the shopper has answered so far about the return being put together."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from returndesk.flow.state import Answers

OfferAnswer = Literal["accepted", "declined"]


class ReturnAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "return"

    order_id: str | None = None
    line_nos: list[int] = Field(default_factory=list)
    reasons: dict[int, str] = Field(default_factory=dict)
    notes: dict[int, str] = Field(default_factory=dict)
    # Hygiene-sealed lines: True when the shopper said the seal was opened.
    seal_opened: dict[int, bool] = Field(default_factory=dict)
    offer_answer: OfferAnswer | None = None
    resolution: str | None = None
    credit_destination: str | None = None
    exchanges: dict[int, str] = Field(default_factory=dict)
    # Variants that fit what the shopper described, when several did: the ones shown.
    shortlist: list[str] = Field(default_factory=list)
    exchange_payment_method_id: str | None = None
    method: str | None = None
    confirmed_rma: str | None = None
