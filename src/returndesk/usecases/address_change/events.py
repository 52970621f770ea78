"""The events of changing a pending order's shipping address."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from returndesk.flow.addresses import AddressFields
from returndesk.flow.events import FlowEvent, Progress

_PROGRESS = Progress("Looking up the order", "Looked up the order", "search")


@dataclass(frozen=True, slots=True)
class StartAddressChange(AddressFields):
    """Start changing where a pending order ships, with the order and the new address
    when the shopper gave them.

    Args:
        order_id: The order, e.g. #W2611340.
        address1: Street and house number, e.g. 12 Oak St.
        address2: Apartment or suite, if any.
        city: City.
        state: State, as its two-letter code, e.g. TX.
        zip: ZIP code.
        country: Country, e.g. USA.
    """

    name: ClassVar[str] = "start_address_change"
    progress: ClassVar[Progress] = _PROGRESS
    order_id: str | None = None


@dataclass(frozen=True, slots=True)
class SelectAddressOrder:
    """Choose the order whose shipping address changes.

    Args:
        order_id: The order, e.g. #W2611340.
    """

    name: ClassVar[str] = "select_address_order"
    progress: ClassVar[Progress] = _PROGRESS
    order_id: str


@dataclass(frozen=True, slots=True)
class GiveShippingAddress(AddressFields):
    """Give the new shipping address of the order being changed.

    Args:
        address1: Street and house number, e.g. 12 Oak St.
        address2: Apartment or suite, if any.
        city: City.
        state: State, as its two-letter code, e.g. TX.
        zip: ZIP code.
        country: Country, e.g. USA.
    """

    name: ClassVar[str] = "give_shipping_address"
    progress: ClassVar[Progress] = Progress(
        "Checking the address", "Checked the address", "map-pin"
    )


EVENTS: tuple[type[FlowEvent], ...] = (StartAddressChange, SelectAddressOrder, GiveShippingAddress)
