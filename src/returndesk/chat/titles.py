"""Thread titles that say what the conversation is about: "Return: Office Chair".

The flow's title comes from the flow definition; its use case adds the detail the
shopper has given so far (the items, the order, the return). Here it is kept short.
"""

from __future__ import annotations

MAX_LENGTH = 60


def short_title(title: str | None) -> str | None:
    """`title`, cut to fit a thread list; None stays None (the title stays as it is)."""
    if title is None or len(title) <= MAX_LENGTH:
        return title
    return title[: MAX_LENGTH - 1] + "…"
