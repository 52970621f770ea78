"""How the offline model reads a question about a product of the catalogue."""

from __future__ import annotations

import re

from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import Reading, SlotValue
from returndesk.llm.offline.rules import LIKELY, Cue, Stage
from returndesk.usecases.product_info.events import AskProduct, ProductTopic

PICK_STEP = "product_pick"
ANSWER_STEP = "product_answer"

_PRICE = re.compile(r"\bhow much\b|\bprices?\b|\bcosts?\b|\bcheaper\b|\bexpensive\b")
_STOCK = re.compile(
    r"\bin stock\b|\bavailable\b|\bavailability\b|\bsold out\b|\bback in\b"
    r"|\bdo you (?:have|sell|carry|stock|still have)\b|\bcan i (?:get|buy|order)\b"
    r"|\b(?:sell|carry)\b"
)
_OPTIONS = re.compile(
    r"\bcome in\b|\bcomes in\b|\b(?:what|which) (?:colou?rs?|sizes?|options|kinds?|types?"
    r"|styles?|materials?|versions?|capacit(?:y|ies))\b|\boptions\b|\bvariants\b|\bversions\b"
    r"|\btell me about\b"
)


def _topic(message: Message) -> ProductTopic | None:
    text = message.text
    if text.has(_PRICE):
        return ProductTopic.PRICE
    if text.has(_STOCK):
        return ProductTopic.STOCK
    if text.has(_OPTIONS):
        return ProductTopic.OPTIONS
    return None


def _asks_about_product(message: Message) -> Reading | None:
    context = message.context
    if not (context.open_step or context.step in (PICK_STEP, ANSWER_STEP)):
        return None
    mention = message.product
    topic = _topic(message)
    if mention is None or topic is None or message.order_ids:
        return None
    slots: dict[str, SlotValue] = {"product": mention.name, "topic": topic.value}
    if mention.options:
        slots["variant_options"] = list(mention.options)
    return Reading(AskProduct.name, slots, LIKELY)


def _names_product(message: Message) -> Reading | None:
    mention = message.product
    if mention is None:
        return None
    slots: dict[str, SlotValue] = {"product": mention.name}
    if mention.options:
        slots["variant_options"] = list(mention.options)
    topic = _topic(message)
    slots["topic"] = (topic or ProductTopic.OPTIONS).value
    return Reading(AskProduct.name, slots, LIKELY)


CUES: tuple[Cue, ...] = (
    Cue(_asks_about_product, Stage.ANOTHER_TASK),
    Cue(_names_product, Stage.STEP, PICK_STEP, "Which product would you like to know about?"),
)
