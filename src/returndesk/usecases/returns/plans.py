"""The tool calls that carry out what the offline model read about a return."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.llm.offline.context import Context
from returndesk.llm.offline.reading import Reading
from returndesk.llm.offline.rules import Planner, ToolCall, slot
from returndesk.usecases.returns.answers import ReturnAnswers
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
    ShortlistVariants,
    StartReturn,
)

_EXCHANGE_VARIANT_STEP = "exchange_variant"


def _refs(reading: Reading) -> list[str]:
    refs = slot(reading, "item_refs")
    return list(refs) if isinstance(refs, list) else []


def _reason_call(reading: Reading) -> list[ToolCall]:
    reason = slot(reading, "reason")
    if not reason:
        return []
    refs = _refs(reading)
    return [
        ToolCall(
            GiveReason.name,
            {
                "reason": reason,
                "item_ref": refs[0] if len(refs) == 1 else None,
                "note": slot(reading, "note"),
            },
        )
    ]


def _items(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    calls = []
    fresh = reading.intent == StartReturn.name and not _refs(reading)
    if flow != ReturnAnswers.flow or fresh:
        calls.append(ToolCall(StartReturn.name, {"order_id": slot(reading, "order_id")}))
    if _refs(reading):
        add = bool(slot(reading, "add"))
        calls.append(ToolCall(SelectItems.name, {"item_refs": _refs(reading), "add": add}))
    return calls + _reason_call(reading)


def _reason(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    return [] if reading.clarify is not None else _reason_call(reading)


def _note(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    return [ToolCall(GiveNote.name, {"note": slot(reading, "note"), "item_ref": None})]


def _hygiene(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    return [ToolCall(AnswerHygiene.name, {"opened": bool(slot(reading, "opened"))})]


def _offer(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    return [ToolCall(AnswerOffer.name, {"accept": bool(slot(reading, "accept"))})]


def _resolution(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    calls = [
        ToolCall(
            ChooseResolution.name,
            {
                "resolution": slot(reading, "resolution"),
                "credit_destination": slot(reading, "credit_destination"),
            },
        )
    ]
    if slot(reading, "item_id"):
        calls.append(ToolCall(ChooseVariant.name, {"item_id": slot(reading, "item_id")}))
    return calls


def _variant(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    fitting = slot(reading, "fitting")
    if fitting and context.step == _EXCHANGE_VARIANT_STEP:
        # Several variants fit the description: ask with just those, as buttons.
        return [ToolCall(ShortlistVariants.name, {"item_ids": list(fitting)})]
    if reading.clarify is not None:
        return []
    calls = []
    if context.step != _EXCHANGE_VARIANT_STEP:
        calls.append(ToolCall(ChooseResolution.name, {"resolution": "EXCHANGE"}))
    calls.append(ToolCall(ChooseVariant.name, {"item_id": slot(reading, "item_id")}))
    return calls


def _payment(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    method_id = slot(reading, "payment_method_id")
    return [ToolCall(ChoosePaymentMethod.name, {"payment_method_id": method_id})]


def _method(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    return [ToolCall(ChooseMethod.name, {"method": slot(reading, "method")})]


PLANNERS: Mapping[str, Planner] = {
    StartReturn.name: _items,
    SelectItems.name: _items,
    GiveReason.name: _reason,
    GiveNote.name: _note,
    AnswerHygiene.name: _hygiene,
    AnswerOffer.name: _offer,
    ChooseResolution.name: _resolution,
    ChooseVariant.name: _variant,
    ChoosePaymentMethod.name: _payment,
    ChooseMethod.name: _method,
}
