from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.llm.offline.context import ItemOption, VariantOption
from returndesk.llm.offline.normalize import normalize
from returndesk.llm.offline.variants import exchange_target, pick_variant
from tests.support.nlu_contexts import BLACK_TEE, TEE_VARIANTS


@pytest.mark.parametrize(
    ("typed", "item_id"),
    [
        ("medium", "9612497925"),
        ("the purple XL", "8124970213"),
        ("black xl", "2060066974"),
        ("large", "3234800602"),
        ("the $49.67 one", "8124970213"),
        ("red", "3234800602"),  # the other red one is sold out
    ],
)
def test_variants_by_their_options(typed: str, item_id: str) -> None:
    found = pick_variant(normalize(typed), TEE_VARIANTS, BLACK_TEE)

    assert found is not None
    assert found.item_id == item_id


def test_several_fitting_variants_ask_and_keep_the_constraints() -> None:
    found = pick_variant(normalize("XL"), TEE_VARIANTS, BLACK_TEE)

    assert found is not None
    assert found.item_id is None
    assert found.options == ("size=XL",)
    assert found.question is not None
    assert "purple" in found.question


def test_a_sold_out_variant_is_not_picked() -> None:
    found = pick_variant(normalize("red small"), TEE_VARIANTS, BLACK_TEE)

    assert found is not None
    assert found.item_id is None
    assert found.question is not None
    assert "out of stock" in found.question


def test_nothing_said_about_a_variant() -> None:
    assert pick_variant(normalize("hmm let me think"), TEE_VARIANTS, BLACK_TEE) is None


def _boot(item_id: str, size: str, material: str) -> VariantOption:
    options = {"size": size, "material": material, "waterproof": "no"}
    return VariantOption(item_id, "#W7728728:2", options, Decimal("250"))


BOOTS = (_boot("a", "8", "synthetic"), _boot("b", "9", "leather"), _boot("c", "11", "leather"))
SIZE_SEVEN = ItemOption(
    "#W7728728:2", "#W7728728", "Hiking Boots", {"size": "7", "material": "synthetic"}
)


@pytest.mark.parametrize(
    ("typed", "item_id"),
    [("size 9", "b"), ("a 11", "c"), ("11 leather", "c"), ("one size up", "a")],
)
def test_numeric_sizes_and_relative_sizes(typed: str, item_id: str) -> None:
    found = pick_variant(normalize(typed), BOOTS, SIZE_SEVEN)

    assert found is not None
    assert found.item_id == item_id


def test_without_variants_the_constraints_follow_the_lines_spelling() -> None:
    found = pick_variant(exchange_target(normalize("swap it for a medium")), (), BLACK_TEE)
    numeric = pick_variant(exchange_target(normalize("swap them for a size 9")), (), SIZE_SEVEN)

    assert found is not None
    assert found.options == ("size=M",)
    assert numeric is not None
    assert numeric.options == ("size=9",)


def test_the_exchange_target_is_the_part_after_for() -> None:
    assert exchange_target(normalize("exchange the black tee for a medium")).clean == " a medium"


def test_a_size_alone_keeps_the_other_options_of_the_item_exchanged() -> None:
    same_look = VariantOption(
        "1111111111",
        BLACK_TEE.ref,
        {"color": "black", "size": "XL", "material": "polyester", "style": "crew neck"},
        Decimal("51.05"),
    )
    other_look = VariantOption(
        "2222222222",
        BLACK_TEE.ref,
        {"color": "purple", "size": "XL", "material": "cotton", "style": "v-neck"},
        Decimal("49.67"),
    )

    found = pick_variant(normalize("size XL please"), (same_look, other_look), BLACK_TEE)

    assert found is not None
    assert found.item_id == "1111111111"
