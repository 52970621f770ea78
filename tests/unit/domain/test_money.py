from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.domain import format_money, from_cents, parse_money, round_cents, to_cents
from tests.support.domain_factories import money


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("4.555", "4.56"),
        ("2.675", "2.68"),
        ("4.554", "4.55"),
        ("0.005", "0.01"),
        ("-0.005", "-0.01"),
        ("7.5", "7.50"),
        ("3", "3.00"),
        ("4.9995", "5.00"),
    ],
)
def test_round_cents_rounds_halves_away_from_zero(amount: str, expected: str) -> None:
    rounded = round_cents(money(amount))

    assert rounded == money(expected)
    assert str(rounded) == expected


@pytest.mark.parametrize(
    ("amount", "cents"),
    [("5.95", 595), ("0.01", 1), ("1500.00", 150000), ("-4.00", -400), ("0", 0)],
)
def test_dollars_and_cents_convert_both_ways(amount: str, cents: int) -> None:
    assert to_cents(money(amount)) == cents
    assert from_cents(cents) == money(amount)
    assert str(from_cents(cents)).count(".") == 1
    assert len(str(from_cents(cents)).split(".")[1]) == 2


@pytest.mark.parametrize("amount", ["1.005", "0.001", "4.5551"])
def test_to_cents_refuses_fractions_of_a_cent(amount: str) -> None:
    with pytest.raises(ValueError, match="fractions of a cent"):
        to_cents(money(amount))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5.95", "5.95"),
        (" 7.00 ", "7.00"),
        ("40", "40.00"),
        (50, "50.00"),
        (Decimal("1.5"), "1.50"),
    ],
)
def test_parse_money_reads_text_whole_numbers_and_decimals(
    value: str | int | Decimal, expected: str
) -> None:
    parsed = parse_money(value)

    assert parsed == money(expected)
    assert str(parsed) == expected


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (5.95, TypeError, "write money as text"),
        (True, TypeError, "write money as text"),
        (None, TypeError, "write money as text"),
        ("5.955", ValueError, "fractions of a cent"),
        ("five", ValueError, "not an amount of money"),
        ("NaN", ValueError, "not an amount of money"),
        ("Infinity", ValueError, "not an amount of money"),
    ],
)
def test_parse_money_refuses_floats_and_non_amounts(
    value: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        parse_money(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("44.05", "$44.05"),
        ("1234.5", "$1,234.50"),
        ("1500", "$1,500.00"),
        ("-4", "-$4.00"),
        ("0.004", "$0.00"),
        ("-0.004", "$0.00"),
        ("2.675", "$2.68"),
    ],
)
def test_format_money_writes_dollars_with_cents_and_thousands(amount: str, text: str) -> None:
    assert format_money(money(amount)) == text
