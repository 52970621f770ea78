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


class ReturnDraft(_Model):
    order_id: str | None = None
    line_nos: list[int] = Field(default_factory=list)
    reasons: dict[int, str] = Field(default_factory=dict)
    notes: dict[int, str] = Field(default_factory=dict)
    hygiene_opened: dict[int, bool] = Field(default_factory=dict)
    offer_answer: OfferAnswer | None = None
    resolution: str | None = None
    credit_payment_method_id: str | None = None
    exchanges: dict[int, str] = Field(default_factory=dict)
    exchange_payment_method_id: str | None = None
    method: str | None = None
    confirmed_rma: str | None = None


class CancelOrderDraft(_Model):
    order_id: str | None = None
    reason: str | None = None
    confirmed: bool = False


class CancelReturnDraft(_Model):
    rma: str | None = None
    confirmed: bool = False


class LookupDraft(_Model):
    rma: str | None = None
    order_id: str | None = None
    shown: bool = False


class HandoffDraft(_Model):
    summary: str | None = None
    recorded: bool = False


class FlowState(_Model):
    flow: str
    customer_id: str | None = None
    verification_failures: int = 0
    token: str = Field(default_factory=new_token)
    # The widget that currently accepts clicks; older widgets are stale.
    widget_item_id: str | None = None
    return_draft: ReturnDraft = Field(default_factory=ReturnDraft)
    cancel_order: CancelOrderDraft = Field(default_factory=CancelOrderDraft)
    cancel_return: CancelReturnDraft = Field(default_factory=CancelReturnDraft)
    lookup: LookupDraft = Field(default_factory=LookupDraft)
    handoff: HandoffDraft = Field(default_factory=HandoffDraft)
    # Step ids visited in the current flow, newest last, so "go back" knows where to go.
    trail: list[str] = Field(default_factory=list)
