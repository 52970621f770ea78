"""How values are written into documents: ids Cosmos accepts, instants that sort as text,
amounts without floating point."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

# Cosmos refuses these in a document id; `%` is escaped too so the mapping is one to one.
_ESCAPED = {"%": "%25", "/": "%2F", "\\": "%5C", "?": "%3F", "#": "%23"}


def document_id(*parts: str) -> str:
    """A document id from names that may hold any character: `kind:part:part`."""
    return ":".join("".join(_ESCAPED.get(ch, ch) for ch in part) for part in parts)


def stamp(at: datetime) -> str:
    """A UTC instant as fixed-width text, so comparing and ordering the text orders time."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def instant(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def maybe_instant(text: str | None) -> datetime | None:
    return None if text is None else instant(text)


def money(amount: Decimal) -> str:
    """Amounts as decimal text: JSON numbers are doubles on the server."""
    return str(amount)


def cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())
