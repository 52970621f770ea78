"""The flow definition: steps, the events each accepts, and the guards that branch it.

A flow is an ordered list of steps. The current step is always the first one
that applies (its `when` guard holds) and is not yet complete (its `done`
guard fails). Branches such as the retention offer are steps with a `when`
guard; editing an earlier answer simply makes an earlier step current again.
The definition is data: the conversation's frame (`conversation.yaml`: who the
shopper is, the menu) and each use case's flows. `validate` checks at start-up
that every guard, event, widget and answer it names exists.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from returndesk.errors import ConfigurationError

FRAME_FILE = "conversation.yaml"

SpecT = TypeVar("SpecT", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StepSpec(_Strict):
    id: str
    widget: str
    # What the shopper is asked here; also the answer to an event that does not fit.
    hint: str
    when: str | None = None
    done: str
    accepts: tuple[str, ...] = ()
    # The answers going back to this step forgets, so that it asks again.
    clears: tuple[str, ...] = ()


class MenuEntry(_Strict):
    """A flow's button on the main menu; it sends the flow's first starting event."""

    label: str
    icon: str


class FlowSpec(_Strict):
    title: str | None = None
    # The request as a sentence names it ("the address change"): "First the return, then
    # the address change."
    called: str | None = None
    menu: MenuEntry | None = None
    # Events that begin this flow, accepted at any step once the shopper is verified.
    starts: tuple[str, ...] = ()
    # What a starting event does before verification: kept and carried out once the
    # shopper is verified, answered at once, or refused (asking who they are first).
    before_verification: Literal["keep", "answer", "refuse"] = "refuse"
    # The step whose Confirm carries the request out, and the step that shows it done.
    confirmation: str | None = None
    finished: str | None = None
    # What a "no" at the confirmation does: start over, or go back to change an answer.
    if_declined: Literal["start_over", "go_back"] = "start_over"
    steps: tuple[StepSpec, ...] = Field(min_length=1)


class FrameSpec(_Strict):
    start: str
    after_verification: str
    flows: dict[str, FlowSpec]
    # Events accepted at any step once the shopper is verified, e.g. start over.
    anytime: tuple[str, ...] = ()


class FlowsSpec(_Strict):
    """A use case's part of the definition: its flows."""

    flows: dict[str, FlowSpec]


@dataclass(frozen=True, slots=True)
class FlowDefinition:
    start: str
    after_verification: str
    flows: Mapping[str, FlowSpec]
    anytime: frozenset[str]
    # Each starting event's flow.
    starting: Mapping[str, str]

    def flow(self, flow_id: str) -> FlowSpec:
        return self.flows[flow_id]

    def step(self, flow_id: str, step_id: str) -> StepSpec:
        for step in self.flow(flow_id).steps:
            if step.id == step_id:
                return step
        raise KeyError(f"{flow_id}.{step_id}")

    def menu(self) -> tuple[tuple[str, MenuEntry], ...]:
        """The main menu's entries, in the order the flows are defined: (event, entry)."""
        return tuple(
            (flow.starts[0], flow.menu)
            for flow in self.flows.values()
            if flow.menu is not None and flow.starts
        )

    def started_by(self, event_name: str) -> FlowSpec | None:
        flow_id = self.starting.get(event_name)
        return None if flow_id is None else self.flows[flow_id]


def frame_text() -> str:
    return (files("returndesk.flow") / FRAME_FILE).read_text(encoding="utf-8")


def load_definition(frame: str, parts: Iterable[tuple[str, str]] = ()) -> FlowDefinition:
    """The frame's YAML and each use case's (`(name, text)`), as one definition."""
    spec = _parse(FRAME_FILE, frame, FrameSpec)
    flows = dict(spec.flows)
    problems: list[str] = []
    for name, text in parts:
        for flow_id, flow in _parse(name, text, FlowsSpec).flows.items():
            if flow_id in flows:
                problems.append(f"{name}: flow {flow_id!r} is defined twice")
            flows[flow_id] = flow
    starting: dict[str, str] = {}
    for flow_id, flow in flows.items():
        for event in flow.starts:
            if event in starting:
                problems.append(f"{flow_id}: {event!r} already starts {starting[event]!r}")
            starting[event] = flow_id
    if problems:
        raise ConfigurationError("flow definition: " + "; ".join(problems))
    return FlowDefinition(
        spec.start, spec.after_verification, flows, frozenset(spec.anytime), starting
    )


def _parse(name: str, text: str, kind: type[SpecT]) -> SpecT:
    try:
        raw: Any = yaml.safe_load(text)
        return kind.model_validate(raw)
    except yaml.YAMLError as exc:
        raise ConfigurationError(f"{name}: not valid YAML: {exc}") from exc
    except ValidationError as exc:
        detail = exc.errors(include_url=False)[0]
        location = ".".join(str(part) for part in detail["loc"])
        raise ConfigurationError(f"{name}: {location}: {detail['msg']}") from exc


def validate(
    definition: FlowDefinition,
    *,
    guards: Collection[str],
    events: Collection[str],
    widgets: Collection[str],
    answers: Mapping[str, Collection[str]],
) -> None:
    """Refuse a definition that names anything the code does not provide.

    `answers` holds, for each flow with answers, the names of its answers.
    """
    problems: list[str] = []
    for flow_name in (definition.start, definition.after_verification):
        if flow_name not in definition.flows:
            problems.append(f"flow {flow_name!r} is not defined")
    for flow_id, flow in definition.flows.items():
        seen: set[str] = set()
        for step in flow.steps:
            where = f"{flow_id}.{step.id}"
            if step.id in seen:
                problems.append(f"{where}: step defined twice")
            seen.add(step.id)
            problems += _unknown(where, "guard", [step.done, step.when], guards)
            problems += _unknown(where, "event", step.accepts, events)
            problems += _unknown(where, "widget", [step.widget], widgets)
            problems += _unknown(where, "answer", step.clears, answers.get(flow_id, ()))
        problems += _unknown(flow_id, "event", flow.starts, events)
        problems += _unknown(flow_id, "step", [flow.confirmation, flow.finished], seen)
        if flow.menu is not None and not flow.starts:
            problems.append(f"{flow_id}: a menu entry needs an event under `starts`")
    problems += _unknown("anytime", "event", definition.anytime, events)
    if problems:
        raise ConfigurationError("flow definition: " + "; ".join(problems))


def _unknown(
    where: str, kind: str, names: Collection[str | None], known: Collection[str]
) -> list[str]:
    return [f"{where}: unknown {kind} {name!r}" for name in names if name and name not in known]
