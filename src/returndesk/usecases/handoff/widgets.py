"""The hand-off card: the request is with the team, and what can be done meanwhile."""

from __future__ import annotations

from returndesk.usecases.handoff.answers import HandoffAnswers
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
    # Read, not `state.answers`, which would add empty answers to the state it is drawn from.
    found = given.state.answers_by_flow.get(HandoffAnswers.flow)
    away = found.away if isinstance(found, HandoffAnswers) else None
    return card(
        [
            title("I've asked a person to follow up"),
            text(
                "Your request is with our team: someone will answer you in this chat."
                + (f" {away}" if away else "")
            ),
            text("Meanwhile, I can help right away with:"),
            col(meanwhile, gap=2),
        ],
        key="handoff",
    )
