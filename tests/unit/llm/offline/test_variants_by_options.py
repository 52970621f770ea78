"""Variants described by their option values, over every product of the demo catalogue.

Written from the class, not from sentences: for each product, the wanted variant is
described by all its values, by the values that change ("keeping the rest"), with
units spelled other ways, and by comparison ("the longer battery life"). A reading
either names exactly that variant or asks with the few that fit; it never names a
variant whose options differ from what was said.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

import pytest

from returndesk.llm.offline.context import ItemOption, VariantOption
from returndesk.llm.offline.items import option_words
from returndesk.llm.offline.normalize import Text, normalize
from returndesk.llm.offline.options import UNIT_WORDS, measure_of
from returndesk.llm.offline.variants import pick_variant
from returndesk.store.seed_format import demo_data_dir

PRODUCTS = json.loads((demo_data_dir() / "products.json").read_text())


def catalogue() -> Iterator[tuple[str, list[VariantOption]]]:
    for product in PRODUCTS.values():
        variants = [
            VariantOption(
                v["item_id"], "#W1:1", v["options"], Decimal(str(v["price"])), v["available"]
            )
            for v in product["variants"].values()
        ]
        yield product["name"], variants


def read(text: str, offered: list[VariantOption]) -> Text:
    """The text as the reader sees it: typos corrected against the options on screen."""
    words = frozenset().union(*(option_words(tuple(v.options.values())) for v in offered))
    return normalize(text, words)


def as_line(variant: VariantOption, name: str) -> ItemOption:
    return ItemOption("#W1:1", "#W1", name, variant.options, variant.price)


def said(key: str, value: str) -> str:
    """How a shopper names an option value: yes/no options by their name."""
    if value == "yes":
        return key
    if value == "no":
        return f"not {key}"
    return value


def differing_pairs() -> Iterator[tuple[str, VariantOption, VariantOption, list[VariantOption]]]:
    """Every (line, wanted) pair of one product, the wanted one available."""
    for name, variants in catalogue():
        for mine in variants[:3]:
            for wanted in variants:
                if wanted.available and wanted.options != mine.options:
                    yield name, mine, wanted, [v for v in variants if v is not mine]


PAIRS = list(differing_pairs())


@pytest.mark.parametrize(
    ("name", "mine", "wanted", "offered"),
    PAIRS,
    ids=lambda x: x.item_id if isinstance(x, VariantOption) else None,
)
def test_all_values_named_pick_that_variant(
    name: str, mine: VariantOption, wanted: VariantOption, offered: list[VariantOption]
) -> None:
    text = "the " + " ".join(said(k, v) for k, v in wanted.options.items()) + " one"
    found = pick_variant(read(text, offered), offered, as_line(mine, name))
    assert found is not None
    if found.item_id is not None:
        assert found.item_id == wanted.item_id, (text, found)
    else:
        # Words that could mean two options ("medium" size or ventilation) ask, with it.
        assert wanted.item_id in found.fitting, (text, found)


@pytest.mark.parametrize(
    ("name", "mine", "wanted", "offered"),
    PAIRS,
    ids=lambda x: x.item_id if isinstance(x, VariantOption) else None,
)
def test_only_the_changes_named_never_pick_another_change(
    name: str, mine: VariantOption, wanted: VariantOption, offered: list[VariantOption]
) -> None:
    changes = {k: v for k, v in wanted.options.items() if mine.options.get(k) != v}
    text = (
        "same as mine but "
        + " and ".join(said(k, v) for k, v in changes.items())
        + ", keep everything else the same"
    )
    found = pick_variant(read(text, offered), offered, as_line(mine, name))
    assert found is not None
    if found.item_id is not None:
        chosen = next(v for v in offered if v.item_id == found.item_id)
        # Everything said is kept by the choice.
        assert all(chosen.options.get(k) == v for k, v in changes.items()), (text, chosen)
    else:
        assert found.question
        fitting = [v for v in offered if v.item_id in found.fitting]
        assert all(
            all(v.options.get(k) == value for k, value in changes.items()) for v in fitting
        ), (text, found)


def unit_spellings(value: str) -> list[str]:
    measure = measure_of(value)
    unit = value.lower().replace(str(measure), "").strip(" -") if measure is not None else ""
    for forms in UNIT_WORDS.values():
        if unit in forms:
            return [f"{measure} {form}" for form in forms if len(form) > 1] + [
                f"{measure}{forms[0]}"
            ]
    return []


MEASURED = [
    (name, key, variant, variants)
    for name, variants in catalogue()
    for variant in variants
    if variant.available
    for key, value in variant.options.items()
    if unit_spellings(value)
]


@pytest.mark.parametrize(("name", "key", "wanted", "offered"), MEASURED)
def test_units_spelled_any_way_name_the_value(
    name: str, key: str, wanted: VariantOption, offered: list[VariantOption]
) -> None:
    for spelling in unit_spellings(wanted.options[key]):
        others = {k: v for k, v in wanted.options.items() if k != key}
        text = f"the {spelling} one, " + " ".join(said(k, v) for k, v in others.items())
        found = pick_variant(read(text, offered), offered, None)
        assert found is not None
        if found.item_id is not None:
            chosen = next(v for v in offered if v.item_id == found.item_id)
            assert chosen.options[key] == wanted.options[key], (text, chosen)
        else:
            assert f"{key}={wanted.options[key]}" in found.options, (text, found)


COMPARED = [
    (name, key, mine, variants)
    for name, variants in catalogue()
    for mine in variants
    for key, value in mine.options.items()
    if measure_of(value) is not None
    and len({v.options[key] for v in variants}) > 1
    and key.split()[0] not in ("size", "ram", "storage")
]


@pytest.mark.parametrize(("name", "key", "mine", "offered"), COMPARED)
@pytest.mark.parametrize(("word", "direction"), [("longer", 1), ("more", 1), ("less", -1)])
def test_more_or_less_of_an_option_moves_from_the_line_s_own_value(
    name: str,
    key: str,
    mine: VariantOption,
    offered: list[VariantOption],
    word: str,
    direction: int,
) -> None:
    text = f"one with {word} {key}"
    found = pick_variant(read(text, offered), offered, as_line(mine, name))
    own = measure_of(mine.options[key])
    assert own is not None
    values = sorted({measure_of(v.options[key]) or Decimal(0) for v in offered})
    beyond = [v for v in values if (v - own) * direction > 0]
    if found is None or (found.item_id is None and not found.options):
        return
    if found.item_id is not None:
        chosen = next(v for v in offered if v.item_id == found.item_id)
        assert beyond, (text, chosen)
        assert measure_of(chosen.options[key]) == (beyond[0] if direction > 0 else beyond[-1])
    else:
        wanted = [o for o in found.options if o.startswith(f"{key}=")]
        assert len(wanted) == 1, (text, found)
        assert measure_of(wanted[0].split("=", 1)[1]) == (
            beyond[0] if direction > 0 else beyond[-1]
        )
