"""The demo store's past on Cosmos DB: reads what the history builds on (the catalogue and
the customer and order ids already taken), has `store.demo_history` build its rows and
writes them as the documents the Cosmos repositories read.

The rows become documents with the converters those repositories use: customers with
their payment methods, whole orders and whole returns in the customers' partitions
(with each return's idempotency key and the guards on the order lines it holds),
threads with their items, conversation state and log in the threads' partitions, the
visitors' listings in `owners`, numbered hand-offs on the desk, and the names in `keys`
that lead to all of these.

A store has the history when a customer's email is at the history's own domain; then
nothing is written. Cosmos has no transaction across partitions, so the documents are
written in the order a unit of work commits them (see `unit_of_work`): the names in
`keys` first, then the data they lead to, the conversations last, each partition's in
transactional batches, many partitions at a time. A load cut short leaves a partial past
that a second load does not complete; every document it wrote is whole, and what it
names exists. This is the CLI's seeding, so it reads across partitions freely.
"""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from azure.core import MatchConditions
from azure.cosmos.aio import ContainerProxy, DatabaseProxy

from returndesk.domain import (
    Actor,
    Policy,
    ReasonCode,
    Resolution,
    ReturnEvent,
    ReturnMethod,
    ReturnStatus,
    from_cents,
    shipment_from_dict,
)
from returndesk.domain.dates import require_aware
from returndesk.errors import Conflict
from returndesk.store import demo_history
from returndesk.store.cosmos.bulk import in_batches, send_all
from returndesk.store.cosmos.containers import (
    CATALOG,
    CATALOG_PARTITION,
    CUSTOMERS,
    DESK,
    KEYS,
    OWNERS,
    THREADS,
    Container,
)
from returndesk.store.cosmos.counters import claim_numbers
from returndesk.store.cosmos.customer_documents import (
    customer_document_from_row,
    customer_name_zip_key,
    email_key,
    key_document,
    order_document_from_rows,
    order_key,
    payment_key,
)
from returndesk.store.cosmos.documents import document_id, stamp
from returndesk.store.cosmos.repositories.conversations import (
    STATE_ID,
    customer_thread_id,
    verified_id,
)
from returndesk.store.cosmos.repositories.handoffs import (
    HANDOFFS_PARTITION,
    handoff_document_id,
)
from returndesk.store.cosmos.repositories.returns import (
    customer_display_name,
    held_line_document,
    return_document,
    return_key_document_id,
    rma_key_document_id,
)
from returndesk.store.cosmos.thread_store import (
    item_document,
    next_seq,
    owned_thread_document,
    thread_document,
)
from returndesk.store.cosmos.unit_of_work import (
    Document,
    Phase,
    translated_errors,
)
from returndesk.store.demo_history import (
    EMAIL_DOMAIN,
    HISTORY_SEED,
    HistoryRows,
    Row,
    Variant,
    build_history,
)
from returndesk.store.port.errors import Contention, Duplicate
from returndesk.store.port.returns import StoredReturn, StoredReturnLine
from returndesk.store.port.seeding import HistoryCounts

_CUSTOMERS = "SELECT c.customer_id, c.email FROM c WHERE c.type = 'customer'"
_ORDER_IDS = "SELECT VALUE c.order_id FROM c WHERE c.type = 'order'"
_PRODUCTS = "SELECT c.product_id, c.name, c.variants FROM c WHERE c.type = 'product'"
_NAME_ZIP_KEYS = "SELECT * FROM c WHERE c.type = 'key' AND c.kind = 'name-zip'"


@dataclass(frozen=True, slots=True)
class _Write:
    operation: Literal["create", "replace"]
    document: Document
    # The ETag a replace must find: the document as it was read.
    etag: str | None = None


