"""How the offline model reads a message about a return, at each of its steps.

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

from returndesk.domain.codes import ReasonCode, Resolution
from returndesk.llm.offline import cues
from returndesk.llm.offline.context import RETURN_STEPS, Step
from returndesk.llm.offline.items import describe
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import Intent, Reading, SlotValue
from returndesk.llm.offline.rules import (
    FAIR,
    GUESS,
    LIKELY,
    UNSURE,
    Cue,
    Rule,
    Stage,
    confirm_or_deny,
)
from returndesk.usecases.returns.events import (
    AnswerHygiene,
    AnswerOffer,
    ChooseMethod,
    ChoosePaymentMethod,
    ChooseResolution,
    ChooseVariant,
    GiveNote,
    GiveReason,
    SelectItems,
    StartReturn,
)

# Words that mark a message as changing an earlier answer rather than giving a note.
_CHANGE_WORDS = frozenset({"actually", "instead", "change", "wait", "sorry", "no"})


def _picked_wrong(message: Message) -> Reading | None:
    """ "I picked the wrong one" inside a return goes back a question."""
    if message.step in RETURN_STEPS and cues.picked_wrong(message.text):
        return Reading(Intent.GO_BACK, confidence=FAIR)
    return None


def _start_return_elsewhere(message: Message) -> Reading | None:
    """ "I want to return the chair" outside the return flow starts it."""
    if not message.context.open_step or not cues.asks_return(message.text):
        return None
    return _start_return(message)


def _start_return(message: Message) -> Reading:
    slots = _return_facts(message, _ALL_FACTS)
    question = message.items.question
    if question is not None:
        return Reading(StartReturn.name, _without_items(slots), UNSURE, clarify=question)
    return Reading(StartReturn.name, slots, LIKELY)


def _choose_items(message: Message) -> Reading | None:
    pick = message.items
    if not pick.refs and message.order_ids:
        # "it's from order #W…": the picker narrows to that order's items.
        return Reading(StartReturn.name, {"order_id": message.order_ids[0]}, LIKELY)
    if pick.question is not None:
        return Reading(SelectItems.name, confidence=UNSURE, clarify=pick.question)
    if not pick.refs and pick.mentioned:
        listed = ", ".join(describe(message.context.items))
        question = f"I couldn't match that to an item in this order. Which one: {listed}?"
        return Reading(SelectItems.name, confidence=UNSURE, clarify=question)
    if not pick.refs:
        return None
    return Reading(SelectItems.name, _return_facts(message, _ALL_FACTS), LIKELY)


def _reason(message: Message) -> Reading | None:
    finding = message.reason
    if finding is None:
        return None
    if finding.code is None:
        return Reading(GiveReason.name, confidence=UNSURE, clarify=finding.question)
    return Reading(GiveReason.name, _return_facts(message, _REASON_FACTS), LIKELY)


def _reason_note(message: Message) -> Reading | None:
    words = message.text.words
    finding = message.reason
    changing = len(words) <= 4 or bool(_CHANGE_WORDS.intersection(words))
    if finding is not None and finding.code is not None and changing:
        return Reading(GiveReason.name, _return_facts(message, _REASON_FACTS), FAIR)
    if len([w for w in words if w.isalpha()]) == 0:
        return None
    return Reading(GiveNote.name, {"note": message.text.raw}, LIKELY)


def _hygiene(message: Message) -> Reading | None:
    if message.seal is None:
        return None
    slots = _return_facts(message, frozenset({"items"}))
    slots["opened"] = message.seal
    return Reading(AnswerHygiene.name, slots, LIKELY)


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
    return Reading(AnswerOffer.name, slots, LIKELY)


def _resolution(message: Message) -> Reading | None:
    finding = message.resolution
    if finding is None:
        return None
    if finding.resolution is None:
        return Reading(ChooseResolution.name, confidence=UNSURE, clarify=finding.question)
    slots = _return_facts(message, _CHOICE_FACTS)
    if finding.resolution is Resolution.STORE_CREDIT:
        destination = message.destination
        if destination is not None and destination.question is not None:
            return Reading(
                ChooseResolution.name,
                {"resolution": finding.resolution.value},
                UNSURE,
                clarify=destination.question,
            )
    return Reading(ChooseResolution.name, slots, LIKELY)


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
        return Reading(ChooseVariant.name, slots, UNSURE, clarify=pick.question)
    slots = {"item_id": pick.item_id}
    if len({v.for_ref for v in message.context.variants}) > 1 and pick.for_ref is not None:
        slots["item_ref"] = pick.for_ref
    return Reading(ChooseVariant.name, slots, LIKELY)


def _exchange_payment(message: Message) -> Reading | None:
    pick = message.payment
    if pick is None:
        return None
    if pick.method_id is None:
        return Reading(ChoosePaymentMethod.name, confidence=UNSURE, clarify=pick.question)
    return Reading(ChoosePaymentMethod.name, {"payment_method_id": pick.method_id}, LIKELY)


def _method(message: Message) -> Reading | None:
    if message.method is None:
        return None
    return Reading(ChooseMethod.name, _return_facts(message, _CHOICE_FACTS), LIKELY)


def _summary(message: Message) -> Reading | None:
    changed = _changed_answer(message)
    if changed is not None:
        return changed
    return confirm_or_deny(message)


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
        return Reading(GiveReason.name, _return_facts(message, _REASON_FACTS), FAIR)
    return None


def _new_return(message: Message) -> Reading | None:
    """ "my sunglasses came scratched" at the menu starts a return for them."""
    if not message.context.open_step:
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


def _free_reason(message: Message) -> Reading | None:
    """At the reason step, words we cannot file are still a reason: OTHER, kept as the note."""
    if message.step is not Step.REASON or message.text.is_question:
        return None
    if len([w for w in message.text.words if w.isalpha()]) < 2:
        return None
    slots = _return_facts(message, frozenset({"items"}))
    slots["reason"] = ReasonCode.OTHER.value
    slots["note"] = message.text.raw
    return Reading(GiveReason.name, slots, GUESS)


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


_ALL_FACTS = frozenset({"order", "items", "reason", "seal", "resolution", "method"})
_REASON_FACTS = frozenset({"items", "reason", "resolution"})
_CHOICE_FACTS = frozenset({"resolution", "method"})


def _step(step: Step, rule: Rule, question: str) -> Cue:
    return Cue(rule, Stage.STEP, step=step.value, question=question)


CUES: tuple[Cue, ...] = (
    Cue(_picked_wrong, Stage.GOING_BACK),
    Cue(_start_return_elsewhere, Stage.NEW_TASK),
    _step(Step.CHOOSE_ITEMS, _choose_items, "Which items would you like to return?"),
    _step(Step.REASON, _reason, "Why are you returning it?"),
    Cue(_reason_note, Stage.STEP, step=Step.REASON_NOTE.value),
    _step(Step.HYGIENE, _hygiene, "Is the seal still unbroken?"),
    _step(Step.OFFER, _offer, "Would you like to take the offer, or continue with the return?"),
    _step(Step.RESOLUTION, _resolution, "Would you like a refund, store credit, or an exchange?"),
    _step(Step.EXCHANGE_VARIANT, _exchange_variant, "Which variant would you like instead?"),
    _step(
        Step.EXCHANGE_PAYMENT,
        _exchange_payment,
        "Which payment method should I use for the difference?",
    ),
    _step(
        Step.METHOD,
        _method,
        "How would you like to send it back: print a label, a QR code at a carrier "
        "store, a pickup, or drop it at one of our stores?",
    ),
    _step(Step.SUMMARY, _summary, "Shall I go ahead with this return?"),
    Cue(_changed_answer, Stage.CHANGED_ANSWER),
    Cue(_new_return, Stage.TASK_BY_ITS_FACTS, with_identity=True),
    Cue(_free_reason, Stage.LAST_RESORT),
)
