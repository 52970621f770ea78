"""How the offline model reads a new address for the account."""

from __future__ import annotations

import re

from returndesk.llm.offline import cues
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import Reading, SlotValue
from returndesk.llm.offline.rules import LIKELY, UNSURE, Cue, Stage, confirm_or_deny
from returndesk.usecases.default_address.events import StartDefaultAddressChange

FORM_STEP = "default_address_form"
ORDERS_STEP = "default_address_orders"
SUMMARY_STEP = "default_address_summary"
_ADDRESS_QUESTION = "What is your new address? Street, city, state and ZIP code."

_ADDRESS = re.compile(r"\baddress(?:es)?\b")
_CHANGE = re.compile(
    r"\b(?:change|changing|update|updating|modify|edit|correct|fix|wrong|new|moved|move"
    r"|out of date|outdated|old)\b"
)
# One order's parcel: the shipping address request reads those.
_PARCEL = re.compile(r"\b(?:orders?|package|parcel|shipment|delivery|shipping)\b")
_ACCOUNT = re.compile(r"\b(?:default|account|profile|home|on file|future orders)\b")


def _asks_for_new_address(message: Message) -> Reading | None:
    text = message.text
    if not (text.has(_ADDRESS) and text.has(_CHANGE)):
        return None
    if not message.context.open_step and not text.has(_ACCOUNT):
        # "new address: …" inside another request answers it.
        return None
    if (message.order_ids or text.has(_PARCEL)) and not text.has(_ACCOUNT):
        return None
    return Reading(StartDefaultAddressChange.name, dict(message.address), LIKELY)


def _new_address(message: Message) -> Reading | None:
    if message.address:
        return Reading(StartDefaultAddressChange.name, dict(message.address), LIKELY)
    if cues.is_greeting(message.text):
        return None
    return Reading(StartDefaultAddressChange.name, confidence=UNSURE, clarify=_ADDRESS_QUESTION)


def _orders_follow(message: Message) -> Reading | None:
    answer = message.yes_no
    if answer is None:
        return None
    slots: dict[str, SlotValue] = {"orders_follow": answer}
    return Reading(StartDefaultAddressChange.name, slots, LIKELY)


CUES: tuple[Cue, ...] = (
    Cue(_asks_for_new_address, Stage.ANOTHER_TASK, with_identity=True),
    Cue(_new_address, Stage.STEP, FORM_STEP, _ADDRESS_QUESTION),
    Cue(_orders_follow, Stage.STEP, ORDERS_STEP, "Should your pending orders go there too?"),
    Cue(confirm_or_deny, Stage.STEP, SUMMARY_STEP, "Shall I update your address?"),
)
