"""The storage a deployment's settings choose."""

from __future__ import annotations

from returndesk.store.port.storage import Storage
from returndesk.store.sql.storage import SqlStorage


def open_storage(database_url: str, *, echo: bool = False) -> Storage:
    return SqlStorage(database_url, echo=echo)
