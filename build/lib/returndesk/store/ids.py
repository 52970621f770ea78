"""Identifiers the store makes up for rows it creates itself."""

from __future__ import annotations

import secrets


def new_gift_card_id() -> str:
    """Shaped like the store's own gift-card ids, with enough digits never to collide."""
    return f"gift_card_{secrets.randbelow(10**12):012d}"
