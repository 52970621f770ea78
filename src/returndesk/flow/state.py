"""A thread's conversation state: what the shopper has told us so far.

It holds references (order ids, line numbers, codes) and never facts such as
prices or eligibility, which are derived again from the database each turn.
Stored as JSON per thread with a version number.
"""

from __future__ import annotations

import secrets
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

OfferAnswer = Literal["accepted", "declined"]


def new_token() -> str:
    return secrets.token_urlsafe(12)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReturnAnswers(_Model):
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


class CancelOrderAnswers(_Model):
    order_id: str | None = None
    reason: str | None = None
    done: bool = False


class CancelReturnAnswers(_Model):
    rma: str | None = None
    done: bool = False


class StatusAnswers(_Model):
    order_id: str | None = None
    rma: str | None = None


class HandoffAnswers(_Model):
    summary: str | None = None
    recorded: bool = False


class PendingRequest(_Model):
    """A request made before verification: its event's name and arguments."""

    event: str
    arguments: dict[str, str | None] = Field(default_factory=dict)


class FlowState(_Model):
    flow: str
    customer_id: str | None = None
    # Changes with every accepted event; a click drawn with an older token is stale.
    token: str = Field(default_factory=new_token)
    # The widget that currently accepts clicks; older widgets are locked.
    widget_item_id: str | None = None
    returns: ReturnAnswers = Field(default_factory=ReturnAnswers)
    cancel_order: CancelOrderAnswers = Field(default_factory=CancelOrderAnswers)
    cancel_return: CancelReturnAnswers = Field(default_factory=CancelReturnAnswers)
    status: StatusAnswers = Field(default_factory=StatusAnswers)
    handoff: HandoffAnswers = Field(default_factory=HandoffAnswers)
    # Step ids visited in the current flow, newest last, so "go back" knows where to go.
    trail: list[str] = Field(default_factory=list)
    pending: PendingRequest | None = None
    # Typed turns in a row that changed nothing: the question is not working as asked.
    unanswered: int = 0

    def reset_answers(self) -> None:
        self.returns = ReturnAnswers()
        self.cancel_order = CancelOrderAnswers()
        self.cancel_return = CancelReturnAnswers()
        self.status = StatusAnswers()
        self.handoff = HandoffAnswers()
        self.trail = []
