"""The agent's tools, generated from the events: what a call becomes, and what it refuses."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from agents import FunctionTool
from agents.tool_context import ToolContext

from returndesk.flow.events import FlowEvent
from returndesk.usecases.returns.events import ChooseMethod, GiveReason, SelectItems
from returndesk.usecases.seam import UseCases, load_use_cases


@dataclass
class Outcome:
    before: list[Any] = field(default_factory=list)
    reply: str | None = "Noted."
    after: list[Any] = field(default_factory=list)
    applied: bool = True


@dataclass
class Turn:
    """The few parts of a typed turn a tool uses, recording the events it is given."""

    events: list[FlowEvent] = field(default_factory=list)
    workflow_item: None = None
    thread: None = None
    request_context: None = None
    deferred: list[Any] = field(default_factory=list)

    @property
    def runner(self) -> Turn:
        return self

    async def run(self, thread: None, event: FlowEvent, context: None) -> Outcome:
        self.events.append(event)
        return Outcome()

    async def add_workflow_task(self, task: object) -> None:
        return None


@pytest.fixture(scope="module")
def tools() -> dict[str, FunctionTool]:
    return {tool.name: tool for tool in UseCases(load_use_cases()).tools()}


async def call(tool: FunctionTool, arguments: dict[str, Any]) -> tuple[dict[str, Any], Turn]:
    turn = Turn()
    context = ToolContext(
        context=turn, tool_name=tool.name, tool_call_id="call_1", tool_arguments="{}"
    )
    said = await tool.on_invoke_tool(context, json.dumps(arguments))
    return json.loads(said), turn


async def test_item_refs_become_the_lines_and_the_order_of_the_event(
    tools: dict[str, FunctionTool],
) -> None:
    said, turn = await call(tools["select_items"], {"item_refs": ["#W1:2", "#W1:4"], "add": True})

    assert said == {"done": True, "say": "Noted."}
    assert turn.events == [SelectItems(order_id="#W1", line_nos=(2, 4), add=True)]


async def test_an_enum_argument_becomes_the_text_the_event_carries(
    tools: dict[str, FunctionTool],
) -> None:
    _, reason = await call(tools["give_reason"], {"reason": "DEFECTIVE", "item_ref": "#W1:2"})
    _, method = await call(tools["choose_method"], {"method": "QR_DROP_OFF"})

    assert reason.events == [GiveReason(reason="DEFECTIVE", line_no=2)]
    assert method.events == [ChooseMethod(method="QR_DROP_OFF")]


@pytest.mark.parametrize(
    ("refs", "refusal"),
    [
        (["#W1:1", "#W2:1"], "Please choose items from one order at a time."),
        (["the chair"], "not an item reference: 'the chair'"),
    ],
)
async def test_refs_that_name_no_one_order_are_refused_before_any_event(
    tools: dict[str, FunctionTool], refs: list[str], refusal: str
) -> None:
    said, turn = await call(tools["select_items"], {"item_refs": refs, "add": False})

    assert said == {"done": False, "say": refusal}
    assert turn.events == []


async def test_a_value_outside_the_enum_never_reaches_the_conversation(
    tools: dict[str, FunctionTool],
) -> None:
    turn = Turn()
    context = ToolContext(
        context=turn, tool_name="choose_method", tool_call_id="c", tool_arguments=""
    )

    said = await tools["choose_method"].on_invoke_tool(
        context, json.dumps({"method": "CARRIER_PIGEON"})
    )

    # The SDK answers the model with its own error for arguments outside the schema.
    assert "error" in str(said).lower()
    assert turn.events == []
