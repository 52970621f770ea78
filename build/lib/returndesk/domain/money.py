"""Money as `Decimal` dollars inside the domain, integer cents in the database.

Intermediate results keep full precision; `round_cents` is applied once, to a
final amount, so that a sum of percentages is not the sum of rounded parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


def round_cents(amount: Decimal) -> Decimal:
    """Round to whole cents, halves away from zero (0.005 -> 0.01)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> int:
    """Dollars to integer cents; refuses amounts with fractions of a cent."""
    cents = amount * 100
    if cents != cents.to_integral_value():
        raise ValueError(f"{amount} has fractions of a cent; round it first")
    return int(cents)


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def parse_money(value: str | int | Decimal) -> Decimal:
    """A dollar amount written as text or a whole number, with at most two decimals.

    Floats are refused: 0.1 + 0.2 is not 0.3 in binary.
    """
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise TypeError(f"write money as text, e.g. '5.95', not {type(value).__name__}")
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
    except ArithmeticError as exc:
        raise ValueError(f"{value!r} is not an amount of money") from exc
    if not amount.is_finite():
        raise ValueError(f"{value!r} is not an amount of money")
    if amount != round_cents(amount):
        raise ValueError(f"{value!r} has fractions of a cent")
    return round_cents(amount)


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """`percent`% of `amount`, unrounded."""
    return amount * percent / HUNDRED


def total(amounts: Iterable[Decimal]) -> Decimal:
    return sum(amounts, ZERO)


def format_money(amount: Decimal) -> str:
    """`$1,234.50`; negative amounts as `-$4.00`."""
    rounded = round_cents(amount)
    sign = "-" if rounded < 0 else ""
    return f"{sign}${abs(rounded):,.2f}"
