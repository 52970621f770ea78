"""The tool calls that carry out what the offline model read about a new default address."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.llm.offline.context import Context
from returndesk.llm.offline.reading import Reading
from returndesk.llm.offline.rules import Planner, ToolCall, slot
from returndesk.usecases.default_address.cues import FORM_STEP, ORDERS_STEP, SUMMARY_STEP
from returndesk.usecases.default_address.events import (
    ChooseOrdersFollowing,
    GiveDefaultAddress,
    StartDefaultAddressChange,
)

_ADDRESS_FIELDS = ("address1", "address2", "city", "state", "zip", "country")


def _default_address(reading: Reading, context: Context, flow: str) -> list[ToolCall]:
    if reading.clarify is not None:
        return []
    follow = slot(reading, "orders_follow")
    if follow is not None:
        return [ToolCall(ChooseOrdersFollowing.name, {"follow": bool(follow)})]
    fields = {name: reading.slots[name] for name in _ADDRESS_FIELDS if name in reading.slots}
    if context.step in (FORM_STEP, ORDERS_STEP, SUMMARY_STEP) and fields:
        return [ToolCall(GiveDefaultAddress.name, fields)]
    return [ToolCall(StartDefaultAddressChange.name, fields)]


PLANNERS: Mapping[str, Planner] = {StartDefaultAddressChange.name: _default_address}
