"""Who is the shopper: the verification form, and the menu once verified."""

from __future__ import annotations

from returndesk.widgets.components import (
    Node,
    button,
    caption,
    card,
    col,
    divider,
    form,
    label,
    row,
    text_input,
    title,
)
from returndesk.widgets.inputs import WidgetInput


def verify_form(given: WidgetInput) -> Node:
    return card(
        [
            form(
                [
                    title("Let's find your account"),
                    caption("Your email, or your first and last name with your ZIP code."),
                    label("Email", "email"),
                    text_input("email", placeholder="you@example.com", input_type="email"),
                    divider(),
                    row(
                        [
                            col(
                                [label("First name", "first_name"), text_input("first_name")],
                                flex=1,
                            ),
                            col([label("Last name", "last_name"), text_input("last_name")], flex=1),
                        ]
                    ),
                    label("ZIP code", "zip"),
                    text_input("zip", placeholder="12345"),
                    row(
                        [
                            button("Verify me", submit=True, style="primary", icon="check"),
                            button("Talk to a person", on_click=given.act("request_handoff")),
                        ]
                    ),
                ],
                on_submit=given.act("verify"),
            )
        ],
        key="verify",
    )


def main_menu(given: WidgetInput) -> Node:
    buttons = [
        button(
            entry.label,
            on_click=given.act(event),
            style="primary" if index == 0 else "secondary",
            icon=entry.icon,
            block=True,
        )
        for index, (event, entry) in enumerate(given.menu)
    ]
    return card([title("What can I help you with?"), col(buttons)], key="menu")