@dataclass(slots=True)
class _Plan:
    """Every write, by phase, then by container and partition, in the order made."""

    writes: dict[Phase, dict[tuple[Container, str], list[_Write]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )

    def create(self, container: Container, document: Document) -> None:
        self._add(container, _Write("create", document))

    def replace(self, container: Container, document: Document, etag: str) -> None:
        self._add(container, _Write("replace", document, etag))

    def _add(self, container: Container, write: _Write) -> None:
        partition = str(write.document[container.key])
        self.writes[_phase_of(container)][container, partition].append(write)


def _phase_of(container: Container) -> Phase:
    # As a unit of work commits: names first, conversations last.
    if container is KEYS:
        return Phase.LOOKUP
    if container is THREADS:
        return Phase.CONVERSATION
    return Phase.DATA


async def seed_history(
    database: DatabaseProxy, *, now: datetime, policy: Policy, seed: int = HISTORY_SEED
) -> HistoryCounts:
    """Load the past 90 days before `now`; nothing when it is loaded already."""
    require_aware(now, "now")
    customers, order_ids, products = await asyncio.gather(
        _query(database, CUSTOMERS, _CUSTOMERS, partition=None),
        _query(database, CUSTOMERS, _ORDER_IDS, partition=None),
        _query(database, CATALOG, _PRODUCTS, partition=CATALOG_PARTITION),
    )
    if any(str(customer["email"]).endswith(f"@{EMAIL_DOMAIN}") for customer in customers):
        return HistoryCounts()
    rows = build_history(
        random.Random(seed),
        now,
        policy,
        _catalogue(products),
        (str(order_id) for order_id in order_ids),
        (str(customer["customer_id"]) for customer in customers),
    )
    name_zip_keys = await _query(database, KEYS, _NAME_ZIP_KEYS, partition=None)
    handoffs = rows.rows(demo_history.HANDOFFS)
    first_number = (
        await claim_numbers(
            database, DESK, HANDOFFS_PARTITION, HANDOFFS_PARTITION, count=len(handoffs)
        )
        if handoffs
        else 1
    )
    plan = _Plan()
    customer_documents = _plan_customers(rows, name_zip_keys, plan)
    _plan_orders(rows, plan)
    _plan_returns(rows, customer_documents, plan)
    _plan_conversations(rows, plan)
    _plan_handoffs(handoffs, first_number, plan)
    try:
        await _write(database, plan)
    except (Duplicate, Contention) as exc:
        # Only a load or a change running at the same moment gets here.
        raise Conflict("Another load changed the store at the same time; run it again.") from exc
    return rows.counts()


# Reading what is there


async def _query(
    database: DatabaseProxy, container: Container, sql: str, *, partition: str | None
) -> list[Any]:
    proxy = database.get_container_client(container.name)
    found: list[Any] = []
    with translated_errors():
        if partition is None:
            pages = proxy.query_items(sql)
        else:
            pages = proxy.query_items(sql, partition_key=partition)
        async for document in pages:
            found.append(document)
    return found


def _catalogue(products: Iterable[Mapping[str, Any]]) -> list[Variant]:
    """Every variant with its product's name, by item id, as the SQL store lists them."""
    variants = [
        Variant(
            item_id=str(entry["item_id"]),
            product_id=str(product["product_id"]),
            name=str(product["name"]),
            options=dict(entry["options"]),
            price_cents=int(entry["price_cents"]),
        )
        for product in products
        for entry in product["variants"].values()
    ]
    return sorted(variants, key=lambda variant: variant.item_id)


# Turning rows into documents


def _grouped(rows: Iterable[Row], by: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row[by]].append(row)
    return groups


def _plan_customers(
    rows: HistoryRows, stored_name_zip_keys: Iterable[Document], plan: _Plan
) -> dict[str, Document]:
    """The customers with their payment methods and their names in `keys`; each customer's
    document by id."""
    methods_of = _grouped(rows.rows(demo_history.PAYMENT_METHODS), "customer_id")
    documents: dict[str, Document] = {}
    joining: dict[str, list[str]] = defaultdict(list)
    for row in rows.rows(demo_history.CUSTOMERS):
        customer_id = row["id"]
        document = customer_document_from_row(row, methods_of.get(customer_id, []))
        documents[customer_id] = document
        plan.create(CUSTOMERS, document)
        plan.create(
            KEYS, key_document(email_key(document["email"]), "email", customer_id=customer_id)
        )
        joining[customer_name_zip_key(document)].append(customer_id)
    for method in rows.rows(demo_history.PAYMENT_METHODS):
        plan.create(
            KEYS,
            key_document(payment_key(method["id"]), "payment", customer_id=method["customer_id"]),
        )
    # A name at a ZIP may be shared, with the store's own customers too: those keys grow.
    stored = {str(key["id"]): key for key in stored_name_zip_keys}
    for key_id, customer_ids in joining.items():
        present = stored.get(key_id)
        if present is None:
            plan.create(KEYS, key_document(key_id, "name-zip", customer_ids=customer_ids))
            continue
        listed = list(present.get("customer_ids", []))
        body = {k: v for k, v in present.items() if not k.startswith("_")}
        plan.replace(KEYS, {**body, "customer_ids": listed + customer_ids}, present["_etag"])
    return documents


def _plan_orders(rows: HistoryRows, plan: _Plan) -> None:
    lines_of = _grouped(rows.rows(demo_history.ORDER_LINES), "order_id")
    fulfilments_of = _grouped(rows.rows(demo_history.FULFILMENTS), "order_id")
    payments_of = _grouped(rows.rows(demo_history.PAYMENTS), "order_id")
    for row in rows.rows(demo_history.ORDERS):
        order_id = row["id"]
        document = order_document_from_rows(
            row,
            lines_of.get(order_id, []),
            fulfilments_of.get(order_id, []),
            payments_of.get(order_id, []),
        )
        plan.create(CUSTOMERS, document)
        plan.create(
            KEYS, key_document(order_key(order_id), "order", customer_id=row["customer_id"])
        )


def _plan_returns(rows: HistoryRows, customers: Mapping[str, Document], plan: _Plan) -> None:
    """Each return as `Returns.add` writes it: the return, its idempotency key and the
    guards on the lines it holds in its customer's partition, its number in `keys`."""
    lines_of = _grouped(rows.rows(demo_history.RETURN_LINES), "rma")
    events_of = _grouped(rows.rows(demo_history.RETURN_EVENTS), "rma")
    for row in rows.rows(demo_history.RETURNS):
        stored = _stored_return(row, lines_of.get(row["rma"], []), events_of.get(row["rma"], []))
        customer = customers[stored.customer_id]
        document = return_document(
            stored,
            customer_name=customer_display_name(customer),
            customer_email=str(customer["email"]),
        )
        plan.create(CUSTOMERS, document)
        plan.create(
            CUSTOMERS,
            {
                "id": return_key_document_id(stored.idempotency_key),
                "type": "return_key",
                "customer_id": stored.customer_id,
                "rma": stored.rma,
            },
        )
        for line in document["lines"]:
            if line["active"]:
                plan.create(CUSTOMERS, held_line_document(document, int(line["line_no"])))
        plan.create(
            KEYS,
            key_document(rma_key_document_id(stored.rma), "rma", customer_id=stored.customer_id),
        )


def _stored_return(row: Row, lines: Sequence[Row], events: Sequence[Row]) -> StoredReturn:
    """The return as the port knows it, its events in the order they were made."""
    method = row["method"]
    shipment = row["shipment"]
    return StoredReturn(
        rma=row["rma"],
        idempotency_key=row["idempotency_key"],
        order_id=row["order_id"],
        customer_id=row["customer_id"],
        thread_id=row["thread_id"],
        # The events bring it from requested to where it is.
        status=ReturnStatus.REQUESTED,
        reason=ReasonCode(row["reason_code"]),
        note=row["reason_note"],
        resolution=Resolution(row["resolution"]),
        refund_payment_method_id=row["refund_payment_method_id"],
        method=None if method is None else ReturnMethod(method),
        items_total=from_cents(row["items_total_cents"]),
        fees=from_cents(row["fees_cents"]),
        bonus=from_cents(row["bonus_cents"]),
        refund_amount=from_cents(row["refund_amount_cents"]),
        exchange_difference=from_cents(row["exchange_difference_cents"]),
        exchange_payment_method_id=row["exchange_payment_method_id"],
        keep_item=row["keep_item"],
        shipment=None if shipment is None else shipment_from_dict(shipment),
        lines=tuple(
            StoredReturnLine(
                line_no=line["line_no"],
                item_id=line["item_id"],
                product_id=line["product_id"],
                price=from_cents(line["price_cents"]),
                reason=ReasonCode(line["reason_code"]),
                note=line["reason_note"],
                exchange_item_id=line["exchange_item_id"],
            )
            for line in lines
        ),
        events=tuple(
            ReturnEvent(
                from_status=None
                if event["from_status"] is None
                else ReturnStatus(event["from_status"]),
                to_status=ReturnStatus(event["to_status"]),
                actor=Actor(event["actor"]),
                at=event["at"],
                note=event["note"],
                staff_member_id=event["staff_member_id"],
            )
            for event in events
        ),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _plan_conversations(rows: HistoryRows, plan: _Plan) -> None:
    """Each thread with its items, state and log; listed under its visitor, and under
    the customer they verified as."""
    items_of = _grouped(rows.rows(demo_history.THREAD_ITEMS), "thread_id")
    states = {row["thread_id"]: row for row in rows.rows(demo_history.CONVERSATION_STATES)}
    log_of = _grouped(rows.rows(demo_history.CONVERSATION_EVENTS), "thread_id")
    logged = 0
    for row in rows.rows(demo_history.THREADS):
        thread_id, owner_id = row["id"], row["owner_id"]
        seq = next_seq()
        thread = thread_document(
            thread_id,
            owner_id,
            row["created_at"],
            row["title"],
            row["data"],
            updated_at=row["updated_at"],
            seq=seq,
        )
        plan.create(THREADS, thread)
        plan.create(OWNERS, owned_thread_document(thread_id, owner_id, row["created_at"], seq=seq))
        for item in items_of.get(thread_id, []):
            plan.create(
                THREADS,
                item_document(
                    thread_id,
                    item["id"],
                    item["owner_id"],
                    item["created_at"],
                    item["data"],
                    seq=next_seq(),
                ),
            )
        state = states.get(thread_id)
        if state is not None:
            _plan_state(state, thread, plan)
        for entry in log_of.get(thread_id, []):
            logged += 1
            plan.create(THREADS, _log_document(entry, logged))


def _plan_state(state: Row, thread: Document, plan: _Plan) -> None:
    """The conversation state, and where a verified shopper's thread is listed, as
    `Conversations.save_state` writes them."""
    thread_id, owner_id, customer_id = state["thread_id"], state["owner_id"], state["customer_id"]
    plan.create(
        THREADS,
        {
            "id": STATE_ID,
            THREADS.key: thread_id,
            "type": "state",
            "owner_id": owner_id,
            "customer_id": customer_id,
            "version": state["version"],
            "data": state["data"],
            "updated_at": stamp(state["updated_at"]),
        },
    )
    if customer_id is None:
        return
    plan.create(
        CUSTOMERS,
        {
            "id": customer_thread_id(thread_id),
            CUSTOMERS.key: customer_id,
            "type": "customer_thread",
            "thread_id": thread_id,
            "owner_id": owner_id,
            "title": thread["title"],
            "created_at": thread["created_at"],
            "updated_at": thread["updated_at"],
        },
    )
    plan.create(
        OWNERS,
        {
            "id": verified_id(customer_id),
            OWNERS.key: owner_id,
            "type": "verified",
            "customer_id": customer_id,
        },
    )


def _log_document(entry: Row, number: int) -> Document:
    """A turn of the log, as `Conversations.log_event` writes it; `number` makes its id
    unique where the log's own writer draws random digits."""
    at = stamp(entry["at"])
    return {
        "id": document_id("log", at, f"{number:012x}"),
        THREADS.key: entry["thread_id"],
        "type": "log",
        "at": at,
        "customer_id": entry["customer_id"],
        "event": entry["event"],
        "flow": entry["flow"],
        "step": entry["step"],
        "answers": entry["answers"],
    }


def _plan_handoffs(handoffs: Sequence[Row], first_number: int, plan: _Plan) -> None:
    """The hand-offs, numbered from `first_number` in the order they were made, with the
    fields `Handoffs.add` writes and the ones a close sets."""
    for number, row in enumerate(handoffs, start=first_number):
        closed_at = row["closed_at"]
        plan.create(
            DESK,
            {
                "id": handoff_document_id(number),
                DESK.key: HANDOFFS_PARTITION,
                "type": "handoff",
                "number": number,
                "thread_id": row["thread_id"],
                "customer_id": row["customer_id"],
                "summary": row["summary"],
                "created_at": stamp(row["created_at"]),
                "status": row["status"],
                "order_id": None,
                "rma": None,
                "claimed_by": None,
                "claimed_at": None,
                "first_reply_at": None,
                "closed_at": None if closed_at is None else stamp(closed_at),
                "close_note": row["close_note"],
            },
        )


# Writing


async def _write(database: DatabaseProxy, plan: _Plan) -> None:
    """Phase by phase; within one, every partition's writes at once, a bounded number at
    a time."""
    for phase in sorted(plan.writes):
        sends = [
            _send(database.get_container_client(container.name), partition, chunk)
            for (container, partition), writes in plan.writes[phase].items()
            for chunk in in_batches(writes)
        ]
        await send_all(sends)


def _send(
    proxy: ContainerProxy, partition: str, writes: Sequence[_Write]
) -> Callable[[], Awaitable[Any]]:
    """One partition's writes: a single one as itself, several as a transactional batch."""
    if len(writes) == 1:
        write = writes[0]
        if write.operation == "create":
            return lambda: proxy.create_item(write.document)
        return lambda: proxy.replace_item(
            write.document["id"],
            write.document,
            etag=write.etag,
            match_condition=MatchConditions.IfNotModified,
        )
    operations = [_batch_operation(write) for write in writes]
    return lambda: proxy.execute_item_batch(operations, partition_key=partition)


def _batch_operation(write: _Write) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    if write.operation == "create":
        return ("create", (write.document,), {})
    return ("replace", (write.document["id"], write.document), {"if_match_etag": write.etag})
