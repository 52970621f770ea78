"""A reply from the store's team in the shopper's chat: marked with who wrote it.

A widget rather than an assistant message, so any ChatKit client shows the name
with the words, and the assistant's own messages stay the assistant's.
"""

from __future__ import annotations

from returndesk.widgets.components import Node, caption, card, col, icon, row, text


def staff_reply_card(name: str, reply: str) -> Node:
    return card(
        [
            col(
                [
                    row([icon("profile", color="secondary"), caption(f"{name} · Store team")]),
                    text(reply, size="md"),
                ],
                gap=2,
            )
        ],
        key="staff-reply",
    )
