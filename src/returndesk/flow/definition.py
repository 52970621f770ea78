"""The flow definition: steps, the events each accepts, and the guards that branch it.

A flow is an ordered list of steps. The current step is always the first one
that applies (its `when` guard holds) and is not yet complete (its `done`
guard fails). Branches such as the retention offer are steps with a `when`
guard; editing an earlier answer simply makes an earlier step current again.
The definition is data (`returns_flow.yaml`); `validate` checks at start-up
that every guard, event and widget it names exists.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from returndesk.errors import ConfigurationError

DEFINITION_FILE = "returns_flow.yaml"


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


class FlowSpec(_Strict):
    title: str | None = None
    steps: tuple[StepSpec, ...] = Field(min_length=1)


class DefinitionSpec(_Strict):
    start: str
    after_verification: str
    flows: dict[str, FlowSpec]
    # Events accepted at any step once the shopper is verified, e.g. start over.
    anytime: tuple[str, ...] = ()
    # Requests that wait for verification when made before it, then go ahead.
    until_verified: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FlowDefinition:
    spec: DefinitionSpec

    def flow(self, flow_id: str) -> FlowSpec:
        return self.spec.flows[flow_id]

    def step(self, flow_id: str, step_id: str) -> StepSpec:
        for step in self.flow(flow_id).steps:
            if step.id == step_id:
                return step
        raise KeyError(f"{flow_id}.{step_id}")


def load_definition(path: Path | None = None) -> FlowDefinition:
    if path is None:
        text = (files("returndesk.flow") / DEFINITION_FILE).read_text(encoding="utf-8")
        name = DEFINITION_FILE
    else:
        text, name = path.read_text(encoding="utf-8"), path.name
    try:
        raw: Any = yaml.safe_load(text)
        return FlowDefinition(DefinitionSpec.model_validate(raw))
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
) -> None:
    """Refuse a definition that names anything the code does not provide."""
    spec = definition.spec
    problems: list[str] = []
    for flow_name in (spec.start, spec.after_verification):
        if flow_name not in spec.flows:
            problems.append(f"flow {flow_name!r} is not defined")
    for flow_id, flow in spec.flows.items():
        seen: set[str] = set()
        for step in flow.steps:
            where = f"{flow_id}.{step.id}"
            if step.id in seen:
                problems.append(f"{where}: step defined twice")
            seen.add(step.id)
            problems += _unknown(where, "guard", [step.done, step.when], guards)
            problems += _unknown(where, "event", step.accepts, events)
            problems += _unknown(where, "widget", [step.widget], widgets)
    problems += _unknown("anytime", "event", spec.anytime, events)
    problems += _unknown("until_verified", "event", spec.until_verified, events)
    if problems:
        raise ConfigurationError("flow definition: " + "; ".join(problems))


def _unknown(
    where: str, kind: str, names: Collection[str | None], known: Collection[str]
) -> list[str]:
    return [f"{where}: unknown {kind} {name!r}" for name in names if name and name not in known]
