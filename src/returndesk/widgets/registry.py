"""The widgets the flow definition may name, by name, and drawing one for a state.

A builder only draws: it is given the state, the facts and, for a widget that
shows records besides them (the shopper's orders, a return's status), the
view-model its query read. Queries are the only part that touches the database.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from chatkit.widgets import DynamicWidgetRoot

from returndesk.flow.definition import MenuEntry
from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.operations.context import Operations
from returndesk.widgets.components import Node, build_root
from returndesk.widgets.inputs import WidgetInput

ViewT = TypeVar("ViewT")

# Draws a widget from the state and facts alone.
Builder = Callable[[WidgetInput], Node]


@dataclass(frozen=True, slots=True)
class Shows(Generic[ViewT]):
    """A widget that shows records besides the state and facts: `query` reads them into
    a view-model, `build` draws it."""

    query: Callable[[WidgetInput, Operations], Awaitable[ViewT]]
    build: Callable[[WidgetInput, ViewT], Node]


Widget = Builder | Shows[Any]


class WidgetRegistry:
    def __init__(
        self, widgets: Mapping[str, Widget], *, menu: tuple[tuple[str, MenuEntry], ...]
    ) -> None:
        self._widgets = dict(widgets)
        self._menu = menu

    def names(self) -> Collection[str]:
        return self._widgets.keys()

    async def build(
        self, name: str, state: FlowState, facts: Facts, ops: Operations
    ) -> DynamicWidgetRoot:
        given = WidgetInput(state, facts, self._menu)
        widget = self._widgets[name]
        if isinstance(widget, Shows):
            return build_root(widget.build(given, await widget.query(given, ops)))
        return build_root(widget(given))
