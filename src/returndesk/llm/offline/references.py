"""Order ids, return numbers, ordinals ("the second one") and prices ("the $47 one")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from rapidfuzz.distance import Levenshtein

from returndesk.domain.rma import normalize_rma
from returndesk.llm.offline.identity import EMAIL
from returndesk.llm.offline.normalize import Text

_ORDER_ID = re.compile(r"(?<![\w$.])#?\s?w\s?-?\s?(\d{7})\b")
_ORDER_NUMBER = re.compile(r"\border\s*(?:number|num|no\.?|id|#)?\s*(?:is\s*)?#?\s*(\d{7})\b")
# Something shaped like an order id but one digit short or long: worth asking about.
_NEAR_ORDER_ID = re.compile(r"(?<![\w$.])#?w(\d{5,6}|\d{8,9})\b")
_RMA = re.compile(r"\bR\s*[-_ ]?\s*[0-9A-Z]{4}[\s-]?[0-9A-Z]{4}\b")

_ORDINAL_WORDS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "seventh": 7,
    "7th": 7,
    "eighth": 8,
    "8th": 8,
    "top": 1,
    "last": -1,
    "bottom": -1,
}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ORDINAL = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b")
_NUMBERED = re.compile(r"(?:\b(?:number|item|line|option|no\.?|nr)\s*#?|#)(\d{1,2})\b")
_FIRST_N = re.compile(r"\b(first|last) (two|three|four|2|3|4)\b")
_BARE_NUMBER = re.compile(r"(?<![\w$.#])(\d{1,2})(?![\w.%])")

_MONEY = re.compile(
    r"\$(\d+(?:\.\d{1,2})?)"
    r"|\b(\d+(?:\.\d{1,2})?) ?(?:dollars?|bucks|usd)\b"
    r"|\b(\d+\.\d{2})\b"
    r"|\bthe (\d{2,4}) (?:one|ones|item|thing)\b"
)


def order_ids(text: Text) -> tuple[str, ...]:
    """Canonical order ids (`#W1234567`) in the order they appear."""
    found: list[tuple[int, str]] = []
    for pattern in (_ORDER_ID, _ORDER_NUMBER):
        found += [(m.start(), "#W" + m.group(1)) for m in pattern.finditer(text.clean)]
    return _unique(value for _, value in sorted(found))


def near_order_id(text: Text, orders: tuple[str, ...]) -> str | None:
    """The shopper's order an almost-id (a digit dropped or doubled) most likely means."""
    for match in _NEAR_ORDER_ID.finditer(text.clean):
        typed = "#W" + match.group(1)
        close = [order for order in orders if Levenshtein.distance(typed, order) <= 1]
        if len(close) == 1:
            return close[0]
    return None


def rmas(text: Text) -> tuple[str, ...]:
    """Canonical return numbers (`R-7K3QX9M2`) in the order they appear.

    Without a hyphen, the code must hold a digit: "REFERENCE" is a word, not a return.
    """
    found: list[str] = []
    # "rossi7301@example.com" holds "R-0SS17301" once look-alikes are folded.
    outside_emails = EMAIL.sub(" ", text.raw)
    for match in _RMA.finditer(outside_emails.upper()):
        typed = match.group(0)
        code = re.sub(r"[\s\-_]", "", typed)[1:]
        if "-" not in typed and not any(ch.isdigit() for ch in code):
            continue
        rma = normalize_rma(typed)
        if rma is not None:
            found.append(rma)
    return _unique(found)


def closest_rma(rma: str, returns: tuple[str, ...]) -> str | None:
    """The shopper's return one character away from `rma`, when exactly one is."""
    close = [known for known in returns if Levenshtein.distance(rma, known) <= 1]
    return close[0] if len(close) == 1 else None


def ordinals(text: Text, count: int, *, bare_numbers: bool = False) -> tuple[int, ...]:
    """0-based positions named by "the second one", "#2", "last", "first two" (and,
    with `bare_numbers`, "1 and 4"), within a list of `count` entries."""
    positions: list[int] = []
    clean = text.clean
    for match in _FIRST_N.finditer(clean):
        n = _NUMBER_WORDS.get(match.group(2)) or int(match.group(2))
        span = range(n) if match.group(1) == "first" else range(count - n, count)
        positions += [i for i in span if 0 <= i < count]
        clean = clean.replace(match.group(0), " ")
    for match in _ORDINAL.finditer(clean):
        if _is_ordinal_use(clean, match):
            positions.append(_position(_ORDINAL_WORDS[match.group(1)], count))
    for match in _NUMBERED.finditer(clean):
        positions.append(_position(int(match.group(1)), count))
    if bare_numbers:
        positions += [_position(int(m.group(1)), count) for m in _BARE_NUMBER.finditer(clean)]
    return tuple(dict.fromkeys(p for p in positions if 0 <= p < count))


def _is_ordinal_use(clean: str, match: re.Match[str]) -> bool:
    word = match.group(1)
    after = clean[match.end() :]
    # "last name", "first name", "top up", "last week" are not picks from a list.
    if re.match(r"\s(name|week|month|time|year|night|up|step|order i)\b", after):
        return False
    return not (word == "top" and not re.match(r"\s?(one|item|$)", after))


def _position(number: int, count: int) -> int:
    return count + number if number < 0 else number - 1


def money_amounts(text: Text) -> tuple[Decimal, ...]:
    amounts: list[Decimal] = []
    for match in _MONEY.finditer(text.clean):
        value = next(group for group in match.groups() if group is not None)
        try:
            amounts.append(Decimal(value))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            continue
    return tuple(amounts)


def price_matches(amount: Decimal, price: Decimal) -> bool:
    """ "$47" names a $47.84 line; "$52.88" names only that price."""
    if amount != amount.to_integral_value():
        return abs(amount - price) < Decimal("0.01")
    return int(price) == int(amount) or abs(price - amount) < Decimal("0.5")


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
