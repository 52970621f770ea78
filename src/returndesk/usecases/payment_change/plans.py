"""The tool calls that carry out what the offline model read about a payment change."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.llm.offline.context import Context
from returndesk.llm.offline.reading import Reading
from returndesk.llm.offline.rules import Planner, ToolCall, slot
from returndesk.usecases.payment_change.cues import CHOICE_STEP, ORDER_STEP, SUMMARY_STEP
from returndesk.usecases.payment_change.events import (
    ChooseOrderPaymentMethod,
    SelectPaymentOrder,
    StartPaymentChange,
)


def _payment_change(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    order_id, method = slot(reading, "order_id"), slot(reading, "payment_method_id")
    if context.step == ORDER_STEP and order_id and not method:
        return [ToolCall(SelectPaymentOrder.name, {"order_id": order_id})]
    if context.step in (CHOICE_STEP, SUMMARY_STEP) and method and not order_id:
        return [ToolCall(ChooseOrderPaymentMethod.name, {"payment_method_id": method})]
    return [ToolCall(StartPaymentChange.name, {"order_id": order_id, "payment_method_id": method})]


PLANNERS: Mapping[str, Planner] = {StartPaymentChange.name: _payment_change}
