"""Reading a product's options: what values it takes, and which variants have them."""

from __future__ import annotations

from returndesk.domain import option_pairs
from tests.support.domain_factories import CATALOG, SHIRT_ID


def test_option_values_are_listed_once_in_the_order_first_seen() -> None:
    shirt = CATALOG.product(SHIRT_ID)

    assert shirt.option_values() == {"size": ("S", "M", "L", "XL"), "color": ("blue", "red")}


def test_variants_with_the_options_asked_ignore_case_and_include_sold_out_ones() -> None:
    shirt = CATALOG.product(SHIRT_ID)

    found = shirt.variants_with({"Size": "xl", "color": "Blue"})

    assert [v.item_id for v in found] == ["shirt-xl-blue"]
    assert not found[0].available
    assert shirt.variants_with({"size": "XXL"}) == ()


def test_option_pairs_read_option_equals_value() -> None:
    assert option_pairs([" size = L", "color=dark blue", "nonsense"]) == {
        "size": "L",
        "color": "dark blue",
    }
