"""A question that is not working is not asked the same way again and again.

At any question, two typed answers in a row that change nothing make the assistant
change strategy: the question's card again, fresh, to answer with a click, and a
person offered. Answers that do move on, or a question of the shopper's answered,
reset the count.
"""

from __future__ import annotations

import pytest

from returndesk.operations.context import Operations
from tests.support.demo import find_line, ordinary
from tests.support.shopper import Shopper, ShopperFactory

ANOTHER_WAY = "Let me make this easier"
# One word, or none: at the reason question two words of anything are taken as a note.
GIBBERISH = ["blorp", "?!", "hmm", "zzz"]


async def at_question(new_shopper: ShopperFactory, ops: Operations, question: str) -> Shopper:
    """A shopper who has typed their way to `question`."""
    shopper = await new_shopper()
    await shopper.start()
    pick = await find_line(ops, lambda p: ordinary(p) and not p.product.hygiene_sealed)
    if question == "who":
        return shopper
    await shopper.say(pick.customer.email)
    if question == "menu":
        return shopper
    await shopper.say(f"I want to send back the {pick.line.name}, order {pick.order.id}")
    if question == "reason":
        return shopper
    await shopper.say("it stopped working")
    assert question == "resolution"
    return shopper


@pytest.mark.parametrize("question", ["who", "menu", "reason", "resolution"])
async def test_the_second_answer_that_changes_nothing_changes_strategy(
    new_shopper: ShopperFactory, ops: Operations, question: str
) -> None:
    shopper = await at_question(new_shopper, ops, question)
    card_before = shopper.widget
    await shopper.say(GIBBERISH[0])
    assert ANOTHER_WAY not in shopper.said
    await shopper.say(GIBBERISH[1])
    assert ANOTHER_WAY in shopper.said
    assert "talk to a person" in shopper.said
    # The same question's card, shown again to answer with a click; the old one is locked.
    assert shopper.widget.get("key") == card_before.get("key")
    assert shopper.buttons() or shopper.forms()
    locked = [
        e
        for e in shopper.events
        if e["type"] == "thread.item.updated" and e["update"]["type"] == "widget.root.updated"
    ]
    assert locked


async def test_progress_in_between_resets_the_count(
    new_shopper: ShopperFactory, ops: Operations
) -> None:
    shopper = await at_question(new_shopper, ops, "reason")
    await shopper.say(GIBBERISH[0])
    await shopper.say("it stopped working")
    await shopper.say(GIBBERISH[2])
    assert ANOTHER_WAY not in shopper.said


async def test_policy_questions_are_not_a_dead_end(
    new_shopper: ShopperFactory, ops: Operations
) -> None:
    shopper = await at_question(new_shopper, ops, "resolution")
    await shopper.say("how long do refunds take?")
    await shopper.say("and is the pickup free?")
    assert ANOTHER_WAY not in shopper.said


async def test_a_person_can_be_asked_for_once_offered(
    new_shopper: ShopperFactory, ops: Operations
) -> None:
    shopper = await at_question(new_shopper, ops, "reason")
    await shopper.say(GIBBERISH[0])
    await shopper.say(GIBBERISH[3])
    await shopper.say("talk to a person")
    assert "passed your request on" in shopper.said
