"""Naming a test's store by one address, whichever backend keeps it.

SQL stores are named by their SQLAlchemy URL. A database on the Cosmos test server is
named `cosmos+https://HOST:PORT/DATABASE`: these helpers turn that into the settings
and storage a deployment would use (`RETURNDESK_COSMOS_ENDPOINT`, `_DATABASE`, `_KEY`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from returndesk.store.backends import open_storage
from returndesk.store.port.storage import Storage
from tests.support.cosmos_server import EMULATOR_KEY

COSMOS_SCHEME = "cosmos+"


def is_cosmos(url: str) -> bool:
    return url.startswith(COSMOS_SCHEME)


def cosmos_url(endpoint: str, database: str) -> str:
    return f"{COSMOS_SCHEME}{endpoint.rstrip('/')}/{database}"


def cosmos_parts(url: str) -> tuple[str, str]:
    """(endpoint, database) of a Cosmos test URL."""
    parts = urlsplit(url.removeprefix(COSMOS_SCHEME))
    return f"{parts.scheme}://{parts.netloc}", parts.path.strip("/")


def storage_options(url: str) -> dict[str, Any]:
    """The keyword arguments of `Settings` (and of `open_storage`) for this store."""
    if not is_cosmos(url):
        return {"database_url": url}
    endpoint, database = cosmos_parts(url)
    return {"cosmos_endpoint": endpoint, "cosmos_database": database, "cosmos_key": EMULATOR_KEY}


def store_environment(url: str) -> dict[str, str]:
    """The environment a `returndesk` process started on this store is given."""
    return {
        f"RETURNDESK_{name.upper()}": str(value) for name, value in storage_options(url).items()
    }


def open_test_storage(url: str) -> Storage:
    return open_storage(**storage_options(url))


# What a thread holds beyond what the ChatKit store reads back, looked at under the port.
THREAD_RECORD_KINDS = ("items", "feedback", "state")


async def thread_records(storage: Storage, thread_id: str) -> dict[str, int]:
    """How many items, feedback records and conversation states the thread has."""
    if storage.name == "cosmos":
        found = await _cosmos_thread_documents(storage, thread_id)
        kinds = {"item": "items", "feedback": "feedback", "state": "state"}
        counts = dict.fromkeys(THREAD_RECORD_KINDS, 0)
        for document in found:
            if document.get("type") in kinds:
                counts[kinds[document["type"]]] += 1
        return counts
    from sqlalchemy import func, select

    from returndesk.store.sql.tables import ConversationStateRow, FeedbackRow, ThreadItemRow
    from tests.support.sql_store import sql_sessions

    tables: dict[str, type[ThreadItemRow | FeedbackRow | ConversationStateRow]] = {
        "items": ThreadItemRow,
        "feedback": FeedbackRow,
        "state": ConversationStateRow,
    }
    async with sql_sessions(storage)() as session:
        return {
            kind: int(
                (
                    await session.execute(
                        select(func.count()).select_from(table).where(table.thread_id == thread_id)
                    )
                ).scalar_one()
            )
            for kind, table in tables.items()
        }


async def feedback_of_thread(storage: Storage, thread_id: str) -> list[tuple[str, str, str]]:
    """(item id, kind, owner id) of each rating recorded on the thread, in the order given."""
    if storage.name == "cosmos":
        found = await _cosmos_thread_documents(storage, thread_id)
        rated = sorted(
            (doc for doc in found if doc.get("type") == "feedback"),
            key=lambda doc: (doc["created_at"], doc["item_id"]),
        )
        return [(doc["item_id"], doc["kind"], doc["owner_id"]) for doc in rated]
    from sqlalchemy import select

    from returndesk.store.sql.tables import FeedbackRow
    from tests.support.sql_store import sql_sessions

    async with sql_sessions(storage)() as session:
        rows = (
            await session.scalars(
                select(FeedbackRow)
                .where(FeedbackRow.thread_id == thread_id)
                .order_by(FeedbackRow.id)
            )
        ).all()
    return [(row.item_id, row.kind, row.owner_id) for row in rows]


async def _cosmos_thread_documents(storage: Storage, thread_id: str) -> list[dict[str, Any]]:
    from returndesk.store.cosmos.containers import THREADS
    from returndesk.store.cosmos.storage import CosmosStorage

    assert isinstance(storage, CosmosStorage)
    threads = storage.database.get_container_client(THREADS.name)
    return [
        document
        async for document in threads.query_items("SELECT * FROM c", partition_key=thread_id)
    ]


@dataclass(frozen=True, slots=True)
class LoggedTurn:
    """One entry of a conversation's turn log, as analytics read it."""

    event: str
    flow: str
    step: str
    customer_id: str | None
    answers: dict[str, bool]
    at: datetime


async def conversation_log(storage: Storage, thread_id: str) -> list[LoggedTurn]:
    """The thread's turn log, in the order the turns were logged."""
    if storage.name == "cosmos":
        from returndesk.store.cosmos.documents import instant

        found = await _cosmos_thread_documents(storage, thread_id)
        entries = sorted((doc for doc in found if doc.get("type") == "log"), key=lambda d: d["id"])
        return [
            LoggedTurn(
                doc["event"],
                doc["flow"],
                doc["step"],
                doc["customer_id"],
                doc["answers"],
                instant(doc["at"]),
            )
            for doc in entries
        ]
    from sqlalchemy import select

    from returndesk.store.sql.tables import ConversationEventRow
    from tests.support.sql_store import sql_sessions

    async with sql_sessions(storage)() as session:
        rows = await session.scalars(
            select(ConversationEventRow)
            .where(ConversationEventRow.thread_id == thread_id)
            .order_by(ConversationEventRow.id)
        )
        return [
            LoggedTurn(row.event, row.flow, row.step, row.customer_id, row.answers, row.at)
            for row in rows
        ]
