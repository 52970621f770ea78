"""The step decides what a bare answer means, and other tasks win over the step at hand."""

from __future__ import annotations

import pytest

from returndesk.llm.offline import Context, Intent
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


@pytest.mark.parametrize(
    ("context", "intent", "slots"),
    [
        (sofia("offer", chosen=(BLACK_TEE.ref,), offer="size_exchange"), "answer_offer",
         {"accept": True}),
        (omar("summary"), Intent.CONFIRM, {}),
        (omar("cancel_summary"), Intent.CONFIRM, {}),
        (sofia("hygiene", chosen=(BLUE_TEE.ref,)), "answer_hygiene", {"opened": False}),
        (sofia("menu"), Intent.CONFIRM, {}),
    ],
)  # fmt: skip
def test_yes_means_what_the_step_asked(
    context: Context, intent: str, slots: dict[str, object]
) -> None:
    reading = understand("yes", context)

    assert reading.intent == intent
    assert dict(reading.slots) == slots


def test_a_bare_ordinal_picks_from_the_list_of_the_step() -> None:
    items = understand("the second one", sofia("choose_items"))
    order = understand("the second one", sofia("choose_order"))
    rma = understand("the second one", sofia("choose_return"))

    assert (items.intent, dict(items.slots)) == ("select_items", {"item_refs": [BLUE_TEE.ref]})
    assert (order.intent, dict(order.slots)) == (
        "start_order_cancellation",
        {"order_id": "#W6876713"},
    )
    assert (rma.intent, dict(rma.slots)) == ("start_return_cancellation", {"rma": "R-2B8DNW4Q"})


def test_another_task_wins_over_the_step_at_hand() -> None:
    reading = understand("where is my order W6876713?", sofia("method"))

    assert reading.intent == "ask_status"
    assert dict(reading.slots) == {"order_id": "#W6876713"}


def test_a_question_about_the_policy_wins_over_an_answer() -> None:
    assert understand("is pickup free?", omar("method")).intent is Intent.POLICY_QUESTION
    assert understand("pickup", omar("method")).intent == "choose_method"


def test_a_later_message_may_change_an_earlier_answer() -> None:
    reading = understand("actually make it store credit instead", omar("summary"))

    assert reading.intent == "choose_resolution"
    assert dict(reading.slots) == {"resolution": "STORE_CREDIT"}


def test_yes_with_a_change_is_the_change() -> None:
    reading = understand("yes but make it an exchange instead", omar("summary"))

    assert reading.intent == "choose_resolution"


def test_cancel_at_a_summary_depends_on_what_is_summarised() -> None:
    assert understand("yes cancel it", omar("cancel_summary")).intent is Intent.CONFIRM
    assert understand("don't cancel", omar("cancel_summary")).intent is Intent.DENY
    cancel = understand("cancel my order", omar("reason", chosen=(CHAIR.ref,)))
    assert cancel.intent == "start_order_cancellation"


def test_picked_the_wrong_item_goes_back_inside_the_return() -> None:
    context = omar("reason", chosen=(KETTLE.ref,))

    assert understand("wait i picked the wrong item", context).intent is Intent.GO_BACK


def test_at_the_note_step_a_description_is_a_note_even_if_it_sounds_like_a_reason() -> None:
    context = omar("reason_note", chosen=(KETTLE.ref,))

    note = understand("the lid is stuck and it rattles when it boils", context)
    change = understand("actually it's too small", context)

    assert (note.intent, dict(note.slots)) == (
        "give_note",
        {"note": "the lid is stuck and it rattles when it boils"},
    )
    assert (change.intent, dict(change.slots)) == (
        "give_reason",
        {"reason": "SIZE_TOO_SMALL"},
    )


def test_unfiled_words_at_the_reason_step_are_an_other_reason_with_a_note() -> None:
    reading = understand("my dog chewed it up", omar("reason", chosen=(KETTLE.ref,)))

    assert dict(reading.slots) == {"reason": "OTHER", "note": "my dog chewed it up"}


def test_variants_count_only_where_the_flow_knows_the_exchanged_line() -> None:
    context = sofia("resolution", chosen=(BLACK_TEE.ref,), variants=TEE_VARIANTS)

    reading = understand("swap it for a medium", context)

    assert dict(reading.slots) == {"resolution": "EXCHANGE", "item_id": "9612497925"}
