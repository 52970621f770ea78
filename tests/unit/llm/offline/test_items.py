from __future__ import annotations

import pytest

from returndesk.llm.offline.context import ItemOption
from returndesk.llm.offline.items import ItemPick, context_words, pick_items
from returndesk.llm.offline.normalize import normalize
from tests.support.nlu_contexts import (
    BLACK_TEE,
    BLUE_TEE,
    CHAIR,
    CHAIR_AND_KETTLE,
    CLOCK,
    COFFEE_MAKER,
    E_READER,
    KETTLE,
    MOUSE,
    SHIRTS,
    UMBRELLA,
)


def refs(*items: ItemOption) -> tuple[str, ...]:
    return tuple(item.ref for item in items)


def pick(
    typed: str, items: tuple[ItemOption, ...] = SHIRTS, *, chosen: tuple[str, ...] = ()
) -> ItemPick:
    text = normalize(typed, context_words(items))
    return pick_items(text, items, chosen=chosen, numbers=True)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("the blue one", (BLUE_TEE,)),
        ("the black shirt", (BLACK_TEE,)),
        ("size M", (BLUE_TEE,)),
        ("the medium", (BLUE_TEE,)),
        ("the second one", (BLUE_TEE,)),
        ("the $52.88 one", (BLACK_TEE,)),
        ("the 50 dollar one", (BLUE_TEE,)),
        ("the cheapest one", (BLUE_TEE,)),
        ("the most expensive", (UMBRELLA,)),
        ("e reader", (E_READER,)),
        ("the cofee maker and the umbrela", (COFFEE_MAKER, UMBRELLA)),
        ("both shirts", (BLUE_TEE, BLACK_TEE)),
        ("the tshirts", (BLUE_TEE, BLACK_TEE)),
        ("everything except the umbrella", (E_READER, BLUE_TEE, BLACK_TEE, COFFEE_MAKER)),
        ("all but the e-reader and coffee maker", (BLUE_TEE, BLACK_TEE, UMBRELLA)),
        ("1 and 4", (E_READER, COFFEE_MAKER)),
    ],
)
def test_lines_are_named_many_ways(typed: str, expected: tuple[ItemOption, ...]) -> None:
    assert pick(typed).refs == refs(*expected)


@pytest.mark.parametrize("typed", ["the shirt", "the black one", "the crew neck", "both"])
def test_words_that_fit_several_lines_ask_which(typed: str) -> None:
    found = pick(typed)

    assert found.refs == ()
    assert found.question is not None


def test_the_question_names_the_candidates() -> None:
    found = pick("the shirt")

    assert found.question == ("Which one do you mean: the blue T-Shirt or the black T-Shirt?")


def test_typos_in_product_names_are_forgiven() -> None:
    assert pick("the chiar", CHAIR_AND_KETTLE).refs == refs(CHAIR)
    assert pick("kettel", CHAIR_AND_KETTLE).refs == refs(KETTLE)


def test_everyday_names_for_products() -> None:
    assert pick("the tee in blue").refs == refs(BLUE_TEE)
    assert pick("the watch", (CLOCK, _watch())).refs == ("#W1:2",)


def _watch() -> ItemOption:
    return ItemOption("#W1:2", "#W1", "Wristwatch", {"dial color": "white"})


def test_the_other_one_too_adds_the_remaining_line() -> None:
    pair = (CHAIR, KETTLE)

    found = pick("the other one too", pair, chosen=(CHAIR.ref,))

    assert found.refs == refs(CHAIR, KETTLE)


def test_too_adds_to_the_choice_and_just_replaces_it() -> None:
    chosen = (CHAIR.ref,)

    added = pick("add the mouse as well", CHAIR_AND_KETTLE, chosen=chosen)
    replaced = pick("actually just the kettle", CHAIR_AND_KETTLE, chosen=chosen)

    assert added.refs == refs(CHAIR, MOUSE)
    assert replaced.refs == refs(KETTLE)


def test_the_other_one_with_several_left_asks() -> None:
    found = pick("the other one", chosen=(BLUE_TEE.ref,))

    assert found.question is not None


def test_strict_reading_ignores_sizes_that_describe_a_problem() -> None:
    text = normalize("I ordered a medium but got a small")

    assert pick_items(text, SHIRTS, strict=True).refs == ()
    assert pick_items(normalize("the blue one is too small"), SHIRTS, strict=True).refs == refs(
        BLUE_TEE
    )


def test_an_option_absent_from_a_line() -> None:
    armless = ItemOption("#W4866703:2", "#W4866703", "Office Chair", {"armrest": "none"})
    armed = ItemOption("#W4866703:1", "#W4866703", "Office Chair", {"armrest": "fixed"})

    found = pick("the chair with no armrests", (armed, armless))

    assert found.refs == (armless.ref,)


def test_a_product_not_in_the_order_is_mentioned_but_not_picked() -> None:
    found = pick("the sunglasses", CHAIR_AND_KETTLE)

    assert found.refs == ()
    assert found.mentioned
