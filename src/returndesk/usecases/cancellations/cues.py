"""How the offline model reads a message about cancelling an order or a return."""

from __future__ import annotations

from returndesk.llm.offline import cues
from returndesk.llm.offline.context import RETURN_STEPS, Step
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import Intent, Reading, SlotValue
from returndesk.llm.offline.reasons import CANCEL_REASONS
from returndesk.llm.offline.references import closest_rma, ordinals
from returndesk.llm.offline.rules import (
    FAIR,
    LIKELY,
    SURE,
    UNSURE,
    Cue,
    Stage,
    confirm_or_deny,
    named_order,
    order_by_words,
)
from returndesk.usecases.cancellations.events import (
    StartOrderCancellation,
    StartReturnCancellation,
)

_CANCEL_WHAT = "Would you like to cancel an order, or a return?"
_CANCEL_REASON_QUESTION = "Is the order no longer needed, or was it ordered by mistake?"


def _cancel(message: Message) -> Reading | None:
    text, step = message.text, message.step
    if not cues.mentions_cancel(text):
        return None
    if cues.refuses_cancel(text):
        return Reading(Intent.DENY, confidence=LIKELY)
    named = bool(message.order_ids or message.rmas)
    if message.context.confirming and not named and message.yes_no is not None:
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
    return Reading(StartOrderCancellation.name, confidence=UNSURE, clarify=_CANCEL_WHAT)


def _cancel_order(message: Message) -> Reading:
    slots: dict[str, SlotValue] = {}
    order = named_order(message)
    if order is not None:
        slots["order_id"] = order
    if message.cancel_reason is not None:
        slots["reason"] = message.cancel_reason
    return Reading(StartOrderCancellation.name, slots, SURE if message.order_ids else LIKELY)


def _cancel_return(message: Message) -> Reading:
    if not message.rmas:
        return Reading(StartReturnCancellation.name, confidence=LIKELY)
    rma = message.rmas[0]
    returns = message.context.returns
    if returns and rma not in returns:
        close = closest_rma(rma, returns)
        if close is not None:
            return Reading(
                StartReturnCancellation.name,
                confidence=UNSURE,
                clarify=f"Did you mean return {close}?",
            )
    return Reading(StartReturnCancellation.name, {"rma": rma}, SURE)


def _choose_order(message: Message) -> Reading | None:
    if message.near_order_id is not None and not message.order_ids:
        return Reading(
            StartOrderCancellation.name,
            confidence=UNSURE,
            clarify=f"Did you mean order {message.near_order_id}?",
        )
    if message.order_ids or order_by_words(message) is not None:
        return _cancel_order(message)
    return None


def _cancel_reason(message: Message) -> Reading | None:
    reason = message.cancel_reason
    if reason is None:
        positions = ordinals(message.text, len(CANCEL_REASONS))
        if len(positions) != 1:
            question = _CANCEL_REASON_QUESTION
            if message.yes_no is not None or cues.is_greeting(message.text):
                return None
            return Reading(StartOrderCancellation.name, confidence=UNSURE, clarify=question)
        reason = CANCEL_REASONS[positions[0]]
    slots: dict[str, SlotValue] = {"reason": reason}
    if message.order_ids:
        slots["order_id"] = message.order_ids[0]
    return Reading(StartOrderCancellation.name, slots, LIKELY)


def _choose_return(message: Message) -> Reading | None:
    if message.rmas:
        return _cancel_return(message)
    returns = message.context.returns
    positions = ordinals(message.text, len(returns))
    if len(positions) == 1:
        return Reading(StartReturnCancellation.name, {"rma": returns[positions[0]]}, LIKELY)
    return None


CUES: tuple[Cue, ...] = (
    Cue(_cancel, Stage.ANOTHER_TASK, with_identity=True),
    Cue(
        _choose_order, Stage.STEP, Step.CHOOSE_ORDER.value, "Which order would you like to cancel?"
    ),
    Cue(_cancel_reason, Stage.STEP, Step.CANCEL_REASON.value, _CANCEL_REASON_QUESTION),
    Cue(confirm_or_deny, Stage.STEP, Step.CANCEL_SUMMARY.value, "Shall I cancel this order?"),
    Cue(
        _choose_return,
        Stage.STEP,
        Step.CHOOSE_RETURN.value,
        "Which return would you like to cancel?",
    ),
    Cue(
        confirm_or_deny,
        Stage.STEP,
        Step.CANCEL_RETURN_SUMMARY.value,
        "Shall I cancel this return?",
    ),
)
