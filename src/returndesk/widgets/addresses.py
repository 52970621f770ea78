"""The address form several requests share, pre-filled with the address it replaces."""

from __future__ import annotations

from returndesk.domain import Address
from returndesk.widgets.components import (
    Node,
    button,
    caption,
    card,
    col,
    form,
    label,
    row,
    text_input,
    title,
)
from returndesk.widgets.inputs import WidgetInput


def address_form(
    given: WidgetInput,
    current: Address | None,
    *,
    heading: str,
    note: str,
    event: str,
    key: str,
) -> Node:
    """Every field a shipping address has; the submit sends them all to `event`."""

    def field(name: str, shown: str, value: str | None, placeholder: str | None = None) -> Node:
        return col(
            [label(shown, name), text_input(name, default=value or None, placeholder=placeholder)],
            flex=1,
        )

    def value(name: str) -> str | None:
        return None if current is None else str(getattr(current, name))

    return card(
        [
            form(
                [
                    title(heading),
                    caption(note),
                    field("address1", "Street address", value("address1"), "12 Oak St"),
                    field("address2", "Apartment, suite (optional)", value("address2")),
                    row(
                        [
                            field("city", "City", value("city")),
                            field("state", "State", value("state"), "TX"),
                        ]
                    ),
                    row(
                        [
                            field("zip", "ZIP code", value("zip"), "78701"),
                            field("country", "Country", value("country"), "USA"),
                        ]
                    ),
                    row(
                        [
                            button("Use this address", submit=True, style="primary", icon="check"),
                            button("Back to the menu", on_click=given.act("start_over")),
                        ]
                    ),
                ],
                on_submit=given.act(event),
            )
        ],
        key=key,
    )
