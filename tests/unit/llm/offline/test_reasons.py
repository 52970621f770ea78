from __future__ import annotations

import pytest

from returndesk.domain.codes import ReasonCode
from returndesk.llm.offline.normalize import normalize
from returndesk.llm.offline.reasons import (
    NO_LONGER_NEEDED,
    ORDERED_BY_MISTAKE,
    find_cancel_reason,
    find_reason,
)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("it stopped charging", ReasonCode.DEFECTIVE),
        ("the zipper broke", ReasonCode.DEFECTIVE),
        ("wont turn on", ReasonCode.DEFECTIVE),
        ("way too tight", ReasonCode.SIZE_TOO_SMALL),
        ("2 small", ReasonCode.SIZE_TOO_SMALL),
        ("swims on me", ReasonCode.SIZE_TOO_LARGE),
        ("tooo biggg", ReasonCode.SIZE_TOO_LARGE),
        ("arrived cracked", ReasonCode.DAMAGED),
        ("box was crushed", ReasonCode.DAMAGED),
        ("the kettle arrived broken", ReasonCode.DAMAGED),
        ("you sent the wrong one", ReasonCode.WRONG_ITEM),
        ("wrong colour was sent", ReasonCode.WRONG_ITEM),
        ("not what the listing said", ReasonCode.NOT_AS_DESCRIBED),
        ("smaller than in the pictures", ReasonCode.NOT_AS_DESCRIBED),
        ("changed my mind", ReasonCode.UNWANTED),
        ("found it cheaper", ReasonCode.UNWANTED),
        ("colour is off", ReasonCode.COLOR),
        ("doesn't suit me", ReasonCode.STYLE),
        ("not really my vibe tbh", ReasonCode.STYLE),
        ("rly tight on me", ReasonCode.SIZE_TOO_SMALL),
        ("colour's way more orange than red irl", ReasonCode.COLOR),
        ("these aren't the ones I ordered", ReasonCode.WRONG_ITEM),
        ("got white instead of blue", ReasonCode.WRONG_ITEM),
        # A sound, not a crack: not "corrected" into damage.
        ("the left one crackles", ReasonCode.DEFECTIVE),
        ("other", ReasonCode.OTHER),
    ],
)
def test_reasons_from_the_shoppers_words(typed: str, code: ReasonCode) -> None:
    found = find_reason(normalize(typed))

    assert found is not None
    assert found.code is code


def test_a_wrong_fit_without_a_direction_asks_which_way() -> None:
    found = find_reason(normalize("doesnt fit"))

    assert found is not None
    assert found.code is None
    assert found.question == "Is it too small or too large?"


def test_words_that_give_no_reason() -> None:
    assert find_reason(normalize("my dog chewed it")) is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("don't need it anymore", NO_LONGER_NEEDED),
        ("changed my mind", NO_LONGER_NEEDED),
        ("I accidentally ordered it twice", ORDERED_BY_MISTAKE),
        ("oops misclick", ORDERED_BY_MISTAKE),
        ("I meant to order a different colour", ORDERED_BY_MISTAKE),
        ("it's taking too long", None),
    ],
)
def test_cancel_reasons(typed: str, reason: str | None) -> None:
    assert find_cancel_reason(normalize(typed)) == reason
