"""The widgets the flow definition may name, by name, and drawing one for a state."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping

from chatkit.widgets import DynamicWidgetRoot

from returndesk.flow.definition import MenuEntry
from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.operations.context import Operations
from returndesk.widgets.components import Node, build_root
from returndesk.widgets.inputs import WidgetInput

Builder = Callable[[WidgetInput], Awaitable[Node]]


class WidgetRegistry:
    def __init__(
        self, builders: Mapping[str, Builder], *, menu: tuple[tuple[str, MenuEntry], ...]
    ) -> None:
        self._builders = dict(builders)
        self._menu = menu

    def names(self) -> Collection[str]:
        return self._builders.keys()

    async def build(
        self, name: str, state: FlowState, facts: Facts, ops: Operations
    ) -> DynamicWidgetRoot:
        given = WidgetInput(state, facts, ops, self._menu)
        return build_root(await self._builders[name](given))
