"""The events of asking where an order or a return stands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from returndesk.flow.events import FlowEvent, Progress


@dataclass(frozen=True, slots=True)
class AskStatus:
    """Show where an order or a return stands; with neither, the shopper picks one.

    Args:
        order_id: An order id, e.g. #W2611340.
        rma: A return number, e.g. R-7K3QX9M2.
    """

    name: ClassVar[str] = "ask_status"
    progress: ClassVar[Progress] = Progress("Checking the status", "Checked the status", "search")
    order_id: str | None = None
    rma: str | None = None


@dataclass(frozen=True, slots=True)
class SelectStatusTarget:
    """Choose the order or the return whose status to show.

    Args:
        order_id: An order id, e.g. #W2611340.
        rma: A return number, e.g. R-7K3QX9M2.
    """

    name: ClassVar[str] = "select_status_target"
    progress: ClassVar[Progress] = Progress("Checking the status", "Checked the status", "search")
    order_id: str | None = None
    rma: str | None = None


EVENTS: tuple[type[FlowEvent], ...] = (AskStatus, SelectStatusTarget)
