"""How the offline model reads a message asking where an order or a return stands."""

from __future__ import annotations

from returndesk.llm.offline import cues
from returndesk.llm.offline.context import Step
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import Reading, SlotValue
from returndesk.llm.offline.references import ordinals
from returndesk.llm.offline.rules import FAIR, LIKELY, SURE, UNSURE, Cue, Stage, order_by_words
from returndesk.usecases.status.events import AskStatus


def _status(message: Message) -> Reading | None:
    if not cues.asks_status(message.text):
        return None
    target = _status_target(message)
    if not target and message.items.refs and not message.items.everything:
        order = order_by_words(message)  # "where's my espresso machine"
        target = {"order_id": order} if order is not None else {}
    return Reading(AskStatus.name, target, LIKELY)


def _status_target(message: Message) -> dict[str, SlotValue]:
    if message.order_ids:
        return {"order_id": message.order_ids[0]}
    if message.rmas:
        return {"rma": message.rmas[0]}
    return {}


def _status_pick(message: Message) -> Reading | None:
    target = _status_target(message)
    if target:
        return Reading(AskStatus.name, target, SURE)
    context = message.context
    mine_returns = cues.names_return(message.text) and not cues.names_order(message.text)
    if mine_returns:
        if len(context.returns) == 1:
            return Reading(AskStatus.name, {"rma": context.returns[0]}, LIKELY)
        if context.returns:
            listed = ", ".join(context.returns)
            return Reading(AskStatus.name, confidence=UNSURE, clarify=f"Which return: {listed}?")
    targets = [*context.orders, *context.returns]
    positions = ordinals(message.text, len(targets))
    if len(positions) == 1:
        chosen = targets[positions[0]]
        key = "rma" if chosen in context.returns else "order_id"
        return Reading(AskStatus.name, {key: chosen}, LIKELY)
    order = order_by_words(message)
    return Reading(AskStatus.name, {"order_id": order}, FAIR) if order is not None else None


CUES: tuple[Cue, ...] = (
    Cue(_status, Stage.ANOTHER_TASK, with_identity=True),
    Cue(
        _status_pick,
        Stage.STEP,
        Step.STATUS_PICK.value,
        "Which order or return would you like to check?",
    ),
)
