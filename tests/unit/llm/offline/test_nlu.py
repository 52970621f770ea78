"""`understand` end to end: several facts in a message, asking back, confidence, speed."""

from __future__ import annotations

import pytest

from returndesk.llm.offline import Context, Intent, Reading
from returndesk.llm.offline.reading import CONFIDENT
from tests.support.nlu_contexts import (
    BLACK_TEE,
    BLUE_TEE,
    CHAIR,
    KETTLE,
    TEE_VARIANTS,
    omar,
    sofia,
    understand,
)


def test_several_facts_in_one_message_ride_on_the_primary_intent() -> None:
    reading = understand("return the blue shirt from W9609649, it's too small", sofia("menu"))

    assert reading.intent == "start_return"
    assert dict(reading.slots) == {
        "order_id": "#W9609649",
        "item_refs": [BLUE_TEE.ref],
        "reason": "SIZE_TOO_SMALL",
    }
    assert reading.clarify is None
    assert reading.confidence >= 0.85


def test_an_exchange_request_carries_the_size_wanted() -> None:
    reading = understand("id like to exchange the black tee for a medium", sofia("menu"))

    assert dict(reading.slots) == {
        "item_refs": [BLACK_TEE.ref],
        "resolution": "EXCHANGE",
        "variant_options": ["size=M"],
    }


@pytest.mark.parametrize(
    ("typed", "context"),
    [
        ("the shirt", sofia("choose_items")),
        ("doesnt fit", sofia("reason", chosen=(BLUE_TEE.ref,))),
        ("XL", sofia("exchange_variant", chosen=(BLACK_TEE.ref,), variants=TEE_VARIANTS)),
        ("my credit card", omar("exchange_payment")),
        ("R-7K3QX9MZ", sofia("choose_return")),
        ("I want to cancel", sofia("menu")),
        ("Yusuf Rossi", Context(step="verify")),
        ("asdfgh", sofia("menu")),
    ],
)
def test_unsure_readings_ask_back_and_guess_no_change(typed: str, context: Context) -> None:
    reading = understand(typed, context)

    assert reading.clarify
    assert reading.confidence < CONFIDENT
    assert not {"item_refs", "item_id", "payment_method_id", "rma", "reason"} & set(reading.slots)


def test_typos_and_slang_throughout() -> None:
    context = omar("choose_items", chosen=(CHAIR.ref,))

    assert dict(understand("retrun teh chiar pls", omar("menu")).slots) == {
        "item_refs": [CHAIR.ref]
    }
    assert dict(understand("the kettel too", context).slots) == {
        "item_refs": [CHAIR.ref, KETTLE.ref]
    }
    assert understand("yea sure", omar("summary")).intent is Intent.CONFIRM
    assert understand("nah", omar("offer", offer="keep_with_discount")).slots == {"accept": False}


@pytest.mark.parametrize(
    ("typed", "slots"),
    [
        ("yusuf.rossi7301@example.com", {"email": "yusuf.rossi7301@example.com"}),
        ("I'm Yusuf Rossi, 19122", {"first_name": "Yusuf", "last_name": "Rossi", "zip": "19122"}),
    ],
)
def test_verification(typed: str, slots: dict[str, str]) -> None:
    reading = understand(typed, Context(step="verify"))

    assert reading.intent is Intent.VERIFY
    assert dict(reading.slots) == slots


def test_readings_are_json_able() -> None:
    reading = understand("the blue one, it's too small", sofia("choose_items"))

    assert reading.to_json() == {
        "intent": "select_items",
        "slots": {"item_refs": [BLUE_TEE.ref], "reason": "SIZE_TOO_SMALL"},
        "confidence": reading.confidence,
        "clarify": None,
    }


def test_a_reading_that_asks_is_never_confident() -> None:
    assert Reading(Intent.UNKNOWN, confidence=0.9, clarify="Which one?").confidence < CONFIDENT
    with pytest.raises(ValueError, match="confidence"):
        Reading(Intent.UNKNOWN, confidence=1.5)


def test_a_context_without_a_step_still_reads() -> None:
    assert understand("talk to a human").intent == "request_handoff"
    assert understand("").intent is Intent.UNKNOWN
    assert understand("hi", Context(step="no_such_step")).intent is Intent.GREETING
