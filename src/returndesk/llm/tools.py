"""The tools the language layer calls; each feeds the conversation engine one or more events.

A tool answers with JSON `{"done": bool, "say": str}`: whether the change was
made, and what the shopper should hear next. Items are named by the `ref`
the conversation brief gives them (`#W2611340:2`), never by price or name.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterable, Sequence
from dataclasses import MISSING, fields
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


async def apply_events(ctx: Ctx, events: Sequence[FlowEvent]) -> str:
    """Run the events in order, stopping at the first that is refused."""
    turn = ctx.context
    progress = events[0].progress
    task = CustomTask(title=progress.running, icon=progress.icon, status_indicator="loading")
    await turn.add_workflow_task(task)
    index = len(turn.workflow_item.workflow.tasks) - 1 if turn.workflow_item else 0
    say, done = "", True
    for event in events:
        outcome = await turn.runner.run(turn.thread, event, turn.request_context)
        for out in outcome.before:
            await turn.stream(out)
        say = outcome.reply or say
        if not outcome.applied:
            done = False
            break
        turn.deferred = list(outcome.after)
    if turn.workflow_item is not None:
        await turn.update_workflow_task(
            task.model_copy(update={"title": progress.finished, "status_indicator": "complete"}),
            index,
        )
    return result(done, say or "That didn't change anything.")


def event_tool(event_type: type[FlowEvent]) -> FunctionTool:
    """The tool named after `event_type`, described by its docstring, that applies it.

    Each field is an argument of the same name and type, except where its
    annotation says otherwise: item refs stand for line numbers, an enum's
    values for text that must be one of them, and click-only fields are left out.
    """
    hints = get_type_hints(event_type, include_extras=True)
    parameters = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Ctx)]
    converters: dict[str, tuple[str, Any]] = {}
    for field in fields(event_type):
        base, marks = _strip(hints[field.name])
        if any(isinstance(mark, ClickOnly | OrderOfItems) for mark in marks):
            continue
        argument, annotation = field.name, base
        marker: ItemRef | ItemRefs | None = None
        if get_origin(base) is tuple:
            annotation = list[get_args(base)[0]]  # type: ignore[misc]
        for mark in marks:
            if isinstance(mark, ItemRef):
                argument, annotation, marker = mark.argument, str | None, mark
            elif isinstance(mark, ItemRefs):
                argument, annotation, marker = mark.argument, list[str], mark
            elif isinstance(mark, OneOf):
                annotation = mark.values | None if _optional(base) else mark.values
        default: Any = inspect.Parameter.empty
        if field.default is not MISSING:
            default = list(field.default) if isinstance(field.default, tuple) else field.default
        elif field.default_factory is not MISSING:
            default = field.default_factory()
        converters[argument] = (field.name, marker)
        parameters.append(
            inspect.Parameter(
                argument,
                inspect.Parameter.KEYWORD_ONLY,
                default=default,
                annotation=annotation,
            )
        )

    async def invoke(ctx: Ctx, **arguments: Any) -> str:
        values: dict[str, Any] = {}
        for argument, value in arguments.items():
            name, marker = converters[argument]
            try:
                values.update(_converted(event_type, name, marker, value))
            except ValueError as exc:
                return result(False, str(exc))
        return await apply_events(ctx, [event_type(**values)])

    invoke.__name__ = event_type.name
    invoke.__doc__ = event_type.__doc__
    invoke.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    invoke.__annotations__ = {p.name: p.annotation for p in parameters}
    return function_tool(invoke, name_override=event_type.name)


def _strip(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    if get_origin(annotation) is Annotated:
        base, *marks = get_args(annotation)
        return base, tuple(marks)
    return annotation, ()


def _optional(annotation: Any) -> bool:
    return type(None) in get_args(annotation)


def _converted(
    event_type: type[FlowEvent], name: str, marker: object, value: Any
) -> dict[str, Any]:
    """The event's field values for one tool argument."""
    if isinstance(marker, ItemRef):
        return {name: parse_line_ref(value)[1] if value else None}
    if isinstance(marker, ItemRefs):
        lines = [parse_line_ref(ref) for ref in value]
        orders = {order_id for order_id, _ in lines}
        if len(orders) != 1:
            raise ValueError(ONE_ORDER)
        converted: dict[str, Any] = {name: tuple(n for _, n in lines)}
        hints = get_type_hints(event_type, include_extras=True)
        order_fields = [
            field.name
            for field in fields(event_type)
            if any(isinstance(mark, OrderOfItems) for mark in _strip(hints[field.name])[1])
        ]
        return converted | dict.fromkeys(order_fields, orders.pop())
    if hasattr(value, "value"):
        return {name: value.value}
    if isinstance(value, list):
        return {name: tuple(value)}
    return {name: value}


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
