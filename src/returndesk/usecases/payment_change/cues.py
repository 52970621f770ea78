"""How the offline model reads a request to pay a pending order another way."""

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
from returndesk.usecases.payment_change.events import StartPaymentChange

ORDER_STEP = "payment_order"
CHOICE_STEP = "payment_choice"
SUMMARY_STEP = "payment_summary"
_METHOD_QUESTION = "Which payment method should pay for it instead?"

# The order's payment, named as such: not the difference of an exchange or a refund.
_ORDER_PAYMENT = re.compile(
    r"\bpayment(?: method)?s? (?:on|for|of) (?:my |the |this |that )?(?:pending )?orders?\b"
    r"|\b(?:pay|paid|charge|bill)\w* (?:for )?(?:my |the |this |that )?(?:pending )?orders?\b"
    r"|\b(?:change|switch|update|modify|move)\w* (?:the |my )?payment\b"
    r"|\b(?:different|another|other) (?:card|payment|method)\b.*\bpay\b"
    r"|\bpay\b.*\b(?:different|another|other) (?:card|method)\b"
    r"|\bhow (?:my |the |this |that )?(?:pending )?order (?:is|gets) paid\b"
)
_SWITCH = re.compile(r"\b(?:switch|change|move|use|charge|instead|pay)\w*\b")


_SOME_OTHER = re.compile(r"\b(?:different|another|other|new) (?:card|method|payment)\b")


def _slots(message: Message) -> dict[str, SlotValue]:
    slots: dict[str, SlotValue] = {}
    if message.order_ids:
        slots["order_id"] = message.order_ids[0]
    pick = message.payment
    # "a different card" asks for a change without saying which method.
    if pick is not None and pick.method_id is not None and not message.text.has(_SOME_OTHER):
        slots["payment_method_id"] = pick.method_id
    return slots


def _asks_for_payment_change(message: Message) -> Reading | None:
    text = message.text
    named_method = message.payment is not None and message.payment.method_id is not None
    switches_named_order = bool(message.order_ids) and named_method and text.has(_SWITCH)
    if not (text.has(_ORDER_PAYMENT) or switches_named_order):
        return None
    if cues.mentions_cancel(text) or cues.asks_return(text):
        return None
    return Reading(StartPaymentChange.name, _slots(message), SURE if message.order_ids else LIKELY)


def _choose_order(message: Message) -> Reading | None:
    order = named_order(message)
    if order is None:
        return None
    return Reading(StartPaymentChange.name, {**_slots(message), "order_id": order}, LIKELY)


def _choose_method(message: Message) -> Reading | None:
    pick = message.payment
    if pick is not None and pick.method_id is not None:
        return Reading(StartPaymentChange.name, _slots(message), LIKELY)
    if pick is not None and pick.question is not None:
        return Reading(StartPaymentChange.name, confidence=UNSURE, clarify=pick.question)
    if message.yes_no is not None or cues.is_greeting(message.text) or message.order_ids:
        return None
    return Reading(StartPaymentChange.name, confidence=UNSURE, clarify=_METHOD_QUESTION)


CUES: tuple[Cue, ...] = (
    Cue(_asks_for_payment_change, Stage.ANOTHER_TASK, with_identity=True),
    Cue(_choose_order, Stage.STEP, ORDER_STEP, "Which order should be paid another way?"),
    Cue(_choose_method, Stage.STEP, CHOICE_STEP, _METHOD_QUESTION),
    Cue(confirm_or_deny, Stage.STEP, SUMMARY_STEP, "Shall I move the payment?"),
)
