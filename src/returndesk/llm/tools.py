"""The tools the language layer calls: one per event, named after it, and the policy question.

Each tool is generated from its event type (see `flow/events.py`): the event's
docstring describes it and its fields are the tool's arguments. A tool answers
with JSON `{"done": bool, "say": str}`: whether the change was made, and what
the shopper should hear next. Items are named by the `ref` the conversation
brief gives them (`#W2611340:2`), never by price or name.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, fields
from enum import Enum
from typing import Annotated, Any, Literal, get_args, get_origin, get_type_hints

from agents import FunctionTool, RunContextWrapper, function_tool
from chatkit.types import CustomTask

from returndesk.flow.events import ClickOnly, FlowEvent, ItemRef, ItemRefs, OneOf, OrderOfItems
from returndesk.llm.brief import parse_line_ref
from returndesk.llm.policy_answers import answer_policy_question
from returndesk.llm.turn import TurnContext

Ctx = RunContextWrapper[TurnContext]
PolicyTopic = Literal[
    "windows", "fees", "refund_timing", "exchanges", "methods", "final_sale", "hygiene", "other"
]
ONE_ORDER = "Please choose items from one order at a time."


def result(done: bool, say: str) -> str:
    return json.dumps({"done": done, "say": say})


async def apply_event(ctx: Ctx, event: FlowEvent) -> str:
    """Run the event through the conversation, shown as a task while it runs."""
    turn = ctx.context
    progress = event.progress
    task = CustomTask(title=progress.running, icon=progress.icon, status_indicator="loading")
    await turn.add_workflow_task(task)
    index = len(turn.workflow_item.workflow.tasks) - 1 if turn.workflow_item else 0
    outcome = await turn.runner.run(turn.thread, event, turn.request_context)
    for out in outcome.before:
        await turn.stream(out)
    if outcome.applied:
        turn.deferred = list(outcome.after)
    if turn.workflow_item is not None:
        await turn.update_workflow_task(
            task.model_copy(update={"title": progress.finished, "status_indicator": "complete"}),
            index,
        )
    return result(outcome.applied, outcome.reply or "That didn't change anything.")


@dataclass(frozen=True, slots=True)
class _Argument:
    """One argument of an event's tool: the field it fills and how it differs from it."""

    name: str
    field: str
    annotation: Any
    default: Any
    refs: ItemRef | ItemRefs | None


def _arguments(event_type: type[FlowEvent]) -> tuple[list[_Argument], list[str]]:
    """The tool's arguments, and the fields filled with the order of the item refs given.

    Each field is an argument of the same name and type, except where its annotation
    says otherwise: item refs stand for line numbers, an enum for text that must be one
    of its values, and click-only fields are left out.
    """
    hints = get_type_hints(event_type, include_extras=True)
    arguments: list[_Argument] = []
    order_fields: list[str] = []
    for field in fields(event_type):
        base, marks = _strip(hints[field.name])
        if any(isinstance(mark, OrderOfItems) for mark in marks):
            order_fields.append(field.name)
        if any(isinstance(mark, ClickOnly | OrderOfItems) for mark in marks):
            continue
        name, annotation = field.name, base
        refs: ItemRef | ItemRefs | None = None
        if get_origin(base) is tuple:
            annotation = list[get_args(base)[0]]  # type: ignore[misc]
        for mark in marks:
            if isinstance(mark, ItemRef):
                name, annotation, refs = mark.argument, str | None, mark
            elif isinstance(mark, ItemRefs):
                name, annotation, refs = mark.argument, list[str], mark
            elif isinstance(mark, OneOf):
                annotation = mark.values | None if type(None) in get_args(base) else mark.values
        default: Any = inspect.Parameter.empty
        if field.default is not MISSING:
            default = list(field.default) if isinstance(field.default, tuple) else field.default
        elif field.default_factory is not MISSING:
            default = field.default_factory()
        arguments.append(_Argument(name, field.name, annotation, default, refs))
    return arguments, order_fields


def _strip(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    if get_origin(annotation) is Annotated:
        base, *marks = get_args(annotation)
        return base, tuple(marks)
    return annotation, ()


def _field_values(argument: _Argument, value: Any, order_fields: list[str]) -> dict[str, Any]:
    """The event's field values for one tool argument; ValueError says what is wrong."""
    if isinstance(argument.refs, ItemRef):
        return {argument.field: parse_line_ref(value)[1] if value else None}
    if isinstance(argument.refs, ItemRefs):
        lines = [parse_line_ref(ref) for ref in value]
        orders = {order_id for order_id, _ in lines}
        if len(orders) != 1:
            raise ValueError(ONE_ORDER)
        order_id = orders.pop()
        return {argument.field: tuple(n for _, n in lines)} | dict.fromkeys(order_fields, order_id)
    if isinstance(value, Enum):
        return {argument.field: value.value}
    if isinstance(value, list):
        return {argument.field: tuple(value)}
    return {argument.field: value}


def event_tool(event_type: type[FlowEvent]) -> FunctionTool:
    """The tool named after `event_type`, described by its docstring, that applies it."""
    arguments, order_fields = _arguments(event_type)
    by_name = {argument.name: argument for argument in arguments}

    async def invoke(ctx: Ctx, **given: Any) -> str:
        values: dict[str, Any] = {}
        for name, value in given.items():
            try:
                values |= _field_values(by_name[name], value, order_fields)
            except ValueError as exc:
                return result(False, str(exc))
        return await apply_event(ctx, event_type(**values))

    # The Agents SDK reads a tool's schema from its function: give it the event's.
    context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Ctx)
    parameters = [context] + [
        inspect.Parameter(
            a.name, inspect.Parameter.KEYWORD_ONLY, default=a.default, annotation=a.annotation
        )
        for a in arguments
    ]
    invoke.__name__ = event_type.name
    invoke.__doc__ = event_type.__doc__
    invoke.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    invoke.__annotations__ = {p.name: p.annotation for p in parameters}
    return function_tool(invoke, name_override=event_type.name)


@function_tool
async def policy_question(ctx: Ctx, topic: PolicyTopic) -> str:
    """Answer a question about the store's returns policy from the policy itself.

    Args:
        topic: What the question is about.
    """
    turn = ctx.context
    turn.answered = True
    task = CustomTask(title="Checked the policy", icon="book-open", status_indicator="complete")
    await turn.add_workflow_task(task)
    return result(True, answer_policy_question(topic, turn.policy))


def event_tools(event_types: Iterable[type[FlowEvent]]) -> list[FunctionTool]:
    """A tool for every event, and the policy question, which changes nothing."""
    return [*(event_tool(event_type) for event_type in event_types), policy_question]
