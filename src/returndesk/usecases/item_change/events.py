"""The events of switching items of a pending order to other variants."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, ClassVar

from returndesk.flow.events import ClickOnly, FlowEvent, ItemRef, Progress

_ORDER = Progress("Looking up the order", "Looked up the order", "search")
_ITEMS = Progress("Checking the items", "Checked the items", "cube")


@dataclass(frozen=True, slots=True)
class StartItemChange:
    """Start switching items of a pending order to other options of the same products,
    with what the shopper already said.

    Args:
        order_id: The order, e.g. #W2611340.
        item_refs: The lines to change, by their refs from the brief's changeable_items.
        variant_options: What the new variant should be, as "option=value", e.g. "size=M".
    """

    name: ClassVar[str] = "start_item_change"
    progress: ClassVar[Progress] = _ORDER
    order_id: str | None = None
    item_refs: tuple[str, ...] = ()
    variant_options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SelectItemOrder:
    """Choose the pending order whose items change.

    Args:
        order_id: The order, e.g. #W2611340.
    """

    name: ClassVar[str] = "select_item_order"
    progress: ClassVar[Progress] = _ORDER
    order_id: str


@dataclass(frozen=True, slots=True)
class ChooseItemLines:
    """Choose the lines of the order that change, replacing any earlier choice.

    Args:
        item_refs: The lines, by their refs from the brief's changeable_items.
    """

    # `quantities` picks that many lines of an item id, for an order holding it twice.
    name: ClassVar[str] = "choose_item_lines"
    progress: ClassVar[Progress] = _ITEMS
    item_refs: tuple[str, ...] = ()
    quantities: Annotated[Mapping[str, int], ClickOnly()] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ChooseNewVariant:
    """Choose what a chosen line becomes: another available variant of the same product,
    by its item_id from the brief's variants, or by the options the shopper named.

    Args:
        item_id: The new variant's item_id.
        item_ref: The line it replaces; leave out for the first line still open.
        variant_options: The new variant's options as "option=value", when no item_id.
    """

    name: ClassVar[str] = "choose_new_variant"
    progress: ClassVar[Progress] = Progress("Checking availability", "Checked availability", "cube")
    item_id: str | None = None
    line_no: Annotated[int | None, ItemRef("item_ref")] = None
    variant_options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FinishItemChoices:
    """Say the items chosen are everything the shopper wants changed in this order."""

    name: ClassVar[str] = "finish_item_choices"
    progress: ClassVar[Progress] = Progress("Noting that", "Noted", "notebook")


@dataclass(frozen=True, slots=True)
class ChooseDifferenceMethod:
    """Choose the payment method that pays, or receives, the price difference.

    Args:
        payment_method_id: The id of one of the shopper's payment methods.
    """

    name: ClassVar[str] = "choose_difference_method"
    progress: ClassVar[Progress] = Progress(
        "Checking the payment method", "Checked the payment method", "profile-card"
    )
    payment_method_id: str


EVENTS: tuple[type[FlowEvent], ...] = (
    StartItemChange,
    SelectItemOrder,
    ChooseItemLines,
    ChooseNewVariant,
    FinishItemChoices,
    ChooseDifferenceMethod,
)
