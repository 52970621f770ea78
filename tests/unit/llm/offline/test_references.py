from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.llm.offline.normalize import normalize
from returndesk.llm.offline.references import (
    closest_rma,
    money_amounts,
    near_order_id,
    order_ids,
    ordinals,
    price_matches,
    rmas,
)


@pytest.mark.parametrize(
    "typed",
    ["#W2611340", "W2611340", "w2611340", "order 2611340", "order number #2611340"],
)
def test_order_ids_in_every_spelling(typed: str) -> None:
    assert order_ids(normalize(f"cancel {typed} please")) == ("#W2611340",)


def test_an_order_id_a_digit_short_is_matched_to_the_shoppers_orders() -> None:
    orders = ("#W4866703", "#W4720269")

    assert near_order_id(normalize("w486670"), orders) == "#W4866703"
    assert order_ids(normalize("w486670")) == ()


@pytest.mark.parametrize(
    "typed", ["R-7K3QX9M2", "r-7k3qx9m2", "r7k3qx9m2", "R 7K3Q X9M2", "cancel return r7k3qx9m2"]
)
def test_return_numbers_in_every_spelling(typed: str) -> None:
    assert rmas(normalize(typed)) == ("R-7K3QX9M2",)


def test_words_shaped_like_return_numbers_are_not_return_numbers() -> None:
    assert rmas(normalize("REFERENCE")) == ()
    assert rmas(normalize("return policy")) == ()


def test_a_return_number_one_character_off() -> None:
    assert closest_rma("R-7K3QX9MZ", ("R-7K3QX9M2", "R-2B8DNW4Q")) == "R-7K3QX9M2"
    assert closest_rma("R-AAAAAAAA", ("R-7K3QX9M2",)) is None


@pytest.mark.parametrize(
    ("typed", "positions"),
    [
        ("the second one", (1,)),
        ("2nd and 3rd", (1, 2)),
        ("the last one", (4,)),
        ("#2", (1,)),
        ("number 4", (3,)),
        ("the first two", (0, 1)),
        ("first name Yusuf", ()),
    ],
)
def test_ordinals(typed: str, positions: tuple[int, ...]) -> None:
    assert ordinals(normalize(typed), 5) == positions


def test_bare_numbers_are_positions_only_when_asked() -> None:
    assert ordinals(normalize("1 and 4"), 5, bare_numbers=True) == (0, 3)
    assert ordinals(normalize("1 and 4"), 5) == ()


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("the $47 one", "47"), ("the 50 dollar one", "50"), ("the $52.88 one", "52.88")],
)
def test_money_amounts(typed: str, amount: str) -> None:
    assert money_amounts(normalize(typed)) == (Decimal(amount),)


def test_a_round_amount_names_the_dollars_and_cents_name_the_price() -> None:
    assert price_matches(Decimal("47"), Decimal("47.84"))
    assert price_matches(Decimal("52.88"), Decimal("52.88"))
    assert not price_matches(Decimal("52.80"), Decimal("52.88"))
