"""Load store data (customers, catalogue, orders) from seed files into Cosmos DB.

Everything is validated before the first write, as the SQL load does. Cosmos has no
transaction across partitions, so the load is written in two steps: first the names in
`keys` and the catalogue's variant look-ups (each written whole, so writing it again
changes nothing), then the documents they lead to, each partition's in transactional
batches. Whether something is already loaded is judged by those documents alone: a load
that stopped halfway is completed by running it again, which adds what is missing and
leaves the rest as it is. Documents are built in memory first and written many at a time.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import astuple, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from azure.core import MatchConditions
from azure.cosmos.aio import ContainerProxy, DatabaseProxy

from returndesk.domain.dates import require_aware
from returndesk.errors import Conflict, DataError
from returndesk.store.cosmos.bulk import in_batches, send_all
from returndesk.store.cosmos.containers import (
    CATALOG,
    CATALOG_PARTITION,
    CUSTOMERS,
    KEYS,
    Container,
)
from returndesk.store.cosmos.customer_documents import (
    customer_document_from_row,
    customer_name_zip_key,
    email_key,
    key_document,
    order_document_from_rows,
    order_key,
    payment_key,
    payment_method_document,
    payment_method_from_row,
)
from returndesk.store.cosmos.repositories.catalog import (
    product_document,
    variant_document,
    variant_entry,
)
from returndesk.store.cosmos.unit_of_work import Document, translated_errors
from returndesk.store.port.errors import Contention, Duplicate
from returndesk.store.port.seeding import SeedCounts, SeedReport
from returndesk.store.seed_checks import check_seed_data
from returndesk.store.seed_format import USERS, read_seed_data
from returndesk.store.seed_rows import Row, SeedRows, build_rows

# What the load needs to know of the store; the whole catalogue and every customer
# document are small, and a load is an administrator's command, so it may read across
# partitions.
_CUSTOMERS = "SELECT * FROM c WHERE c.type = 'customer'"
_ORDER_IDS = "SELECT VALUE c.order_id FROM c WHERE c.type = 'order'"
_PRODUCTS = "SELECT * FROM c WHERE c.type = 'product'"
_NAME_ZIP_KEYS = "SELECT * FROM c WHERE c.type = 'key' AND c.kind = 'name-zip'"

BatchOperation = tuple[str, tuple[Any, ...], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class _Stored:
    """The documents already in the store, without system fields, and their ETags."""

    customers: dict[str, Document]
    order_ids: set[str]
    products: dict[str, Document]
    name_zip_keys: dict[str, Document]
    # By container, partition and id: a rewrite must find the document as it was read.
    etags: dict[tuple[str, str, str], str]

    def etag(self, container: Container, document: Document) -> str:
        return self.etags[container.name, str(document[container.key]), document["id"]]


@dataclass(slots=True)
class _Plan:
    # Whole names in `keys`, each its own partition.
    keys: list[Document] = field(default_factory=list)
    # Name-and-ZIP keys merged with what is stored: (document, ETag of the stored one).
    name_zip_keys: list[tuple[Document, str | None]] = field(default_factory=list)
    variant_lookups: list[Document] = field(default_factory=list)
    # Per customer: the customer, changed or new, and their new orders.
    customer_partitions: dict[str, list[BatchOperation]] = field(
        default_factory=lambda: defaultdict(list)
    )
    products: list[BatchOperation] = field(default_factory=list)


async def seed_store(database: DatabaseProxy, folder: Path, *, now: datetime) -> SeedReport:
    """Load the seed files in `folder`; days ago in the overlay count back from `now`.

    Raises `DataError` naming the file and the field before anything is written.
    """
    require_aware(now, "now")
    data = read_seed_data(folder)
    check_seed_data(data)
    rows = build_rows(data, now)
    try:
        stored = await _stored(database)
        plan = _Plan()
        report = _plan_load(rows, stored, plan)
        await _write(database, plan)
    except (Duplicate, Contention) as exc:
        # Only a load or a change running at the same moment gets here.
        raise Conflict("Another load changed the store at the same time; run it again.") from exc
    return report


# Reading what is there


async def _stored(database: DatabaseProxy) -> _Stored:
    customers, order_ids, products, name_zip_keys = await asyncio.gather(
        _query(database, CUSTOMERS, _CUSTOMERS, partition=None),
        _query(database, CUSTOMERS, _ORDER_IDS, partition=None),
        _query(database, CATALOG, _PRODUCTS, partition=CATALOG_PARTITION),
        _query(database, KEYS, _NAME_ZIP_KEYS, partition=None),
    )
    etags: dict[tuple[str, str, str], str] = {}

    def by(name: str, container: Container, documents: list[Any]) -> dict[str, Document]:
        kept: dict[str, Document] = {}
        for document in documents:
            # The system fields (`_etag`, `_ts`...) are Cosmos's to write, not a load's.
            kept[str(document[name])] = {k: v for k, v in document.items() if k[0] != "_"}
            where = (container.name, str(document[container.key]), str(document["id"]))
            etags[where] = document["_etag"]
        return kept

    return _Stored(
        customers=by("customer_id", CUSTOMERS, customers),
        order_ids={str(order_id) for order_id in order_ids},
        products=by("product_id", CATALOG, products),
        name_zip_keys=by("id", KEYS, name_zip_keys),
        etags=etags,
    )


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


# Deciding what to write


def _plan_load(rows: SeedRows, stored: _Stored, plan: _Plan) -> SeedReport:
    customers = [row for row in rows.customers if row["id"] not in stored.customers]
    _refuse_taken_emails(customers, stored.customers.values())
    stored_methods = {
        method["id"]
        for document in stored.customers.values()
        for method in document.get("payment_methods", ())
    }
    methods = [row for row in rows.payment_methods if row["id"] not in stored_methods]
    _plan_customers(customers, methods, stored, plan)

    stored_variants = {
        item_id for document in stored.products.values() for item_id in document["variants"]
    }
    products = [row for row in rows.products if row["id"] not in stored.products]
    variants = [row for row in rows.variants if row["item_id"] not in stored_variants]
    _plan_catalog(products, variants, stored, plan)

    orders = [row for row in rows.orders if row["id"] not in stored.order_ids]
    new_orders = {row["id"] for row in orders}
    lines = [row for row in rows.order_lines if row["order_id"] in new_orders]
    _plan_orders(orders, lines, rows, plan)

    added = SeedCounts(
        len(customers), len(methods), len(products), len(variants), len(orders), len(lines)
    )
    offered = SeedCounts(
        len(rows.customers),
        len(rows.payment_methods),
        len(rows.products),
        len(rows.variants),
        len(rows.orders),
        len(rows.order_lines),
    )
    skipped = SeedCounts(*(o - a for o, a in zip(astuple(offered), astuple(added), strict=True)))
    return SeedReport(added=added, skipped=skipped)


def _refuse_taken_emails(customers: Iterable[Row], stored: Iterable[Document]) -> None:
    """A new customer may not take an email a stored one holds (SQL's unique index)."""
    by_email = {row["email"]: row["id"] for row in customers}
    owners = {document["email"]: document["customer_id"] for document in stored}
    taken = sorted(by_email.keys() & owners.keys())
    if taken:
        email = taken[0]
        raise DataError(
            USERS,
            f"{by_email[email]}.email",
            f"{email} is already customer {owners[email]}'s email",
        )


def _plan_customers(added: list[Row], methods: list[Row], stored: _Stored, plan: _Plan) -> None:
    """`added`: the new customers; `methods`: the new payment methods, theirs or not."""
    methods_of = _grouped(methods, "customer_id")
    joining: dict[str, list[str]] = defaultdict(list)
    for row in added:
        document = customer_document_from_row(row, methods_of.pop(row["id"], []))
        email = key_document(email_key(document["email"]), "email", customer_id=row["id"])
        plan.keys.append(email)
        joining[customer_name_zip_key(document)].append(row["id"])
        plan.customer_partitions[row["id"]].append(("create", (document,), {}))
    # New payment methods of customers already stored join their documents.
    for customer_id, new in methods_of.items():
        document = stored.customers[customer_id]
        document["payment_methods"].extend(
            payment_method_document(payment_method_from_row(row)) for row in new
        )
        if_match = {"if_match_etag": stored.etag(CUSTOMERS, document)}
        plan.customer_partitions[customer_id].append(
            ("replace", (document["id"], document), if_match)
        )
    plan.keys.extend(
        key_document(payment_key(row["id"]), "payment", customer_id=row["customer_id"])
        for row in methods
    )
    for key_id, customer_ids in joining.items():
        present = stored.name_zip_keys.get(key_id)
        if present is None:
            plan.name_zip_keys.append(
                (key_document(key_id, "name-zip", customer_ids=customer_ids), None)
            )
            continue
        listed = list(present.get("customer_ids", []))
        missing = [customer_id for customer_id in customer_ids if customer_id not in listed]
        if missing:
            etag = stored.etag(KEYS, present)
            plan.name_zip_keys.append(({**present, "customer_ids": listed + missing}, etag))


def _plan_catalog(products: list[Row], variants: list[Row], stored: _Stored, plan: _Plan) -> None:
    variants_of = _grouped(variants, "product_id")
    # After the products stored, in the order of the seed files.
    for position, row in enumerate(products, start=len(stored.products)):
        document = product_document(row, variants_of.pop(row["id"], []), position=position)
        plan.products.append(("create", (document,), {}))
    for product_id, new in variants_of.items():
        document = stored.products[product_id]
        document["variants"].update((row["item_id"], variant_entry(row)) for row in new)
        if_match = {"if_match_etag": stored.etag(CATALOG, document)}
        plan.products.append(("replace", (document["id"], document), if_match))
    plan.variant_lookups.extend(
        variant_document(row["item_id"], row["product_id"]) for row in variants
    )


def _plan_orders(orders: list[Row], lines: list[Row], rows: SeedRows, plan: _Plan) -> None:
    lines_of = _grouped(lines, "order_id")
    fulfilments_of = _grouped(rows.fulfilments, "order_id")
    payments_of = _grouped(rows.transactions, "order_id")
    for row in orders:
        document = order_document_from_rows(
            row,
            lines_of.get(row["id"], []),
            fulfilments_of.get(row["id"], []),
            payments_of.get(row["id"], []),
        )
        plan.keys.append(
            key_document(order_key(row["id"]), "order", customer_id=row["customer_id"])
        )
        plan.customer_partitions[row["customer_id"]].append(("create", (document,), {}))


def _grouped(rows: Iterable[Row], by: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row[by]].append(row)
    return dict(groups)


# Writing


async def _write(database: DatabaseProxy, plan: _Plan) -> None:
    keys = database.get_container_client(KEYS.name)
    catalog = database.get_container_client(CATALOG.name)
    customers = database.get_container_client(CUSTOMERS.name)

    # The names first, so that every document written next can be found at once.
    writes: list[Callable[[], Awaitable[Any]]] = [_upsert(keys, key) for key in plan.keys]
    writes.extend(_name_zip_write(keys, document, etag) for document, etag in plan.name_zip_keys)
    writes.extend(
        _batch(catalog, CATALOG_PARTITION, chunk)
        for chunk in in_batches([_batch_upsert(document) for document in plan.variant_lookups])
    )
    await send_all(writes)

    writes = [
        _batch(customers, customer_id, chunk)
        for customer_id, operations in plan.customer_partitions.items()
        for chunk in in_batches(operations)
    ]
    writes.extend(_batch(catalog, CATALOG_PARTITION, chunk) for chunk in in_batches(plan.products))
    await send_all(writes)


def _upsert(proxy: ContainerProxy, document: Document) -> Callable[[], Awaitable[Any]]:
    return lambda: proxy.upsert_item(document)


def _name_zip_write(
    proxy: ContainerProxy, document: Document, etag: str | None
) -> Callable[[], Awaitable[Any]]:
    if etag is None:
        return lambda: proxy.create_item(document)
    return lambda: proxy.replace_item(
        document["id"], document, etag=etag, match_condition=MatchConditions.IfNotModified
    )


def _batch_upsert(document: Document) -> BatchOperation:
    return ("upsert", (document,), {})


def _batch(
    proxy: ContainerProxy, partition: str, operations: Sequence[BatchOperation]
) -> Callable[[], Awaitable[Any]]:
    return lambda: proxy.execute_item_batch(operations, partition_key=partition)
