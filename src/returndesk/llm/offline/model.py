"""The embedded model: the Agents SDK `Model` interface over the offline reader.

It reads the shopper's last message against the conversation brief in its
instructions and answers as a hosted model would: with the tool calls that
carry the message out, one at a time, then with a reply built from what the
last tool said. It asks back instead of guessing, and never calls a tool on
a reading it is unsure of. Deterministic and local: no network, no weights.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

from agents import ModelResponse, ModelSettings, ModelTracing, Tool, Usage
from agents.agent_output import AgentOutputSchemaBase
from agents.handoffs import Handoff
from agents.items import TResponseInputItem, TResponseOutputItem, TResponseStreamEvent
from agents.models.interface import Model
from openai.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    ResponseCreatedEvent,
    ResponseFunctionToolCall,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseOutputMessage,
    ResponseOutputText,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
    ResponseUsage,
)
from openai.types.responses.response_prompt_param import ResponsePromptParam
from openai.types.responses.response_usage import InputTokensDetails, OutputTokensDetails

from returndesk.llm.brief import context_from_json
from returndesk.llm.instructions import brief_json_in
from returndesk.llm.offline.intents import Reader
from returndesk.llm.offline.reading import Intent, Reading
from returndesk.llm.plans import Plans

MODEL_NAME = "returndesk-offline"
_WORDS = re.compile(r"\S+\s*")


class OfflineModel(Model):
    def __init__(self, reader: Reader, plans: Plans) -> None:
        self.reader = reader
        self.plans = plans

    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None,
        conversation_id: str | None,
        prompt: ResponsePromptParam | None,
    ) -> ModelResponse:
        return ModelResponse(
            output=[self.decide(system_instructions, input)], usage=Usage(), response_id=None
        )

    async def stream_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None,
        conversation_id: str | None,
        prompt: ResponsePromptParam | None,
    ) -> AsyncIterator[TResponseStreamEvent]:
        for event in stream_events(self.decide(system_instructions, input)):
            yield event

    def decide(
        self, system_instructions: str | None, input: str | list[TResponseInputItem]
    ) -> TResponseOutputItem:
        """The next tool call of the plan for the last message, or the reply once it is done."""
        brief_json = brief_json_in(system_instructions) or "{}"
        context = context_from_json(brief_json)
        flow = str(json.loads(brief_json).get("flow", ""))
        question = str(json.loads(brief_json).get("question", ""))
        items = [{"role": "user", "content": input}] if isinstance(input, str) else list(input)
        text, after = _last_user_message(items)
        calls = [item for item in after if _get(item, "type") == "function_call"]
        outputs = [
            _tool_result(item) for item in after if _get(item, "type") == "function_call_output"
        ]
        if outputs and not outputs[-1]["done"]:
            return message(str(outputs[-1]["say"]))
        reading = self.reader.understand(text, context)
        planned = self.plans.plan(reading, context, flow)
        if len(calls) < len(planned):
            call = planned[len(calls)]
            return function_call(call.name, call.arguments)
        if outputs:
            return message(str(outputs[-1]["say"]))
        return message(_reply_without_tools(reading, question))


def _get(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)


def _last_user_message(items: list[Any]) -> tuple[str, list[Any]]:
    for index in range(len(items) - 1, -1, -1):
        if _get(items[index], "role") == "user":
            content = _get(items[index], "content")
            if isinstance(content, str):
                return content, items[index + 1 :]
            parts = [_get(part, "text") or "" for part in content or []]
            return " ".join(parts).strip(), items[index + 1 :]
    return "", items


def _tool_result(item: Any) -> dict[str, Any]:
    output = _get(item, "output")
    try:
        parsed = json.loads(output) if isinstance(output, str) else None
    except json.JSONDecodeError:
        parsed = None
    if isinstance(parsed, dict) and "say" in parsed:
        return parsed
    return {"done": True, "say": str(output)}


def _reply_without_tools(reading: Reading, question: str) -> str:
    if reading.clarify:
        return reading.clarify
    if reading.intent is Intent.GREETING:
        return f"Hello! {question}".strip()
    return f"Sorry, I didn't quite catch that. {question}".strip()


def message(text: str) -> ResponseOutputMessage:
    return ResponseOutputMessage(
        id=f"msg_{uuid.uuid4().hex}",
        type="message",
        role="assistant",
        status="completed",
        content=[ResponseOutputText(type="output_text", text=text, annotations=[], logprobs=[])],
    )


def function_call(name: str, arguments: dict[str, Any]) -> ResponseFunctionToolCall:
    call_id = f"call_{uuid.uuid4().hex}"
    return ResponseFunctionToolCall(
        id=f"fc_{uuid.uuid4().hex}",
        call_id=call_id,
        type="function_call",
        name=name,
        arguments=json.dumps(arguments, separators=(",", ":")),
        status="completed",
    )


def _response(output: list[TResponseOutputItem], status: str) -> Response:
    usage = ResponseUsage(
        input_tokens=0,
        output_tokens=0,
        total_tokens=0,
        input_tokens_details=InputTokensDetails(cached_tokens=0, cache_write_tokens=0),
        output_tokens_details=OutputTokensDetails(reasoning_tokens=0),
    )
    return Response(
        id=f"resp_{uuid.uuid4().hex}",
        created_at=0,
        model=MODEL_NAME,
        object="response",
        output=output,
        tool_choice="auto",
        tools=[],
        top_p=None,
        parallel_tool_calls=False,
        status=status,
        usage=usage,
    )


def stream_events(item: TResponseOutputItem) -> list[TResponseStreamEvent]:
    """The Responses stream a hosted model would send for one output item."""
    events: list[TResponseStreamEvent] = [
        ResponseCreatedEvent(
            type="response.created", response=_response([], "in_progress"), sequence_number=0
        )
    ]

    def add(event: TResponseStreamEvent) -> None:
        events.append(event)

    if isinstance(item, ResponseOutputMessage):
        text = item.content[0].text if isinstance(item.content[0], ResponseOutputText) else ""
        empty = item.model_copy(update={"content": [], "status": "in_progress"})
        add(
            ResponseOutputItemAddedEvent(
                type="response.output_item.added",
                item=empty,
                output_index=0,
                sequence_number=len(events),
            )
        )
        part = ResponseOutputText(type="output_text", text="", annotations=[], logprobs=[])
        add(
            ResponseContentPartAddedEvent(
                type="response.content_part.added",
                item_id=item.id,
                output_index=0,
                content_index=0,
                part=part,
                sequence_number=len(events),
            )
        )
        for word in _WORDS.findall(text):
            add(
                ResponseTextDeltaEvent(
                    type="response.output_text.delta",
                    item_id=item.id,
                    output_index=0,
                    content_index=0,
                    delta=word,
                    logprobs=[],
                    sequence_number=len(events),
                )
            )
        add(
            ResponseTextDoneEvent(
                type="response.output_text.done",
                item_id=item.id,
                output_index=0,
                content_index=0,
                text=text,
                logprobs=[],
                sequence_number=len(events),
            )
        )
        done_part = ResponseOutputText(type="output_text", text=text, annotations=[], logprobs=[])
        add(
            ResponseContentPartDoneEvent(
                type="response.content_part.done",
                item_id=item.id,
                output_index=0,
                content_index=0,
                part=done_part,
                sequence_number=len(events),
            )
        )
    else:
        add(
            ResponseOutputItemAddedEvent(
                type="response.output_item.added",
                item=item,
                output_index=0,
                sequence_number=len(events),
            )
        )
    add(
        ResponseOutputItemDoneEvent(
            type="response.output_item.done", item=item, output_index=0, sequence_number=len(events)
        )
    )
    add(
        ResponseCompletedEvent(
            type="response.completed",
            response=_response([item], "completed"),
            sequence_number=len(events),
        )
    )
    return events
