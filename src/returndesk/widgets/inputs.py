"""What a widget builder is given, and the small helpers every builder shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from returndesk.domain import OrderLine
from returndesk.flow.definition import MenuEntry
from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.widgets.components import Node, action


@dataclass(frozen=True, slots=True)
class WidgetInput:
    state: FlowState
    facts: Facts
    # The main menu's entries, as (event name, entry), for a card that offers what else to do.
    menu: tuple[tuple[str, MenuEntry], ...] = ()

    def act(self, event_name: str, **payload: Any) -> Node:
        """An action for `event_name` carrying the state token the widget is drawn with."""
        values = {key: value for key, value in payload.items() if value is not None}
        return action(event_name, {**values, "token": self.state.token})


def describe_options(options: Mapping[str, str]) -> str:
    """`blue, size M, cotton`: option values, with the name kept where a value alone is vague."""
    parts = []
    for name, value in options.items():
        parts.append(f"{name} {value}" if name in {"size", "capacity", "length"} else value)
    return ", ".join(parts)


def line_label(line: OrderLine) -> str:
    return f"{line.name} ({describe_options(line.options)})" if line.options else line.name
