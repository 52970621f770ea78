"""The tool calls that carry out what the offline model read about switching items."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.llm.offline.context import Context
from returndesk.llm.offline.reading import Reading
from returndesk.llm.offline.rules import Planner, ToolCall, slot
from returndesk.usecases.item_change.cues import (
    COMPLETE_STEP,
    LINES_STEP,
    ORDER_STEP,
    PAYMENT_STEP,
    SUMMARY_STEP,
    VARIANT_STEP,
)
from returndesk.usecases.item_change.events import (
    ChooseDifferenceMethod,
    ChooseItemLines,
    ChooseNewVariant,
    FinishItemChoices,
    SelectItemOrder,
    StartItemChange,
)

_AFTER_LINES = (VARIANT_STEP, COMPLETE_STEP, PAYMENT_STEP, SUMMARY_STEP)


def _item_change(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    order_id, refs = slot(reading, "order_id"), slot(reading, "item_refs")
    options, item_id = slot(reading, "variant_options"), slot(reading, "item_id")
    method = slot(reading, "payment_method_id")
    if slot(reading, "complete"):
        return [ToolCall(FinishItemChoices.name, {})]
    if method and context.step in (PAYMENT_STEP, SUMMARY_STEP):
        return [ToolCall(ChooseDifferenceMethod.name, {"payment_method_id": method})]
    if context.step == ORDER_STEP and order_id and not refs:
        return [ToolCall(SelectItemOrder.name, {"order_id": order_id})]
    if context.step in (LINES_STEP, *_AFTER_LINES) and refs and not order_id:
        return [ToolCall(ChooseItemLines.name, {"item_refs": refs})]
    if context.step in _AFTER_LINES and (item_id or options) and not refs:
        return [
            ToolCall(ChooseNewVariant.name, {"item_id": item_id, "variant_options": options or []})
        ]
    return [
        ToolCall(
            StartItemChange.name,
            {"order_id": order_id, "item_refs": refs or [], "variant_options": options or []},
        )
    ]


PLANNERS: Mapping[str, Planner] = {StartItemChange.name: _item_change}
