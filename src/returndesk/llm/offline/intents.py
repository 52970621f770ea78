"""From the facts of a message to one intent: rules tried in order, the first that fits wins.

The order encodes what beats what. Leaving the task (a human, starting over,
going back) beats everything; a shopper's identity comes next; a question
about the policy beats an answer that happens to use the same words ("is
pickup free?"); a request for another task (cancel, status) beats the step at
hand; then the step decides what a bare answer means ("yes" at the offer
accepts it, at the summary confirms). A later message may still change an
earlier answer ("make it store credit instead").

Slots: a message carries, besides its own slots, the return facts it states
that still matter at its step. start_return and select_items carry them all
(order_id, item_refs, reason, note, opened, resolution, credit_destination,
item_id or variant_options, method), so "return the blue shirt from W2611340,
it's too small" is start_return with order_id, item_refs and reason.
give_reason adds item_refs and a resolution; answer_hygiene item_refs;
answer_offer a resolution when declining or the variant when accepting;
choose_resolution and choose_method each other's. Past the reason step, reason
words are incidental ("the seal's broken" is not a defect).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from returndesk.domain.codes import ReasonCode, Resolution
from returndesk.llm.offline import cues
from returndesk.llm.offline.context import CONFIRM_STEPS, RETURN_STEPS, WRAP_UP_STEPS, Step
from returndesk.llm.offline.items import describe
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import Intent, Reading, SlotValue
from returndesk.llm.offline.reasons import CANCEL_REASONS
from returndesk.llm.offline.references import closest_rma, ordinals

SURE = 0.95
LIKELY = 0.85
FAIR = 0.7
GUESS = 0.55
UNSURE = 0.3

Rule = Callable[[Message], Reading | None]

# Steps that are not inside a task, where "return the chair" starts one.
_OPEN_STEPS = frozenset({None, Step.VERIFY, Step.MENU, *WRAP_UP_STEPS})
# Words that mark a message as changing an earlier answer rather than giving a note.
_CHANGE_WORDS = frozenset({"actually", "instead", "change", "wait", "sorry", "no"})
_QUESTIONS = {
    Step.VERIFY: "Could you tell me your email, or your first and last name with your ZIP code?",
    Step.CHOOSE_ITEMS: "Which items would you like to return?",
    Step.REASON: "Why are you returning it?",
    Step.HYGIENE: "Is the seal still unbroken?",
    Step.OFFER: "Would you like to take the offer, or continue with the return?",
    Step.RESOLUTION: "Would you like a refund, store credit, or an exchange?",
    Step.EXCHANGE_VARIANT: "Which variant would you like instead?",
    Step.EXCHANGE_PAYMENT: "Which payment method should I use for the difference?",
    Step.METHOD: "How would you like to send it back: print a label, a QR code at a carrier "
    "store, a pickup, or drop it at one of our stores?",
    Step.SUMMARY: "Shall I go ahead with this return?",
    Step.CHOOSE_ORDER: "Which order would you like to cancel?",
    Step.CANCEL_REASON: "Is the order no longer needed, or was it ordered by mistake?",
    Step.CANCEL_SUMMARY: "Shall I cancel this order?",
    Step.CHOOSE_RETURN: "Which return would you like to cancel?",
    Step.CANCEL_RETURN_SUMMARY: "Shall I cancel this return?",
    Step.STATUS_PICK: "Which order or return would you like to check?",
}
_GENERAL_QUESTION = (
    "Sorry, I didn't catch that. I can start a return or exchange, cancel an order or a "
    "return, or check a status. What would you like to do?"
)
_CANCEL_WHAT = "Would you like to cancel an order, or a return?"


def decide(message: Message) -> Reading:
    for rule in _RULES:
        reading = rule(message)
        if reading is not None:
            return reading
    return _unknown(message)


# ---------------------------------------------------------------- leaving the task


def _empty(message: Message) -> Reading | None:
    return _unknown(message) if message.empty else None


def _handoff(message: Message) -> Reading | None:
    return Reading(Intent.HANDOFF, confidence=SURE) if cues.wants_handoff(message.text) else None


def _start_over(message: Message) -> Reading | None:
    if cues.wants_start_over(message.text):
        return Reading(Intent.START_OVER, confidence=SURE)
    return None


def _go_back(message: Message) -> Reading | None:
    if cues.wants_go_back(message.text):
        return Reading(Intent.GO_BACK, confidence=SURE)
    if message.step in RETURN_STEPS and cues.picked_wrong(message.text):
        return Reading(Intent.GO_BACK, confidence=FAIR)
    return None


# ---------------------------------------------------------------- who, and questions


def _verify(message: Message) -> Reading | None:
    identity = message.identity
    if identity.email is not None:
        return Reading(Intent.VERIFY, {"email": identity.email, **_request(message)}, SURE)
    slots: dict[str, SlotValue] = {
        key: value
        for key, value in (
            ("first_name", identity.first_name),
            ("last_name", identity.last_name),
            ("zip", identity.zip),
        )
        if value is not None
    }
    if identity.complete:
        return Reading(Intent.VERIFY, slots | _request(message), LIKELY)
    if identity.partial and message.step in (None, Step.VERIFY):
        missing = "your ZIP code" if identity.zip is None else "your first and last name"
        if identity.first_name is not None and identity.last_name is None:
            missing = "your last name" + (" and ZIP code" if identity.zip is None else "")
        return Reading(
            Intent.VERIFY, slots, UNSURE, clarify=f"Thanks! Could you also give me {missing}?"
        )
    return None


# What a request made with the shopper's identity keeps: until verified, no item, reason or
# payment of theirs can be read, but the task and the order or return it names can.
_REQUEST_SLOTS = ("order_id", "rma")
_REQUESTS = frozenset(
    {Intent.START_RETURN, Intent.CANCEL_ORDER, Intent.CANCEL_RETURN, Intent.STATUS}
)


def _request(message: Message) -> dict[str, SlotValue]:
    """ "I'd like to return something from #W…, I'm Yusuf Rossi, 19122": the request
    besides the identity, as `request` and its order or return."""
    if message.step not in (None, Step.VERIFY):
        return {}
    as_at_menu = Message(message.text.raw, replace(message.context, step=Step.MENU.value))
    for rule in (_cancel, _status, _new_return):
        reading = rule(as_at_menu)
        if reading is not None and reading.intent in _REQUESTS and reading.clarify is None:
            kept = {key: reading.slots[key] for key in _REQUEST_SLOTS if key in reading.slots}
            return {"request": reading.intent.value, **kept}
    return {}


def _policy(message: Message) -> Reading | None:
    topic = cues.policy_topic(message.text)
    if topic is None:
        return None
    return Reading(Intent.POLICY_QUESTION, {"topic": topic.value}, LIKELY)


# ---------------------------------------------------------------- other tasks


def _cancel(message: Message) -> Reading | None:
    text, step = message.text, message.step
    if not cues.mentions_cancel(text):
        return None
    if cues.refuses_cancel(text):
        return Reading(Intent.DENY, confidence=LIKELY)
    named = bool(message.order_ids or message.rmas)
    if step in CONFIRM_STEPS and not named and message.yes_no is not None:
        return None  # "yes cancel it" answers the summary
    if message.rmas or (cues.names_return(text) and not cues.names_order(text)):
        if step is Step.SUMMARY and not message.rmas:
            return Reading(Intent.DENY, confidence=FAIR)
        return _cancel_return(message)
    if (
        message.order_ids
        or cues.names_order(text)
        or step in (Step.CHOOSE_ORDER, Step.CANCEL_REASON)
    ):
        return _cancel_order(message)
    if step in RETURN_STEPS:
        return Reading(Intent.DENY, confidence=FAIR)
    if step is Step.CHOOSE_RETURN:
        return _cancel_return(message)
    return Reading(Intent.CANCEL_ORDER, confidence=UNSURE, clarify=_CANCEL_WHAT)


def _cancel_order(message: Message) -> Reading:
    slots: dict[str, SlotValue] = {}
    order = message.order_ids[0] if message.order_ids else _order_by_words(message)
    if order is not None:
        slots["order_id"] = order
    if message.cancel_reason is not None:
        slots["reason"] = message.cancel_reason
    return Reading(Intent.CANCEL_ORDER, slots, SURE if message.order_ids else LIKELY)


def _cancel_return(message: Message) -> Reading:
    if not message.rmas:
        return Reading(Intent.CANCEL_RETURN, confidence=LIKELY)
    rma = message.rmas[0]
    returns = message.context.returns
    if returns and rma not in returns:
        close = closest_rma(rma, returns)
        if close is not None:
            return Reading(
                Intent.CANCEL_RETURN, confidence=UNSURE, clarify=f"Did you mean return {close}?"
            )
    return Reading(Intent.CANCEL_RETURN, {"rma": rma}, SURE)


def _status(message: Message) -> Reading | None:
    if not cues.asks_status(message.text):
        return None
    target = _status_target(message)
    if not target and message.items.refs and not message.items.everything:
        order = _order_by_words(message)  # "where's my espresso machine"
        target = {"order_id": order} if order is not None else {}
    return Reading(Intent.STATUS, target, LIKELY)


def _status_target(message: Message) -> dict[str, SlotValue]:
    if message.order_ids:
        return {"order_id": message.order_ids[0]}
    if message.rmas:
        return {"rma": message.rmas[0]}
    return {}


def _start_return_elsewhere(message: Message) -> Reading | None:
    """ "I want to return the chair" outside the return flow starts it."""
    if message.step not in _OPEN_STEPS or not cues.asks_return(message.text):
        return None
    return _start_return(message)


def _start_return(message: Message) -> Reading:
    slots = _return_facts(message, _ALL_FACTS)
    question = message.items.question
    if question is not None:
        return Reading(Intent.START_RETURN, _without_items(slots), UNSURE, clarify=question)
    return Reading(Intent.START_RETURN, slots, LIKELY)


# ---------------------------------------------------------------- the step at hand


def _step_answer(message: Message) -> Reading | None:
    answer = _STEP_ANSWERS.get(message.step) if message.step is not None else None
    return answer(message) if answer is not None else None


def _choose_items(message: Message) -> Reading | None:
    pick = message.items
    if not pick.refs and message.order_ids:
        # "it's from order #W…": the picker narrows to that order's items.
        return Reading(Intent.START_RETURN, {"order_id": message.order_ids[0]}, LIKELY)
    if pick.question is not None:
        return Reading(Intent.SELECT_ITEMS, confidence=UNSURE, clarify=pick.question)
    if not pick.refs and pick.mentioned:
        listed = ", ".join(describe(message.context.items))
        question = f"I couldn't match that to an item in this order. Which one: {listed}?"
        return Reading(Intent.SELECT_ITEMS, confidence=UNSURE, clarify=question)
    if not pick.refs:
        return None
    return Reading(Intent.SELECT_ITEMS, _return_facts(message, _ALL_FACTS), LIKELY)


def _reason(message: Message) -> Reading | None:
    finding = message.reason
    if finding is None:
        return None
    if finding.code is None:
        return Reading(Intent.GIVE_REASON, confidence=UNSURE, clarify=finding.question)
    return Reading(Intent.GIVE_REASON, _return_facts(message, _REASON_FACTS), LIKELY)


def _reason_note(message: Message) -> Reading | None:
    words = message.text.words
    finding = message.reason
    changing = len(words) <= 4 or bool(_CHANGE_WORDS.intersection(words))
    if finding is not None and finding.code is not None and changing:
        return Reading(Intent.GIVE_REASON, _return_facts(message, _REASON_FACTS), FAIR)
    if len([w for w in words if w.isalpha()]) == 0:
        return None
    return Reading(Intent.GIVE_NOTE, {"note": message.text.raw}, LIKELY)


def _hygiene(message: Message) -> Reading | None:
    if message.seal is None:
        return None
    slots = _return_facts(message, frozenset({"items"}))
    slots["opened"] = message.seal
    return Reading(Intent.ANSWER_HYGIENE, slots, LIKELY)


def _offer(message: Message) -> Reading | None:
    accept = message.offer
    if accept is None:
        return None
    slots: dict[str, SlotValue] = {"accept": accept}
    if accept:
        variant = message.variant
        if variant is not None and variant.item_id is not None:
            slots["item_id"] = variant.item_id
    elif message.resolution is not None and message.resolution.resolution is not None:
        slots["resolution"] = message.resolution.resolution.value
    return Reading(Intent.ANSWER_OFFER, slots, LIKELY)


def _resolution(message: Message) -> Reading | None:
    finding = message.resolution
    if finding is None:
        return None
    if finding.resolution is None:
        return Reading(Intent.CHOOSE_RESOLUTION, confidence=UNSURE, clarify=finding.question)
    slots = _return_facts(message, _CHOICE_FACTS)
    if finding.resolution is Resolution.STORE_CREDIT:
        destination = message.destination
        if destination is not None and destination.question is not None:
            return Reading(
                Intent.CHOOSE_RESOLUTION,
                {"resolution": finding.resolution.value},
                UNSURE,
                clarify=destination.question,
            )
    return Reading(Intent.CHOOSE_RESOLUTION, slots, LIKELY)


def _exchange_variant(message: Message) -> Reading | None:
    pick = message.variant
    if pick is None:
        return None
    if pick.item_id is None:
        slots: dict[str, SlotValue] = (
            {"variant_options": list(pick.options)} if pick.options else {}
        )
        if pick.fitting:
            slots["fitting"] = list(pick.fitting)
        return Reading(Intent.CHOOSE_VARIANT, slots, UNSURE, clarify=pick.question)
    slots = {"item_id": pick.item_id}
    if len({v.for_ref for v in message.context.variants}) > 1 and pick.for_ref is not None:
        slots["item_ref"] = pick.for_ref
    return Reading(Intent.CHOOSE_VARIANT, slots, LIKELY)


def _exchange_payment(message: Message) -> Reading | None:
    pick = message.payment
    if pick is None:
        return None
    if pick.method_id is None:
        return Reading(Intent.CHOOSE_PAYMENT_METHOD, confidence=UNSURE, clarify=pick.question)
    return Reading(Intent.CHOOSE_PAYMENT_METHOD, {"payment_method_id": pick.method_id}, LIKELY)


def _method(message: Message) -> Reading | None:
    if message.method is None:
        return None
    return Reading(Intent.CHOOSE_METHOD, _return_facts(message, _CHOICE_FACTS), LIKELY)


def _summary(message: Message) -> Reading | None:
    changed = _changed_answer(message)
    if changed is not None:
        return changed
    return _confirm_or_deny(message)


def _confirm_or_deny(message: Message) -> Reading | None:
    answer = message.yes_no
    if answer is None:
        return None
    return Reading(Intent.CONFIRM if answer else Intent.DENY, confidence=LIKELY)


def _choose_order(message: Message) -> Reading | None:
    if message.near_order_id is not None and not message.order_ids:
        return Reading(
            Intent.CANCEL_ORDER,
            confidence=UNSURE,
            clarify=f"Did you mean order {message.near_order_id}?",
        )
    if message.order_ids or _order_by_words(message) is not None:
        return _cancel_order(message)
    return None


def _order_by_words(message: Message) -> str | None:
    """The order meant by "the second one" or "the one with the chairs"."""
    orders = message.context.orders
    positions = ordinals(message.text, len(orders))
    if len(positions) == 1:
        return orders[positions[0]]
    items = message.items
    owners = {i.order_id for i in message.context.items if i.ref in items.refs}
    return owners.pop() if len(owners) == 1 else None


def _cancel_reason(message: Message) -> Reading | None:
    reason = message.cancel_reason
    if reason is None:
        positions = ordinals(message.text, len(CANCEL_REASONS))
        if len(positions) != 1:
            question = _QUESTIONS[Step.CANCEL_REASON]
            if message.yes_no is not None or cues.is_greeting(message.text):
                return None
            return Reading(Intent.CANCEL_ORDER, confidence=UNSURE, clarify=question)
        reason = CANCEL_REASONS[positions[0]]
    slots: dict[str, SlotValue] = {"reason": reason}
    if message.order_ids:
        slots["order_id"] = message.order_ids[0]
    return Reading(Intent.CANCEL_ORDER, slots, LIKELY)


def _choose_return(message: Message) -> Reading | None:
    if message.rmas:
        return _cancel_return(message)
    returns = message.context.returns
    positions = ordinals(message.text, len(returns))
    if len(positions) == 1:
        return Reading(Intent.CANCEL_RETURN, {"rma": returns[positions[0]]}, LIKELY)
    return None


def _status_pick(message: Message) -> Reading | None:
    target = _status_target(message)
    if target:
        return Reading(Intent.STATUS, target, SURE)
    context = message.context
    mine_returns = cues.names_return(message.text) and not cues.names_order(message.text)
    if mine_returns:
        if len(context.returns) == 1:
            return Reading(Intent.STATUS, {"rma": context.returns[0]}, LIKELY)
        if context.returns:
            listed = ", ".join(context.returns)
            return Reading(Intent.STATUS, confidence=UNSURE, clarify=f"Which return: {listed}?")
    targets = [*context.orders, *context.returns]
    positions = ordinals(message.text, len(targets))
    if len(positions) == 1:
        chosen = targets[positions[0]]
        key = "rma" if chosen in context.returns else "order_id"
        return Reading(Intent.STATUS, {key: chosen}, LIKELY)
    order = _order_by_words(message)
    return Reading(Intent.STATUS, {"order_id": order}, FAIR) if order is not None else None


_STEP_ANSWERS: dict[Step, Rule] = {
    Step.CHOOSE_ITEMS: _choose_items,
    Step.REASON: _reason,
    Step.REASON_NOTE: _reason_note,
    Step.HYGIENE: _hygiene,
    Step.OFFER: _offer,
    Step.RESOLUTION: _resolution,
    Step.EXCHANGE_VARIANT: _exchange_variant,
    Step.EXCHANGE_PAYMENT: _exchange_payment,
    Step.METHOD: _method,
    Step.SUMMARY: _summary,
    Step.CANCEL_SUMMARY: _confirm_or_deny,
    Step.CANCEL_RETURN_SUMMARY: _confirm_or_deny,
    Step.CONFIRMATION: _confirm_or_deny,
    Step.STATUS_RESULT: _confirm_or_deny,
    Step.HANDOFF_DONE: _confirm_or_deny,
    Step.CHOOSE_ORDER: _choose_order,
    Step.CANCEL_REASON: _cancel_reason,
    Step.CHOOSE_RETURN: _choose_return,
    Step.STATUS_PICK: _status_pick,
}


# ---------------------------------------------------------------- changes and fallbacks


def _changed_answer(message: Message) -> Reading | None:
    """A resolution, method or reason given at a later step changes that earlier answer."""
    if message.step not in RETURN_STEPS:
        return None
    if message.resolution is not None:
        return _resolution(message)
    if message.method is not None:
        return _method(message)
    later = message.step not in (Step.CHOOSE_ITEMS, Step.REASON)
    if later and message.reason is not None and message.reason.code is not None:
        return Reading(Intent.GIVE_REASON, _return_facts(message, _REASON_FACTS), FAIR)
    return None


def _new_return(message: Message) -> Reading | None:
    """ "my sunglasses came scratched" at the menu starts a return for them."""
    if message.step not in _OPEN_STEPS:
        return None
    if cues.asks_return(message.text):
        return _start_return(message)
    if message.items.refs and message.reason is not None:
        return _start_return(message)
    # Before verification no item can be named, but "my boots arrived torn" is a return.
    reason = message.reason
    if not message.context.items and reason is not None and reason.code is not None:
        return _start_return(message)
    return None


def _yes_no(message: Message) -> Reading | None:
    answer = message.yes_no
    if answer is None:
        return None
    return Reading(Intent.CONFIRM if answer else Intent.DENY, confidence=GUESS)


def _greeting(message: Message) -> Reading | None:
    return Reading(Intent.GREETING, confidence=SURE) if cues.is_greeting(message.text) else None


def _free_reason(message: Message) -> Reading | None:
    """At the reason step, words we cannot file are still a reason: OTHER, kept as the note."""
    if message.step is not Step.REASON or message.text.is_question:
        return None
    if len([w for w in message.text.words if w.isalpha()]) < 2:
        return None
    slots = _return_facts(message, frozenset({"items"}))
    slots["reason"] = ReasonCode.OTHER.value
    slots["note"] = message.text.raw
    return Reading(Intent.GIVE_REASON, slots, GUESS)


def _unknown(message: Message) -> Reading:
    step = message.step
    question = _QUESTIONS.get(step, _GENERAL_QUESTION) if step is not None else _GENERAL_QUESTION
    if cues.asks_for_help(message.text):
        question = _GENERAL_QUESTION
    return Reading(Intent.UNKNOWN, confidence=0.2, clarify=question)


# ---------------------------------------------------------------- slots


_ALL_FACTS = frozenset({"order", "items", "reason", "seal", "resolution", "method"})
_REASON_FACTS = frozenset({"items", "reason", "resolution"})
_CHOICE_FACTS = frozenset({"resolution", "method"})


def _return_facts(message: Message, facts: frozenset[str]) -> dict[str, SlotValue]:
    """The return facts of kinds `facts` the message states (see the module docstring)."""
    slots: dict[str, SlotValue] = {}
    if "order" in facts and message.order_ids:
        slots["order_id"] = message.order_ids[0]
    if "items" in facts and message.items.refs:
        slots["item_refs"] = list(message.items.refs)
    reason = message.reason
    if "reason" in facts and reason is not None and reason.code is not None:
        slots["reason"] = reason.code.value
        if reason.code is ReasonCode.OTHER and len(message.text.words) > 2:
            slots["note"] = message.text.raw
    if "seal" in facts and message.stated_seal is not None:
        slots["opened"] = message.stated_seal
    resolution = message.resolution
    if "resolution" in facts and resolution is not None and resolution.resolution is not None:
        slots["resolution"] = resolution.resolution.value
        slots.update(_resolution_details(message, resolution.resolution))
    if "method" in facts and message.method is not None:
        slots["method"] = message.method.value
    return slots


def _resolution_details(message: Message, resolution: Resolution) -> dict[str, SlotValue]:
    if resolution is Resolution.STORE_CREDIT:
        destination = message.destination
        if destination is not None and destination.method_id is not None:
            return {"credit_destination": destination.method_id}
        return {}
    if resolution is Resolution.EXCHANGE:
        variant = message.variant
        if variant is None:
            return {}
        if variant.item_id is not None:
            return {"item_id": variant.item_id}
        if variant.options:
            return {"variant_options": list(variant.options)}
    return {}


def _without_items(slots: dict[str, SlotValue]) -> dict[str, SlotValue]:
    return {key: value for key, value in slots.items() if key != "item_refs"}


_RULES: tuple[Rule, ...] = (
    _empty,
    _handoff,
    _start_over,
    _go_back,
    _verify,
    _policy,
    _cancel,
    _status,
    _start_return_elsewhere,
    _step_answer,
    _changed_answer,
    _new_return,
    _yes_no,
    _greeting,
    _free_reason,
)
