"""What a use case gives the offline model: rules for reading a message, and plans.

A rule reads a message into an intent (the name of the event it asks for) and
slots, or passes. Rules are tried stage by stage, the first that fits wins;
within a stage, in the order the use cases are registered. The stages encode
what beats what: leaving the task beats everything, a request for another
task beats the answer to the step at hand, and so on. A planner turns a
reading into the tool calls that carry it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from returndesk.llm.offline.context import Context
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import Intent, Reading
from returndesk.llm.offline.references import ordinals

SURE = 0.95
LIKELY = 0.85
FAIR = 0.7
GUESS = 0.55
UNSURE = 0.3

Rule = Callable[[Message], Reading | None]


class Stage(IntEnum):
    """When a use case's rule is tried, among the frame's own rules (in brackets)."""

    # [an empty message]
    LEAVING = 10  # asking for a person: beats everything
    # [start over, go back]
    GOING_BACK = 25  # a task's own ways of saying "back"
    # [identity, a policy question]
    ANOTHER_TASK = 40  # a request for a named task beats the step at hand
    NEW_TASK = 45  # a new task, at a step outside any task
    STEP = 50  # the answer to the step the cue names
    CHANGED_ANSWER = 60  # an earlier answer given again at a later step
    TASK_BY_ITS_FACTS = 65  # a task told only by its facts ("my boots arrived torn")
    # [a plain yes or no, a greeting]
    LAST_RESORT = 90  # what is left: e.g. free words at a question that takes any


@dataclass(frozen=True, slots=True)
class Cue:
    rule: Rule
    stage: Stage
    # For Stage.STEP: the step it answers, and how to ask that step's question again.
    step: str | None = None
    question: str | None = None
    # A request that may come in the same message as the shopper's identity.
    with_identity: bool = False


@dataclass(frozen=True, slots=True)
class ToolCall:
    name: str
    arguments: dict[str, Any]


# The tool calls for a reading, given what the shopper sees and the flow they are in.
Planner = Callable[[Reading, Context, str], list[ToolCall]]


def slot(reading: Reading, name: str) -> Any:
    return reading.slots.get(name)


def confirm_or_deny(message: Message, confidence: float = LIKELY) -> Reading | None:
    """A plain yes or no: Confirm or Deny, as sure as the question it answers makes it."""
    answer = message.yes_no
    if answer is None:
        return None
    return Reading(Intent.CONFIRM if answer else Intent.DENY, confidence=confidence)


def named_order(message: Message) -> str | None:
    """The order the message names: by its id, or by words ("the second one")."""
    return message.order_ids[0] if message.order_ids else order_by_words(message)


def order_by_words(message: Message) -> str | None:
    """The order meant by "the second one" or "the one with the chairs"."""
    orders = message.context.orders
    positions = ordinals(message.text, len(orders))
    if len(positions) == 1:
        return orders[positions[0]]
    items = message.items
    owners = {i.order_id for i in message.context.items if i.ref in items.refs}
    return owners.pop() if len(owners) == 1 else None
