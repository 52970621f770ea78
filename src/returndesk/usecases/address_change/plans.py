"""The tool calls that carry out what the offline model read about an address change."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.llm.offline.context import Context
from returndesk.llm.offline.reading import Reading
from returndesk.llm.offline.rules import Planner, ToolCall
from returndesk.usecases.address_change.cues import FORM_STEP, ORDER_STEP, SUMMARY_STEP
from returndesk.usecases.address_change.events import (
    GiveShippingAddress,
    SelectAddressOrder,
    StartAddressChange,
)

_ADDRESS_FIELDS = ("address1", "address2", "city", "state", "zip", "country")


def _address_change(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    order_id = reading.slots.get("order_id")
    fields = {name: reading.slots[name] for name in _ADDRESS_FIELDS if name in reading.slots}
    if context.step == ORDER_STEP and order_id and not fields:
        return [ToolCall(SelectAddressOrder.name, {"order_id": order_id})]
    if context.step in (FORM_STEP, SUMMARY_STEP) and fields and not order_id:
        return [ToolCall(GiveShippingAddress.name, fields)]
    return [ToolCall(StartAddressChange.name, {"order_id": order_id, **fields})]


PLANNERS: Mapping[str, Planner] = {StartAddressChange.name: _address_change}
