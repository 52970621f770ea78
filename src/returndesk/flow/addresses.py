"""A postal address given by a click or a tool: the fields an event carries, and how a
handler checks them against the policy."""

from __future__ import annotations

from dataclasses import dataclass, fields

from returndesk.domain import Address, Policy, check_address


@dataclass(frozen=True, slots=True)
class AddressFields:
    """The fields of an address an event may carry; each event documents them itself."""

    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None


def given_fields(event: AddressFields) -> dict[str, str]:
    """The address fields the event fills."""
    names = [field.name for field in fields(AddressFields)]
    return {name: value for name in names if (value := getattr(event, name))}


def checked_address(given: dict[str, str], current: Address | None, policy: Policy) -> Address:
    """The address as the policy wants it; a country left out is the current address's,
    since a shopper moving within their country rarely says it. Raises InvalidRequest."""
    complete = dict(given)
    if "country" not in complete and current is not None:
        complete["country"] = current.country
    return check_address(complete, policy.order_changes.address)
