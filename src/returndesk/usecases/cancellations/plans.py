"""The tool calls that carry out what the offline model read about a cancellation."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.llm.offline.context import Context
from returndesk.llm.offline.reading import Reading
from returndesk.llm.offline.rules import Planner, ToolCall, slot
from returndesk.usecases.cancellations.events import GiveCancelReason, StartOrderCancellation

_CANCEL_REASON_STEP = "cancel_reason"


def _order_cancellation(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    order_id, reason = slot(reading, "order_id"), slot(reading, "reason")
    if context.step == _CANCEL_REASON_STEP and reason and not order_id:
        return [ToolCall(GiveCancelReason.name, {"reason": reason})]
    return [ToolCall(StartOrderCancellation.name, {"order_id": order_id, "reason": reason})]


PLANNERS: Mapping[str, Planner] = {StartOrderCancellation.name: _order_cancellation}
