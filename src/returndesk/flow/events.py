"""The events that move a conversation, whichever door they come through.

A click's payload and a language model's tool call both become one of these.
They carry references only (order ids, line numbers, codes), never prices or
eligibility: those are always derived again from the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class Verify:
    name: ClassVar[str] = "verify"
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    zip: str | None = None


@dataclass(frozen=True, slots=True)
class StartReturn:
    name: ClassVar[str] = "start_return"
    order_id: str | None = None


@dataclass(frozen=True, slots=True)
class SelectItems:
    """Order lines to return. `quantities` picks that many eligible units of an item
    id, for an order holding the same item more than once; `add` keeps earlier picks."""

    name: ClassVar[str] = "select_items"
    order_id: str
    line_nos: tuple[int, ...] = ()
    quantities: Mapping[str, int] = field(default_factory=dict)
    add: bool = False


@dataclass(frozen=True, slots=True)
class GiveReason:
    """A reason for one line, or (line_no None) for every chosen line still without one."""

    name: ClassVar[str] = "give_reason"
    reason: str
    line_no: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class GiveNote:
    name: ClassVar[str] = "give_note"
    note: str
    line_no: int | None = None


@dataclass(frozen=True, slots=True)
class AnswerHygiene:
    name: ClassVar[str] = "answer_hygiene"
    opened: bool
    line_no: int | None = None


@dataclass(frozen=True, slots=True)
class AnswerOffer:
    name: ClassVar[str] = "answer_offer"
    accept: bool


@dataclass(frozen=True, slots=True)
class ChooseResolution:
    """`credit_destination` is a gift card id or `new_gift_card`, for store credit."""

    name: ClassVar[str] = "choose_resolution"
    resolution: str
    credit_destination: str | None = None


@dataclass(frozen=True, slots=True)
class ChooseVariant:
    name: ClassVar[str] = "choose_variant"
    item_id: str
    line_no: int | None = None


@dataclass(frozen=True, slots=True)
class ShortlistVariants:
    """The few variants that fit what the shopper described, shown as the choices;
    none shows every variant again."""

    name: ClassVar[str] = "shortlist_variants"
    item_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChoosePaymentMethod:
    name: ClassVar[str] = "choose_payment_method"
    payment_method_id: str


@dataclass(frozen=True, slots=True)
class ChooseMethod:
    name: ClassVar[str] = "choose_method"
    method: str


@dataclass(frozen=True, slots=True)
class Confirm:
    name: ClassVar[str] = "confirm"


@dataclass(frozen=True, slots=True)
class GoBack:
    name: ClassVar[str] = "go_back"


@dataclass(frozen=True, slots=True)
class StartOver:
    name: ClassVar[str] = "start_over"


@dataclass(frozen=True, slots=True)
class StartOrderCancellation:
    name: ClassVar[str] = "start_order_cancellation"
    order_id: str | None = None


@dataclass(frozen=True, slots=True)
class SelectOrder:
    name: ClassVar[str] = "select_order"
    order_id: str


@dataclass(frozen=True, slots=True)
class GiveCancelReason:
    name: ClassVar[str] = "give_cancel_reason"
    reason: str


@dataclass(frozen=True, slots=True)
class StartReturnCancellation:
    name: ClassVar[str] = "start_return_cancellation"
    rma: str | None = None


@dataclass(frozen=True, slots=True)
class SelectReturn:
    name: ClassVar[str] = "select_return"
    rma: str


@dataclass(frozen=True, slots=True)
class AskStatus:
    """Status of an order or a return; neither asks the shopper to pick one."""

    name: ClassVar[str] = "ask_status"
    order_id: str | None = None
    rma: str | None = None


@dataclass(frozen=True, slots=True)
class SelectStatusTarget:
    name: ClassVar[str] = "select_status_target"
    order_id: str | None = None
    rma: str | None = None


@dataclass(frozen=True, slots=True)
class RequestHandoff:
    name: ClassVar[str] = "request_handoff"
    summary: str | None = None


FlowEvent = (
    Verify
    | StartReturn
    | SelectItems
    | GiveReason
    | GiveNote
    | AnswerHygiene
    | AnswerOffer
    | ChooseResolution
    | ChooseVariant
    | ShortlistVariants
    | ChoosePaymentMethod
    | ChooseMethod
    | Confirm
    | GoBack
    | StartOver
    | StartOrderCancellation
    | SelectOrder
    | GiveCancelReason
    | StartReturnCancellation
    | SelectReturn
    | AskStatus
    | SelectStatusTarget
    | RequestHandoff
)

EVENT_TYPES: tuple[type[FlowEvent], ...] = (
    Verify,
    StartReturn,
    SelectItems,
    GiveReason,
    GiveNote,
    AnswerHygiene,
    AnswerOffer,
    ChooseResolution,
    ChooseVariant,
    ShortlistVariants,
    ChoosePaymentMethod,
    ChooseMethod,
    Confirm,
    GoBack,
    StartOver,
    StartOrderCancellation,
    SelectOrder,
    GiveCancelReason,
    StartReturnCancellation,
    SelectReturn,
    AskStatus,
    SelectStatusTarget,
    RequestHandoff,
)
EVENTS_BY_NAME: Mapping[str, type[FlowEvent]] = {event.name: event for event in EVENT_TYPES}
