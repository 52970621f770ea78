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


async def verify_form(given: WidgetInput) -> Node:
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


async def main_menu(given: WidgetInput) -> Node:
    return card(
        [
            title("What can I help you with?"),
            col(
                [
                    button(
                        "Return or exchange items",
                        on_click=given.act("start_return"),
                        style="primary",
                        icon="cube",
                        block=True,
                    ),
                    button(
                        "Cancel an order",
                        on_click=given.act("start_order_cancellation"),
                        icon="empty-circle",
                        block=True,
                    ),
                    button(
                        "Cancel a return",
                        on_click=given.act("start_return_cancellation"),
                        icon="reload",
                        block=True,
                    ),
                    button(
                        "Check an order or return",
                        on_click=given.act("ask_status"),
                        icon="search",
                        block=True,
                    ),
                    button(
                        "Talk to a person",
                        on_click=given.act("request_handoff"),
                        icon="profile",
                        block=True,
                    ),
                ]
            ),
        ],
        key="menu",
    )
