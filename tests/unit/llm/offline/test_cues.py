from __future__ import annotations

import pytest

from returndesk.llm.offline import cues
from returndesk.llm.offline.normalize import normalize
from returndesk.llm.offline.reading import PolicyTopic


@pytest.mark.parametrize(
    "typed",
    [
        "talk to a human",
        "agent",
        "can someone call me?",
        "can I change the delivery date",
        "can i speak to an actual person pls",
    ],
)
def test_handoff(typed: str) -> None:
    assert cues.wants_handoff(normalize(typed))


def test_moves_in_the_conversation() -> None:
    assert cues.wants_start_over(normalize("let's start from scratch"))
    assert cues.wants_go_back(normalize("go back a step"))
    assert cues.is_greeting(normalize("Good morning!"))
    assert cues.is_greeting(normalize("good afternoon 🙂"))
    assert not cues.is_greeting(normalize("hi, I want to return my chair"))


def test_refusing_to_cancel_is_not_cancelling() -> None:
    assert cues.refuses_cancel(normalize("don't cancel"))
    assert not cues.refuses_cancel(normalize("I don't want it anymore, cancel the return"))


@pytest.mark.parametrize(
    ("typed", "topic"),
    [
        ("how long do I have to return stuff?", PolicyTopic.WINDOWS),
        ("is pickup free?", PolicyTopic.FEES),
        ("how long do refunds take to show up?", PolicyTopic.REFUND_TIMING),
        ("can I return a final sale item?", PolicyTopic.FINAL_SALE),
        ("can i send back opened perfume?", PolicyTopic.HYGIENE),
        ("how do exchanges work?", PolicyTopic.EXCHANGES),
        ("where can I drop it off?", PolicyTopic.METHODS),
        ("what's your return policy", PolicyTopic.OTHER),
        ("pickup", None),
        ("can you pick it up", None),
    ],
)
def test_policy_topics_only_for_questions(typed: str, topic: PolicyTopic | None) -> None:
    assert cues.policy_topic(normalize(typed)) is topic
