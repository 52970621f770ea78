"""One unit of work on Cosmos DB: reads remembered with their ETags, writes staged and sent
when the unit ends, one transactional batch per partition.

Cosmos has no transaction across partitions, so a unit that writes several partitions
commits them in an order that keeps a crash between batches harmless: the unique names
in `keys` first (a duplicate is found before any data is written, and a name left
behind points at nothing a reader trusts without the document itself), then the data,
partition by partition, the thread's partition (its conversation state, the version
every turn checks) last of all, so that a turn whose state did not commit is run again
and finds what it already wrote by its deterministic keys.

Every replace of a document the unit read carries that read's ETag: another writer's
change in between fails the batch with 412, reported as `Contention`, and the
command is run again (see `operations.contention`).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Literal

from azure.core import MatchConditions
from azure.core.exceptions import AzureError, ServiceRequestError, ServiceResponseError
from azure.cosmos import exceptions
from azure.cosmos.aio import DatabaseProxy

from returndesk.errors import ServiceBusy
from returndesk.store.commits import count_commit
from returndesk.store.cosmos.containers import KEYS, THREADS, Container
from returndesk.store.port.errors import Contention, Duplicate, Unavailable

logger = logging.getLogger(__name__)

Document = dict[str, Any]
Operation = Literal["create", "replace", "upsert", "delete"]

# Cosmos's limit on operations in one transactional batch.
MAX_BATCH_OPERATIONS = 100
# Fields Cosmos adds to a stored document, which are not sent back.
_SYSTEM_FIELDS = ("_rid", "_self", "_attachments", "_ts")


class Phase(IntEnum):
    """The order partitions are written in when a unit commits (see the module's note)."""

    LOOKUP = 0
    DATA = 1
    CONVERSATION = 2


@dataclass
class _Staged:
    container: Container
    partition: str
    operation: Operation
    document: Document
    # The ETag the write must find, when the document was read first.
    if_match: str | None


@contextmanager
def translated_errors() -> Iterator[None]:
    """Cosmos's answers as the port's errors: 409 `Duplicate`, 412 `Contention`, 429 past
    the SDK's retries `ServiceBusy`, anything else from the service `Unavailable`."""
    try:
        yield
    except exceptions.CosmosBatchOperationError as exc:
        failed = exc.operation_responses[exc.error_index] if exc.operation_responses else {}
        raise _error_for(int(failed.get("statusCode", exc.status_code or 0)), exc) from exc
    except exceptions.CosmosHttpResponseError as exc:
        raise _error_for(int(exc.status_code or 0), exc) from exc
    except (ServiceRequestError, ServiceResponseError, AzureError, OSError) as exc:
        raise Unavailable(type(exc).__name__) from exc


def _error_for(status: int, exc: Exception) -> Exception:
    if status == 409:
        return Duplicate(str(exc).splitlines()[0])
    # 412: an ETag no longer matches; 404 on a replace: the document read was deleted since.
    if status in (412, 404):
        return Contention(f"Cosmos DB answered {status}")
    if status == 429:
        return ServiceBusy("The database is busy; try again in a moment.")
    return Unavailable(f"Cosmos DB answered {status}")


class Unit:
    """What one unit of work read and means to write."""

    def __init__(self, database: DatabaseProxy, *, writable: bool) -> None:
        self.database = database
        self.writable = writable
        self._read: dict[tuple[str, str, str], Document | None] = {}
        self._staged: dict[tuple[str, str, str], _Staged] = {}

    # Reading

    async def read(self, container: Container, partition: str, doc_id: str) -> Document | None:
        """A point read; what this unit staged for the document, if it staged anything."""
        key = (container.name, partition, doc_id)
        staged = self._staged.get(key)
        if staged is not None:
            return None if staged.operation == "delete" else copy.deepcopy(staged.document)
        if key not in self._read:
            proxy = self.database.get_container_client(container.name)
            with translated_errors():
                try:
                    document: Document | None = await proxy.read_item(
                        doc_id, partition_key=partition
                    )
                except exceptions.CosmosResourceNotFoundError:
                    document = None
            self._read[key] = _without_system_fields(document)
        found = self._read[key]
        return None if found is None else copy.deepcopy(found)

    async def query(
        self,
        container: Container,
        sql: str,
        parameters: dict[str, Any] | None = None,
        *,
        partition: str | None,
        max_items: int | None = None,
    ) -> list[Document]:
        """A query inside `partition`; with None, across the container (staff views only:
        a shopper's request never reads past one partition)."""
        proxy = self.database.get_container_client(container.name)
        params = [{"name": name, "value": value} for name, value in (parameters or {}).items()]
        found: list[Document] = []
        with translated_errors():
            if partition is None:
                pages = proxy.query_items(sql, parameters=params, max_item_count=max_items)
            else:
                pages = proxy.query_items(
                    sql, parameters=params, partition_key=partition, max_item_count=max_items
                )
            async for document in pages:
                # A query of values (SELECT VALUE ...) returns them as they are.
                found.append(
                    {k: v for k, v in document.items() if k not in _SYSTEM_FIELDS}
                    if isinstance(document, dict)
                    else document
                )
                if max_items is not None and len(found) >= max_items:
                    break
        for document in found:
            if isinstance(document, dict) and "id" in document and container.key in document:
                key = (container.name, str(document[container.key]), str(document["id"]))
                self._read.setdefault(key, copy.deepcopy(document))
        return found

    # Writing, when the unit ends

    def create(self, container: Container, document: Document) -> None:
        """Fails the unit with `Duplicate` if the document exists when it commits."""
        self._stage(container, "create", document)

    def replace(self, container: Container, document: Document) -> None:
        """Write over a document this unit read; fails with `Contention` if it changed since."""
        self._stage(container, "replace", document)

    def upsert(self, container: Container, document: Document) -> None:
        """Write whatever is there; as `replace` when this unit read it."""
        self._stage(container, "upsert", document)

    def delete(self, container: Container, partition: str, doc_id: str) -> None:
        self._stage(container, "delete", {"id": doc_id, container.key: partition})

    def _stage(self, container: Container, operation: Operation, document: Document) -> None:
        if not self.writable:
            raise RuntimeError("this unit of work only reads")
        partition = str(document[container.key])
        key = (container.name, partition, str(document["id"]))
        earlier = self._staged.get(key)
        read = self._read.get(key)
        etag = read.get("_etag") if read else None
        if earlier is not None:
            if earlier.operation == "create" and operation != "delete":
                operation = "create"
            elif earlier.operation == "create" and operation == "delete":
                del self._staged[key]
                return
        elif read is not None and operation == "upsert":
            operation = "replace"
        elif read is None and key in self._read and operation == "replace":
            # Replacing what this unit found missing: someone must create it meanwhile.
            operation = "create"
        body = {k: v for k, v in document.items() if k != "_etag"}
        self._staged[key] = _Staged(container, partition, operation, body, etag)

    @property
    def writes(self) -> int:
        return len(self._staged)

    async def commit(self, *, conversation_only: bool) -> None:
        by_partition: dict[tuple[Phase, str, str], list[_Staged]] = {}
        for staged in self._staged.values():
            phase = _phase_of(staged.container)
            by_partition.setdefault((phase, staged.container.name, staged.partition), []).append(
                staged
            )
        for phase, container_name, partition in sorted(by_partition):
            operations = by_partition[phase, container_name, partition]
            await self._write(container_name, partition, operations)
        self._staged.clear()
        if by_partition and not conversation_only:
            count_commit()

    async def _write(self, container_name: str, partition: str, staged: list[_Staged]) -> None:
        proxy = self.database.get_container_client(container_name)
        with translated_errors():
            if len(staged) == 1:
                await _write_one(proxy, partition, staged[0])
                return
            for start in range(0, len(staged), MAX_BATCH_OPERATIONS):
                chunk = staged[start : start + MAX_BATCH_OPERATIONS]
                await proxy.execute_item_batch(
                    [_batch_operation(item) for item in chunk], partition_key=partition
                )


def _phase_of(container: Container) -> Phase:
    if container is KEYS:
        return Phase.LOOKUP
    if container is THREADS:
        return Phase.CONVERSATION
    return Phase.DATA


async def _write_one(proxy: Any, partition: str, staged: _Staged) -> None:
    document = staged.document
    match_condition = _if_match(staged)
    if staged.operation == "create":
        await proxy.create_item(document)
    elif staged.operation == "replace":
        await proxy.replace_item(document["id"], document, **match_condition)
    elif staged.operation == "upsert":
        await proxy.upsert_item(document, **match_condition)
    else:
        await proxy.delete_item(document["id"], partition_key=partition, **match_condition)


def _batch_operation(staged: _Staged) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    document = staged.document
    match_condition = {} if staged.if_match is None else {"if_match_etag": staged.if_match}
    if staged.operation == "create":
        return ("create", (document,), {})
    if staged.operation == "replace":
        return ("replace", (document["id"], document), match_condition)
    if staged.operation == "upsert":
        return ("upsert", (document,), match_condition)
    return ("delete", (document["id"],), match_condition)


def _if_match(staged: _Staged) -> dict[str, Any]:
    if staged.if_match is None:
        return {}
    return {"etag": staged.if_match, "match_condition": MatchConditions.IfNotModified}


def _without_system_fields(document: Document | None) -> Document | None:
    if document is None:
        return None
    return {k: v for k, v in document.items() if k not in _SYSTEM_FIELDS}


@asynccontextmanager
async def unit_of_work(
    database: DatabaseProxy, *, writable: bool, conversation_only: bool = False
) -> AsyncIterator[Unit]:
    unit = Unit(database, writable=writable)
    yield unit
    if writable:
        await unit.commit(conversation_only=conversation_only)
