"""What the conversation shows the shopper right now, as far as understanding a reply needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType


def _no_options() -> Mapping[str, str]:
    return MappingProxyType({})


class Step(StrEnum):
    """The conversation steps; `Context.step` holds one of these values (or None)."""

    VERIFY = "verify"
    MENU = "menu"
    CHOOSE_ITEMS = "choose_items"
    REASON = "reason"
    REASON_NOTE = "reason_note"
    HYGIENE = "hygiene"
    OFFER = "offer"
    RESOLUTION = "resolution"
    EXCHANGE_VARIANT = "exchange_variant"
    EXCHANGE_PAYMENT = "exchange_payment"
    METHOD = "method"
    SUMMARY = "summary"
    CHOOSE_ORDER = "choose_order"
    CANCEL_REASON = "cancel_reason"
    CANCEL_SUMMARY = "cancel_summary"
    CHOOSE_RETURN = "choose_return"
    CANCEL_RETURN_SUMMARY = "cancel_return_summary"
    STATUS_PICK = "status_pick"


# Steps inside the return flow, where "return" is part of an answer, not a new request.
RETURN_STEPS = frozenset(
    {
        Step.CHOOSE_ITEMS,
        Step.REASON,
        Step.REASON_NOTE,
        Step.HYGIENE,
        Step.OFFER,
        Step.RESOLUTION,
        Step.EXCHANGE_VARIANT,
        Step.EXCHANGE_PAYMENT,
        Step.METHOD,
        Step.SUMMARY,
    }
)


_STEPS = {step.value: step for step in Step}


class OfferKind(StrEnum):
    SIZE_EXCHANGE = "size_exchange"
    KEEP_WITH_DISCOUNT = "keep_with_discount"


@dataclass(frozen=True, slots=True)
class ItemOption:
    """One order line the shopper can see, e.g. `#W2611340:2`."""

    ref: str
    order_id: str
    name: str
    options: Mapping[str, str] = field(default_factory=_no_options)
    price: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class VariantOption:
    """A variant the line `for_ref` may be exchanged for."""

    item_id: str
    for_ref: str
    options: Mapping[str, str] = field(default_factory=_no_options)
    price: Decimal = Decimal(0)
    available: bool = True


@dataclass(frozen=True, slots=True)
class PaymentOption:
    id: str
    source: str  # credit_card | paypal | gift_card
    brand: str | None = None
    last_four: str | None = None
    balance: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ProductOption:
    """A product of the catalogue, by name, with the values each of its options takes."""

    name: str
    options: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Context:
    step: str | None = None
    # The step is its flow's confirmation; a "no" there is the event `if_declined`.
    confirming: bool = False
    if_declined: str | None = None
    # The request is over and the step asks whether there is anything else.
    wrapped_up: bool = False
    items: tuple[ItemOption, ...] = ()
    # Lines of the shopper's pending orders, which may still switch to another variant.
    changeable_items: tuple[ItemOption, ...] = ()
    chosen_items: tuple[str, ...] = ()
    variants: tuple[VariantOption, ...] = ()
    payment_methods: tuple[PaymentOption, ...] = ()
    orders: tuple[str, ...] = ()
    returns: tuple[str, ...] = ()
    offer: str | None = None
    # The order the conversation is about, when the shopper has named one.
    order_id: str | None = None
    # How that order was paid (`gift_card`, `credit_card`, `paypal`), where a refund goes.
    paid_with: str | None = None
    # The catalogue, for questions about a product.
    products: tuple[ProductOption, ...] = ()

    @property
    def awaits_identity(self) -> bool:
        """Before the conversation has asked anything but who the shopper is; a step of a
        use case unknown here is not such a step."""
        return self.step in (None, Step.VERIFY.value)

    @property
    def open_step(self) -> bool:
        """Not inside a request: before one starts, or once one is over."""
        return self.step in (None, Step.VERIFY.value, Step.MENU.value) or self.wrapped_up

    @property
    def known_step(self) -> Step | None:
        """The step as an enum; None when absent or not one we know."""
        return _STEPS.get(self.step) if self.step is not None else None

    def chosen(self) -> tuple[ItemOption, ...]:
        """The chosen lines, in the order the context shows them."""
        return tuple(item for item in self.items if item.ref in self.chosen_items)
