"""The hand-off card: the request is with the team, and what can be done meanwhile."""

from __future__ import annotations

from returndesk.usecases.handoff.events import RequestHandoff
from returndesk.widgets.components import Node, button, card, col, text, title
from returndesk.widgets.inputs import WidgetInput


def handoff_card(given: WidgetInput) -> Node:
    # Everything else on the menu, which the assistant can do right away.
    meanwhile = [
        button(entry.label, on_click=given.act(event), block=True)
        for event, entry in given.menu
        if event != RequestHandoff.name
    ]
    return card(
        [
            title("I've asked a person to follow up"),
            text("Your request is recorded for our team. Meanwhile, I can help right away with:"),
            col(meanwhile, gap=2),
        ],
        key="handoff",
    )
