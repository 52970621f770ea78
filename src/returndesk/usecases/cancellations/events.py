"""The events of cancelling a pending order or a return not yet sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from returndesk.flow.events import FlowEvent, Progress


@dataclass(frozen=True, slots=True)
class StartOrderCancellation:
    """Start cancelling a pending order, with the order and reason when the shopper gave them.

    Args:
        order_id: The order to cancel, e.g. #W2611340.
        reason: Why the shopper cancels, as the policy words it: "no longer needed" or
            "ordered by mistake".
    """

    name: ClassVar[str] = "start_order_cancellation"
    progress: ClassVar[Progress] = Progress("Looking up the order", "Looked up the order", "search")
    order_id: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class SelectOrder:
    """Choose the order to cancel.

    Args:
        order_id: The order, e.g. #W2611340.
    """

    name: ClassVar[str] = "select_order"
    progress: ClassVar[Progress] = Progress("Looking up the order", "Looked up the order", "search")
    order_id: str


@dataclass(frozen=True, slots=True)
class GiveCancelReason:
    """Give the reason for the order cancellation in progress.

    Args:
        reason: Why the shopper cancels, as the policy words it: "no longer needed" or
            "ordered by mistake".
    """

    name: ClassVar[str] = "give_cancel_reason"
    progress: ClassVar[Progress] = Progress("Noting the reason", "Noted the reason", "notebook")
    reason: str


@dataclass(frozen=True, slots=True)
class StartReturnCancellation:
    """Start cancelling one of the shopper's returns.

    Args:
        rma: The return number, e.g. R-7K3QX9M2.
    """

    name: ClassVar[str] = "start_return_cancellation"
    progress: ClassVar[Progress] = Progress(
        "Looking up the return", "Looked up the return", "search"
    )
    rma: str | None = None


@dataclass(frozen=True, slots=True)
class SelectReturn:
    """Choose the return to cancel.

    Args:
        rma: The return number, e.g. R-7K3QX9M2.
    """

    name: ClassVar[str] = "select_return"
    progress: ClassVar[Progress] = Progress(
        "Looking up the return", "Looked up the return", "search"
    )
    rma: str


EVENTS: tuple[type[FlowEvent], ...] = (
    StartOrderCancellation,
    SelectOrder,
    GiveCancelReason,
    StartReturnCancellation,
    SelectReturn,
)
