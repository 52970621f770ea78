"""The events of changing the account's default address."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from returndesk.flow.addresses import AddressFields
from returndesk.flow.events import FlowEvent, Progress

_ADDRESS = Progress("Checking the address", "Checked the address", "maps")


@dataclass(frozen=True, slots=True)
class StartDefaultAddressChange(AddressFields):
    """Start changing the account's default address (where future orders ship), with the
    new address when the shopper gave it.

    Args:
        address1: Street and house number, e.g. 12 Oak St.
        address2: Apartment or suite, if any.
        city: City.
        state: State, as its two-letter code, e.g. TX.
        zip: ZIP code.
        country: Country, e.g. USA.
    """

    name: ClassVar[str] = "start_default_address_change"
    progress: ClassVar[Progress] = _ADDRESS


@dataclass(frozen=True, slots=True)
class GiveDefaultAddress(AddressFields):
    """Give the account's new default address.

    Args:
        address1: Street and house number, e.g. 12 Oak St.
        address2: Apartment or suite, if any.
        city: City.
        state: State, as its two-letter code, e.g. TX.
        zip: ZIP code.
        country: Country, e.g. USA.
    """

    name: ClassVar[str] = "give_default_address"
    progress: ClassVar[Progress] = _ADDRESS


@dataclass(frozen=True, slots=True)
class ChooseOrdersFollowing:
    """Say whether the shopper's pending orders go to the new default address too.

    Args:
        follow: True to send every pending order there, False to change future orders only.
    """

    name: ClassVar[str] = "choose_orders_following"
    progress: ClassVar[Progress] = Progress("Noting that", "Noted", "notebook")
    follow: bool


EVENTS: tuple[type[FlowEvent], ...] = (
    StartDefaultAddressChange,
    GiveDefaultAddress,
    ChooseOrdersFollowing,
)
