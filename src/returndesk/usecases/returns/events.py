"""The events of a return or exchange, from starting it to choosing how it travels back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, ClassVar

from returndesk.domain import ReasonCode, Resolution, ReturnMethod
from returndesk.flow.events import (
    ClickOnly,
    FlowEvent,
    ItemRef,
    ItemRefs,
    OneOf,
    OrderOfItems,
    Progress,
)


@dataclass(frozen=True, slots=True)
class StartReturn:
    """Start a return or exchange and list the shopper's returnable items.

    Args:
        order_id: An order the shopper named, e.g. #W2611340.
    """

    name: ClassVar[str] = "start_return"
    progress: ClassVar[Progress] = Progress("Looking up your orders", "Found your orders", "search")
    order_id: str | None = None


@dataclass(frozen=True, slots=True)
class SelectItems:
    """Choose the items to return, by their refs from the brief (all from one order).

    Args:
        item_refs: Item refs such as "#W2611340:2".
        add: True to add to the items already chosen instead of replacing them.
    """

    # `quantities` picks that many eligible units of an item id, for an order holding the
    # same item more than once.
    name: ClassVar[str] = "select_items"
    progress: ClassVar[Progress] = Progress("Checking the items", "Checked the items", "cube")
    order_id: Annotated[str, OrderOfItems()]
    line_nos: Annotated[tuple[int, ...], ItemRefs("item_refs")] = ()
    quantities: Annotated[Mapping[str, int], ClickOnly()] = field(default_factory=dict)
    add: bool = False


@dataclass(frozen=True, slots=True)
class GiveReason:
    """Record why an item goes back.

    Args:
        reason: The reason code.
        item_ref: The item it applies to; leave out for the items still without a reason.
        note: The shopper's own words, required for OTHER.
    """

    name: ClassVar[str] = "give_reason"
    progress: ClassVar[Progress] = Progress("Noting the reason", "Noted the reason", "notebook")
    reason: Annotated[str, OneOf(ReasonCode)]
    line_no: Annotated[int | None, ItemRef("item_ref")] = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class GiveNote:
    """Record the shopper's note about what is wrong (for reason OTHER).

    Args:
        note: What is wrong, in the shopper's words.
        item_ref: The item it is about.
    """

    name: ClassVar[str] = "give_note"
    progress: ClassVar[Progress] = Progress("Noting what's wrong", "Noted what's wrong", "notebook")
    note: str
    line_no: Annotated[int | None, ItemRef("item_ref")] = None


@dataclass(frozen=True, slots=True)
class AnswerHygiene:
    """Record whether a hygiene-sealed item's seal has been opened.

    Args:
        opened: True when the seal is broken.
        item_ref: The sealed item.
    """

    name: ClassVar[str] = "answer_hygiene"
    progress: ClassVar[Progress] = Progress("Noting the seal", "Noted the seal", "check")
    opened: bool
    line_no: Annotated[int | None, ItemRef("item_ref")] = None


@dataclass(frozen=True, slots=True)
class AnswerOffer:
    """Accept or decline the retention offer on the table.

    Args:
        accept: True to take the offer.
    """

    name: ClassVar[str] = "answer_offer"
    progress: ClassVar[Progress] = Progress("Noting your answer", "Noted your answer", "check")
    accept: bool


@dataclass(frozen=True, slots=True)
class ChooseResolution:
    """Choose how the shopper is made whole.

    Args:
        resolution: REFUND to the original payment method, STORE_CREDIT, or EXCHANGE.
        credit_destination: For store credit, a gift card id or "new_gift_card".
    """

    name: ClassVar[str] = "choose_resolution"
    progress: ClassVar[Progress] = Progress(
        "Working out the amounts", "Worked out the amounts", "analytics"
    )
    resolution: Annotated[str, OneOf(Resolution)]
    credit_destination: str | None = None


@dataclass(frozen=True, slots=True)
class ChooseVariant:
    """Choose the replacement for an exchange, by an item_id from the brief's exchange options.

    Args:
        item_id: The replacement variant's item_id.
        item_ref: The returned item it replaces.
    """

    name: ClassVar[str] = "choose_variant"
    progress: ClassVar[Progress] = Progress("Checking availability", "Checked availability", "cube")
    item_id: str
    line_no: Annotated[int | None, ItemRef("item_ref")] = None


@dataclass(frozen=True, slots=True)
class ShortlistVariants:
    """Show the shopper only the exchange options that fit what they described, as choices,
    when several do. An empty list shows every option again.

    Args:
        item_ids: The fitting variants' item_ids, from the brief's exchange options.
    """

    name: ClassVar[str] = "shortlist_variants"
    progress: ClassVar[Progress] = Progress("Finding what fits", "Found what fits", "cube")
    item_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChoosePaymentMethod:
    """Choose the payment method that pays or receives an exchange's price difference.

    Args:
        payment_method_id: One of the shopper's payment method ids from the brief.
    """

    name: ClassVar[str] = "choose_payment_method"
    progress: ClassVar[Progress] = Progress(
        "Checking the payment method", "Checked the payment", "keys"
    )
    payment_method_id: str


@dataclass(frozen=True, slots=True)
class ChooseMethod:
    """Choose how the items travel back.

    Args:
        method: PREPAID_LABEL (print a label), QR_DROP_OFF (no printer),
            SCHEDULE_PICKUP or STORE_DROP_OFF.
    """

    name: ClassVar[str] = "choose_method"
    progress: ClassVar[Progress] = Progress(
        "Arranging the return", "Arranged the return", "map-pin"
    )
    method: Annotated[str, OneOf(ReturnMethod)]


EVENTS: tuple[type[FlowEvent], ...] = (
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
)
