"""What a use case declares, and everything the app derives from the registered ones.

A use case is one request type (returns, cancellations, ...) in its own folder:
its flows (`flow.yaml`), events, answers, guards, handlers, widgets, the
offline model's cues for it and its thread titles. It registers one `UseCase`;
the engine, the click and tool events, the main menu, the agent's tools, the
offline model's reading and thread titles all come from the registered ones.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib.resources import files
from typing import TypeVar

from agents import FunctionTool

from returndesk.errors import ConfigurationError
from returndesk.flow.actions import EventCatalog
from returndesk.flow.definition import FlowDefinition, frame_text, load_definition
from returndesk.flow.engine import FlowEngine
from returndesk.flow.events import FRAME_EVENTS, FlowEvent
from returndesk.flow.facts import Facts
from returndesk.flow.guards import FRAME_GUARDS, Guard
from returndesk.flow.identity import verify
from returndesk.flow.navigation import Confirmation
from returndesk.flow.state import Answers, FlowState
from returndesk.flow.turn import Handler
from returndesk.llm.brief import BriefPart
from returndesk.llm.offline.context import Context
from returndesk.llm.offline.intents import Reader
from returndesk.llm.offline.model import OfflineModel
from returndesk.llm.offline.rules import Cue, Planner
from returndesk.llm.plans import Plans
from returndesk.llm.tools import event_tools
from returndesk.widgets.identity import main_menu, verify_form
from returndesk.widgets.registry import Widget, WidgetRegistry

FLOW_FILE = "flow.yaml"
T = TypeVar("T")
# The use cases that come with ReturnDesk, in the main menu's order.
BUILT_IN = (
    "returndesk.usecases.returns.usecase",
    "returndesk.usecases.cancellations.usecase",
    "returndesk.usecases.item_change.usecase",
    "returndesk.usecases.address_change.usecase",
    "returndesk.usecases.payment_change.usecase",
    "returndesk.usecases.default_address.usecase",
    "returndesk.usecases.status.usecase",
    "returndesk.usecases.product_info.usecase",
    "returndesk.usecases.handoff.usecase",
)

# The detail a thread's title adds to its flow's title ("Return: Office Chair"); None
# keeps the title the thread has.
TitleDetail = Callable[[FlowState, Facts, str], str | None]


@dataclass(frozen=True, slots=True)
class UseCase:
    """One request type. `package` holds its `flow.yaml`; mappings are keyed by name:
    handlers by event, guards and widgets as the flow names them, confirmations and
    titles by flow, planners by the intent (event) they plan."""

    package: str
    events: tuple[type[FlowEvent], ...]
    answers: tuple[type[Answers], ...]
    handlers: Mapping[str, Handler]
    guards: Mapping[str, Guard] = field(default_factory=dict)
    widgets: Mapping[str, Widget] = field(default_factory=dict)
    confirmations: Mapping[str, Confirmation] = field(default_factory=dict)
    titles: Mapping[str, TitleDetail] = field(default_factory=dict)
    cues: tuple[Cue, ...] = ()
    planners: Mapping[str, Planner] = field(default_factory=dict)
    # What the brief adds at the use case's steps, by step id (the variants a line may
    # become, say), for the models to read the shopper's answer against.
    briefs: Mapping[str, BriefPart] = field(default_factory=dict)
    # Requests whose arguments a hosted model words better than the offline one (a
    # summary in the shopper's words): never left to the offline model in hybrid mode.
    worded_by_the_model: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return self.package.rsplit(".", 1)[-1]

    def flows_text(self) -> str:
        return (files(self.package) / FLOW_FILE).read_text(encoding="utf-8")


def load_use_cases(modules: Sequence[str] = BUILT_IN) -> tuple[UseCase, ...]:
    """The `USE_CASE` of each module, in order; a module without one stops start-up."""
    found = []
    for module_name in modules:
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise ConfigurationError(f"use case {module_name!r} cannot be imported: {exc}") from exc
        use_case = getattr(module, "USE_CASE", None)
        if not isinstance(use_case, UseCase):
            raise ConfigurationError(f"use case {module_name!r} has no USE_CASE")
        found.append(use_case)
    return tuple(found)


class UseCases:
    """The registered use cases and what is derived from them, built once at start-up."""

    def __init__(self, use_cases: Iterable[UseCase]) -> None:
        self.all = tuple(use_cases)
        self.definition: FlowDefinition = load_definition(
            frame_text(), [(f"{case.name}/{FLOW_FILE}", case.flows_text()) for case in self.all]
        )
        self.events = EventCatalog(
            [*FRAME_EVENTS, *(event for case in self.all for event in case.events)]
        )
        frame_widgets: dict[str, Widget] = {"verify_form": verify_form, "main_menu": main_menu}
        self.widgets = WidgetRegistry(
            self._merged("widget", frame_widgets, lambda case: case.widgets),
            menu=self.definition.menu(),
        )
        self.titles = self._merged("title", {}, lambda case: case.titles)
        self.cues = tuple(cue for case in self.all for cue in case.cues)
        self.planners = self._merged("planner", {}, lambda case: case.planners)
        self.briefs = self._merged("brief", {}, lambda case: case.briefs)
        self.worded_by_the_model = frozenset().union(
            *(case.worded_by_the_model for case in self.all)
        )

    def engine(self) -> FlowEngine:
        return FlowEngine(
            self.definition,
            events=self.events,
            guards=self._merged("guard", dict(FRAME_GUARDS), lambda case: case.guards),
            handlers=self._merged("handler", {"verify": verify}, lambda case: case.handlers),
            widgets=self.widgets.names(),
            answers={kind.flow: kind for case in self.all for kind in case.answers},
            confirmations=self._merged("confirmation", {}, lambda case: case.confirmations),
        )

    def reader(self) -> Reader:
        return Reader(self.cues, requests=self.definition.starting.keys())

    def offline_model(self) -> OfflineModel:
        return OfflineModel(self.reader(), Plans(self.planners))

    def at_step(self, context: Context) -> Context:
        """`context` with what the brief says of its step: whether it is a flow's
        confirmation (and what "no" does there) or the step after a request is over.
        For reading messages without a conversation, as the offline model's benches do."""
        for flow in self.definition.flows.values():
            if context.step == flow.confirmation:
                return replace(context, confirming=True, if_declined=flow.if_declined)
            if flow.starts and context.step == flow.steps[-1].id:
                return replace(context, wrapped_up=True)
        return context

    def tools(self) -> list[FunctionTool]:
        """The agent's tools: one per event a shopper may send, named after it."""
        return event_tools(self.events.types.values())

    def _merged(
        self, kind: str, frame: dict[str, T], declared: Callable[[UseCase], Mapping[str, T]]
    ) -> dict[str, T]:
        """The frame's own, then what each use case declares; a name declared twice is
        refused, naming the use case."""
        merged = dict(frame)
        for case in self.all:
            for name, value in declared(case).items():
                if name in merged:
                    raise ConfigurationError(f"{case.name}: {kind} {name!r} is declared twice")
                merged[name] = value
        return merged

    def title(self, state: FlowState, facts: Facts, flow_title: str) -> str | None:
        detail = self.titles.get(state.flow)
        return flow_title if detail is None else detail(state, facts, flow_title)
