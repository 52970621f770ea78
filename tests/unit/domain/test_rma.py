"""Return numbers: `R-` and 8 Crockford base32 characters, never sequential."""

from __future__ import annotations

import random
import re

import pytest

from returndesk.domain import is_valid_rma, new_rma, normalize_rma

# Crockford base32, written out: digits and letters without I, L, O and U.
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
FORMAT = re.compile(r"R-[0-9A-HJKMNP-TV-Z]{8}")


@pytest.mark.parametrize("seed", range(3))
def test_typed_look_alikes_read_as_the_digits_they_resemble(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(100):
        rma = new_rma(rng)
        typed = rma.lower().replace("0", "o").replace("1", rng.choice("il"))
        assert normalize_rma(typed) == rma
        # U is no Crockford symbol: a code holding one names no return.
        assert not is_valid_rma(rma[:-1] + "U")


@pytest.mark.parametrize("seed", range(5))
def test_new_return_numbers_have_the_format(seed: int) -> None:
    rng = random.Random(seed)

    for _ in range(200):
        rma = new_rma(rng)
        assert FORMAT.fullmatch(rma), rma
        assert is_valid_rma(rma)


def test_new_return_numbers_are_random_not_sequential() -> None:
    numbers = [new_rma() for _ in range(500)]

    assert len(set(numbers)) == 500
    # Sequential numbers would sort in the order they were made.
    assert numbers != sorted(numbers)
    # Every symbol of the alphabet turns up somewhere: the codes are not a counter.
    assert set("".join(n[2:] for n in numbers)) == set(CROCKFORD)


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("R-7K3QX9M2", True),
        ("R-00000000", True),
        ("R-ZZZZZZZZ", True),
        ("r-7k3qx9m2", False),  # lower case is not canonical
        ("R-7K3QX9M", False),  # 7 characters
        ("R-7K3QX9M22", False),  # 9 characters
        ("R7K3QX9M2", False),
        ("X-7K3QX9M2", False),
        ("R-7K3QX9MI", False),
        ("R-7K3QX9ML", False),
        ("R-7K3QX9MO", False),
        ("R-7K3QX9MU", False),
        (" R-7K3QX9M2", False),
        ("", False),
    ],
)
def test_is_valid_rma_accepts_only_the_canonical_form(value: str, valid: bool) -> None:
    assert is_valid_rma(value) is valid


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("R-7K3QX9M2", "R-7K3QX9M2"),
        ("r-7k3qx9m2", "R-7K3QX9M2"),
        ("  R-7K3QX9M2  ", "R-7K3QX9M2"),
        ("R7K3QX9M2", "R-7K3QX9M2"),
        ("R 7K3Q X9M2", "R-7K3QX9M2"),
        ("R-7K3Q-X9M2", "R-7K3QX9M2"),
        ("R_7K3QX9M2", "R-7K3QX9M2"),
        ("R-7K3QX9MO", "R-7K3QX9M0"),  # O reads as zero
        ("R-7K3QX9MI", "R-7K3QX9M1"),  # I and L read as one
        ("r-7k3qx9ml", "R-7K3QX9M1"),
        ("R-7K3QX9MU", None),  # U is not Crockford
        ("R-7K3QX9M", None),
        ("7K3QX9M2", None),
        ("my return", None),
    ],
)
def test_normalize_rma_reads_what_a_shopper_types(typed: str, canonical: str | None) -> None:
    assert normalize_rma(typed) == canonical
