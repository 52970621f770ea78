"""A postal address typed in a message: "ship it to 12 Oak St, Austin TX 78701".

The address is first cut out of the message (from a house number to the ZIP code,
or to the end of the sentence), then tagged by `usaddress`, a parser trained on
US addresses: it tells "Apt 3" from the street and "Dublin" from "OH" far better
than patterns would. State names are written as their postal codes (`us`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import us
import usaddress

# A house number starts an address: digits not glued to a letter, `#` or other digits
# (order ids such as W8665881 are not one), followed by a word.
_HOUSE_NUMBER = re.compile(r"(?<![\w#-])\d{1,6}[A-Za-z]?\s+(?=[A-Za-z])")
_ZIP = re.compile(r"\b\d{5}(?:-\d{4})?\b")
_COUNTRY_AFTER_ZIP = re.compile(
    r"\s*,?\s*(?:USA|U\.S\.A\.?|US|U\.S\.|United States(?: of America)?)\b", re.I
)
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")

_STREET_PARTS = (
    "AddressNumberPrefix",
    "AddressNumber",
    "AddressNumberSuffix",
    "StreetNamePreModifier",
    "StreetNamePreDirectional",
    "StreetNamePreType",
    "StreetName",
    "StreetNamePostType",
    "StreetNamePostDirectional",
)
_SECOND_LINE_PARTS = (
    "OccupancyType",
    "OccupancyIdentifier",
    "SubaddressType",
    "SubaddressIdentifier",
    "BuildingName",
)


def find_address(raw: str) -> dict[str, str]:
    """The address fields the message gives (address1, address2, city, state, zip,
    country), only those it states; empty when it holds no street address."""
    for start in _HOUSE_NUMBER.finditer(raw):
        span = _span(raw, start.start())
        fields = _tagged(span)
        if fields.get("address1") and (fields.get("zip") or fields.get("city")):
            return fields
    return {}


def _span(raw: str, start: int) -> str:
    rest = raw[start:]
    found_zip = _ZIP.search(rest)
    if found_zip is not None:
        end = found_zip.end()
        country = _COUNTRY_AFTER_ZIP.match(rest, end)
        return rest[: country.end() if country else end]
    sentence = _SENTENCE_END.search(rest)
    return rest[: sentence.start()] if sentence else rest


def _tagged(span: str) -> dict[str, str]:
    try:
        parts, _kind = usaddress.tag(span)
    except usaddress.RepeatedLabelError:
        return {}
    return _fields(parts)


def _fields(parts: Mapping[str, str]) -> dict[str, str]:
    def joined(names: tuple[str, ...]) -> str:
        return " ".join(_clean(parts[name]) for name in names if parts.get(name))

    fields = {
        "address1": joined(_STREET_PARTS),
        "address2": joined(_SECOND_LINE_PARTS),
        "city": _clean(parts.get("PlaceName", "")),
        "state": _state(_clean(parts.get("StateName", ""))),
        "zip": _clean(parts.get("ZipCode", "")),
        "country": _country(_clean(parts.get("CountryName", ""))),
    }
    return {name: value for name, value in fields.items() if value}


def _clean(value: str) -> str:
    return value.strip(" ,.;")


def _state(written: str) -> str:
    """`Texas`, `tx` → `TX`; an unknown name is kept as written."""
    if not written:
        return ""
    state = us.states.lookup(written)
    return state.abbr if state is not None else written


def _country(written: str) -> str:
    # The shoppers' country as the demo store keeps it; other stores keep theirs, which
    # the address check reads from the policy.
    if written.replace(".", "").upper() in {
        "US",
        "USA",
        "UNITED STATES",
        "UNITED STATES OF AMERICA",
    }:
        return "USA"
    return written
