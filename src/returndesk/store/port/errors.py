"""What a unit of work may fail with, whichever database keeps the data."""

from __future__ import annotations


class Duplicate(Exception):
    """A record with this key already exists: another request made it first."""


class Contention(Exception):
    """Another writer changed what this unit of work read before it could commit; nothing
    of it was written, and running it again sees the other's change."""


class Unavailable(Exception):
    """The database cannot be reached; the message names what failed, not where."""
