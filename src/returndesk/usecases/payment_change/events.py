"""The events of moving a pending order's payment to another method."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from returndesk.flow.events import FlowEvent, Progress

_ORDER = Progress("Looking up the order", "Looked up the order", "search")
_METHOD = Progress("Checking the payment method", "Checked the payment method", "profile-card")


@dataclass(frozen=True, slots=True)
class StartPaymentChange:
    """Start moving a pending order's payment to another of the shopper's methods, with the
    order and the method when the shopper named them.

    Args:
        order_id: The order, e.g. #W2611340.
        payment_method_id: The id of the method that should pay instead, one of the
            shopper's payment methods.
    """

    name: ClassVar[str] = "start_payment_change"
    progress: ClassVar[Progress] = _ORDER
    order_id: str | None = None
    payment_method_id: str | None = None


@dataclass(frozen=True, slots=True)
class SelectPaymentOrder:
    """Choose the order whose payment moves.

    Args:
        order_id: The order, e.g. #W2611340.
    """

    name: ClassVar[str] = "select_payment_order"
    progress: ClassVar[Progress] = _ORDER
    order_id: str


@dataclass(frozen=True, slots=True)
class ChooseOrderPaymentMethod:
    """Choose the method that pays the order instead of the current one.

    Args:
        payment_method_id: The id of one of the shopper's payment methods.
    """

    name: ClassVar[str] = "choose_order_payment_method"
    progress: ClassVar[Progress] = _METHOD
    payment_method_id: str


EVENTS: tuple[type[FlowEvent], ...] = (
    StartPaymentChange,
    SelectPaymentOrder,
    ChooseOrderPaymentMethod,
)
