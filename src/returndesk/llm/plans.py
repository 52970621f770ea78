"""From a reading of the shopper's message to the tool calls that carry it out.

This is what the offline model "decides": the same calls, with the same
arguments, that a hosted model would make from the brief. Several facts in
one message become several calls, made one after another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from returndesk.llm.offline.context import CONFIRM_STEPS
from returndesk.llm.offline.reading import Intent, Reading

RETURN_FLOW = "return"
CANCEL_STEPS = {"cancel_summary", "cancel_return_summary"}


@dataclass(frozen=True, slots=True)
class ToolCall:
    name: str
    arguments: dict[str, Any]


def _slot(reading: Reading, name: str) -> Any:
    return reading.slots.get(name)


def _refs(reading: Reading) -> list[str]:
    refs = _slot(reading, "item_refs")
    return list(refs) if isinstance(refs, list) else []


def _reason_call(reading: Reading) -> list[ToolCall]:
    reason = _slot(reading, "reason")
    if not reason:
        return []
    refs = _refs(reading)
    return [
        ToolCall(
            "give_reason",
            {
                "reason": reason,
                "item_ref": refs[0] if len(refs) == 1 else None,
                "note": _slot(reading, "note"),
            },
        )
    ]


def plan(reading: Reading, *, step: str, flow: str) -> list[ToolCall]:
    """The calls for `reading` at `step` of `flow`; empty when there is nothing to do."""
    fitting = _slot(reading, "fitting")
    if reading.intent is Intent.CHOOSE_VARIANT and fitting and step == "exchange_variant":
        # Several variants fit the description: ask with just those, as buttons.
        return [ToolCall("shortlist_variants", {"item_ids": list(fitting)})]
    if reading.clarify is not None:
        return []
    match reading.intent:
        case Intent.VERIFY:
            calls = []
            request = _slot(reading, "request")
            if request:
                # Asked first, the request waits for the verification that follows and then
                # goes ahead, as when the shopper asks before giving their details.
                refs = {
                    key: reading.slots[key] for key in ("order_id", "rma") if key in reading.slots
                }
                calls += plan(Reading(Intent(request), refs), step="verify", flow="verify")
            identity = ("email", "first_name", "last_name", "zip")
            verify = ToolCall("verify_customer", {key: _slot(reading, key) for key in identity})
            return [*calls, verify]
        case Intent.START_RETURN | Intent.SELECT_ITEMS:
            calls = []
            fresh = reading.intent is Intent.START_RETURN and not _refs(reading)
            if flow != RETURN_FLOW or fresh:
                calls.append(ToolCall("start_return", {"order_id": _slot(reading, "order_id")}))
            if _refs(reading):
                add = bool(_slot(reading, "add"))
                calls.append(ToolCall("select_items", {"item_refs": _refs(reading), "add": add}))
            return calls + _reason_call(reading)
        case Intent.GIVE_REASON:
            return _reason_call(reading)
        case Intent.GIVE_NOTE:
            return [ToolCall("give_note", {"note": _slot(reading, "note"), "item_ref": None})]
        case Intent.ANSWER_HYGIENE:
            return [ToolCall("answer_hygiene", {"opened": bool(_slot(reading, "opened"))})]
        case Intent.ANSWER_OFFER:
            return [ToolCall("answer_offer", {"accept": bool(_slot(reading, "accept"))})]
        case Intent.CHOOSE_RESOLUTION:
            calls = [
                ToolCall(
                    "choose_resolution",
                    {
                        "resolution": _slot(reading, "resolution"),
                        "credit_destination": _slot(reading, "credit_destination"),
                    },
                )
            ]
            if _slot(reading, "item_id"):
                calls.append(
                    ToolCall("choose_exchange_variant", {"item_id": _slot(reading, "item_id")})
                )
            return calls
        case Intent.CHOOSE_VARIANT:
            calls = []
            if step != "exchange_variant":
                calls.append(ToolCall("choose_resolution", {"resolution": "EXCHANGE"}))
            calls.append(
                ToolCall("choose_exchange_variant", {"item_id": _slot(reading, "item_id")})
            )
            return calls
        case Intent.CHOOSE_PAYMENT_METHOD:
            method_id = _slot(reading, "payment_method_id")
            return [ToolCall("choose_payment_method", {"payment_method_id": method_id})]
        case Intent.CHOOSE_METHOD:
            return [ToolCall("choose_return_method", {"method": _slot(reading, "method")})]
        case Intent.CONFIRM:
            return [ToolCall("confirm", {})] if step in CONFIRM_STEPS else []
        case Intent.DENY:
            if step == "summary":
                return [ToolCall("go_back", {})]
            return [ToolCall("start_over", {})] if step in CANCEL_STEPS else []
        case Intent.GO_BACK:
            return [ToolCall("go_back", {})]
        case Intent.START_OVER:
            return [ToolCall("start_over", {})]
        case Intent.CANCEL_ORDER:
            order_id, reason = _slot(reading, "order_id"), _slot(reading, "reason")
            if step == "cancel_reason" and reason and not order_id:
                return [ToolCall("give_cancel_reason", {"reason": reason})]
            return [ToolCall("cancel_order", {"order_id": order_id, "reason": reason})]
        case Intent.CANCEL_RETURN:
            return [ToolCall("cancel_return", {"rma": _slot(reading, "rma")})]
        case Intent.STATUS:
            target = ("order_id", "rma")
            return [ToolCall("check_status", {key: _slot(reading, key) for key in target})]
        case Intent.POLICY_QUESTION:
            return [ToolCall("policy_question", {"topic": _slot(reading, "topic") or "other"})]
        case Intent.HANDOFF:
            summary = _slot(reading, "summary") or "The shopper asked for a person."
            return [ToolCall("hand_off", {"summary": summary})]
        case Intent.GREETING | Intent.UNKNOWN:
            return []
