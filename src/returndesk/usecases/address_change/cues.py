"""How the offline model reads a request to send a pending order somewhere else."""

from __future__ import annotations

import re

from returndesk.llm.offline import cues
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import Reading, SlotValue
from returndesk.llm.offline.rules import (
    LIKELY,
    SURE,
    UNSURE,
    Cue,
    Stage,
    confirm_or_deny,
    named_order,
)
from returndesk.usecases.address_change.events import StartAddressChange

ORDER_STEP = "address_order"
FORM_STEP = "address_form"
SUMMARY_STEP = "address_summary"
_ADDRESS_QUESTION = "What is the new address? Street, city, state and ZIP code."

_ADDRESS = re.compile(r"\baddress(?:es)?\b")
_CHANGE = re.compile(
    r"\b(?:change|changing|update|modify|edit|correct|fix|wrong|new|different|moved|move"
    r"|instead|another)\b"
)
# Where a parcel goes, said without the word "address": rerouted, or sent to a place.
_REDIRECT = re.compile(r"\b(?:redirect|reroute|re-route)\w*\b|\bdelivered to my new\b")
_SEND_TO = re.compile(
    r"\b(?:ship|send|deliver)(?:ped|ed|ing)?"
    r"(?: (?:it|them|that|this|the|my|order|package|parcel|#?w?\d{7})){0,3} to\b"
)
_PLACE = re.compile(
    r"\b(?:my|the|a|our) (?:new |other )?(?:place|office|work|home|house|apartment|flat"
    r"|friend|friend's|mom's|parents'?|neighbou?r's?)\b"
)
_PARCEL = re.compile(r"\b(?:orders?|package|parcel|shipment|delivery|shipping)\b")
# The account's address, not one order's: the default address request reads those.
_ACCOUNT = re.compile(
    r"\b(?:default|account|profile|home address|on file|billing|my address|future orders)\b"
)


def _slots(message: Message) -> dict[str, SlotValue]:
    slots: dict[str, SlotValue] = dict(message.address)
    order_id = message.order_ids[0] if message.order_ids else None
    if order_id is not None:
        slots["order_id"] = order_id
    return slots


def _asks_for_address_change(message: Message) -> Reading | None:
    text = message.text
    about_parcel = bool(message.order_ids) or text.has(_PARCEL)
    if text.has(_ACCOUNT) and not about_parcel:
        return None
    changes_address = text.has(_ADDRESS) and text.has(_CHANGE) and about_parcel
    to_a_place = bool(message.address) or text.has(_PLACE)
    sends_elsewhere = text.has(_REDIRECT) or (text.has(_SEND_TO) and to_a_place)
    if not (changes_address or sends_elsewhere):
        return None
    if not about_parcel and not message.address:
        return None
    return Reading(StartAddressChange.name, _slots(message), SURE if message.order_ids else LIKELY)


def _choose_order(message: Message) -> Reading | None:
    order = named_order(message)
    if order is None:
        return None
    return Reading(StartAddressChange.name, {**_slots(message), "order_id": order}, LIKELY)


def _new_address(message: Message) -> Reading | None:
    if message.address:
        return Reading(StartAddressChange.name, _slots(message), LIKELY)
    if cues.is_greeting(message.text) or message.order_ids:
        return None
    return Reading(StartAddressChange.name, confidence=UNSURE, clarify=_ADDRESS_QUESTION)


CUES: tuple[Cue, ...] = (
    Cue(_asks_for_address_change, Stage.ANOTHER_TASK, with_identity=True),
    Cue(_choose_order, Stage.STEP, ORDER_STEP, "Which order should go to another address?"),
    Cue(_new_address, Stage.STEP, FORM_STEP, _ADDRESS_QUESTION),
    Cue(confirm_or_deny, Stage.STEP, SUMMARY_STEP, "Shall I send the order to this address?"),
)
