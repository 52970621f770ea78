"""Postal addresses: an order's shipping address and a customer's default one.

What an address must hold and how a ZIP is written in each country are the
policy's (`order_changes.address`), so another store changes them in its file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

from returndesk.domain.policy import AddressField, AddressRule
from returndesk.errors import InvalidRequest

# How each field is named to the shopper when it is missing or wrong.
FIELD_NAMES: Mapping[AddressField, str] = {
    "address1": "street address",
    "address2": "second address line",
    "city": "city",
    "state": "state",
    "zip": "ZIP code",
    "country": "country",
}
FIELDS: tuple[AddressField, ...] = tuple(FIELD_NAMES)


@dataclass(frozen=True, slots=True)
class Address:
    address1: str
    city: str
    state: str
    zip: str
    country: str
    address2: str = ""

    def one_line(self) -> str:
        """`12 Oak St, Apt 4, Austin, TX 78701, USA`."""
        street = ", ".join(part for part in (self.address1, self.address2) if part)
        return f"{street}, {self.city}, {self.state} {self.zip}, {self.country}"

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def address_from_dict(data: Mapping[str, object]) -> Address:
    """An address as stored; fields it lacks are empty."""
    return Address(**{name: str(data.get(name) or "") for name in FIELDS})


def check_address(fields: Mapping[str, str], rule: AddressRule) -> Address:
    """The address the shopper gave, tidied; a missing field or a ZIP that does not fit
    the country is refused with the field named, so the shopper knows what to fix."""
    tidy: dict[str, str] = {name: " ".join(str(fields.get(name) or "").split()) for name in FIELDS}
    for name in FIELDS:
        if name in rule.required and not tidy[name]:
            raise InvalidRequest(f"The address needs a {FIELD_NAMES[name]}.")
    tidy["country"] = rule.country(tidy["country"])
    if tidy["state"] and len(tidy["state"]) == 2:
        tidy["state"] = tidy["state"].upper()
    zip_format = rule.zip_formats.get(tidy["country"])
    if zip_format is not None and not zip_format.fullmatch(tidy["zip"]):
        raise InvalidRequest(
            f"{tidy['zip']!r} is not a ZIP code in {tidy['country']}; please check it."
        )
    return address_from_dict(tidy)
