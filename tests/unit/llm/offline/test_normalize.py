from __future__ import annotations

import pytest

from returndesk.llm.offline.normalize import normalize, repair


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("I wanna RETRUN it pls!!", "i want to return it please ! !"),
        ("refnd", "refund"),
        ("cancle my order", "cancel my order"),
        ("prepaid lable", "prepaid label"),
        ("stor credit", "store credit"),
        ("tooo biggg", "too big"),
        ("2 small", "too small"),
        ("id like a swap", "i'd like a swap"),
        ("Pay Pal", "paypal"),
        ("the T-Shirts", "the tshirts"),
        ("it’s fine", "it's fine"),
    ],
)
def test_messages_get_one_spelling(typed: str, clean: str) -> None:
    assert normalize(typed).clean == clean


@pytest.mark.parametrize(
    "word", ["safe", "torn", "makes", "existing", "living", "stopped", "sofa", "hurts"]
)
def test_ordinary_words_are_not_repaired_into_keywords(word: str) -> None:
    assert repair(word) == word


def test_words_on_screen_are_repair_targets() -> None:
    assert normalize("the wristwach", ["wristwatch"]).clean == "the wristwatch"
    assert normalize("the wristwach").clean == "the wristwach"


def test_the_raw_text_is_kept_for_notes() -> None:
    text = normalize("  My cat HATES it  ")

    assert text.raw == "My cat HATES it"
    assert text.words == ("my", "cat", "hates", "it")


@pytest.mark.parametrize(
    ("typed", "asks"),
    [("is pickup free?", True), ("how long do I have", True), ("pickup", False)],
)
def test_questions_are_recognised(typed: str, asks: bool) -> None:
    assert normalize(typed).is_question is asks
