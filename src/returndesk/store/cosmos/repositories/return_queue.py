"""The staff queue of returns on Cosmos DB: filtered, searched and paged by one query.

Pages are keyset pages, newest first: a page starts strictly after the last return of
the one before, by (created_at, rma), so reading page 500 costs what page 1 costs, and a
return arriving meanwhile does not shift what follows. The query orders by
(created_at, id), which the customers container's composite index serves; a return's id
is its number behind a fixed prefix, so it orders as the number does.

The queue is the staff console's: it reads across every customer's partition, or one
partition when it is narrowed to a customer. The customer's name and email come from
the return's own document, where they were copied when it was made.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from returndesk.domain import ReasonCode, Resolution, ReturnMethod, ReturnStatus, round_cents
from returndesk.store.cosmos.containers import CUSTOMERS, KEYS
from returndesk.store.cosmos.customer_documents import email_key
from returndesk.store.cosmos.documents import instant, stamp
from returndesk.store.cosmos.unit_of_work import Document, Unit
from returndesk.store.port.return_queue import QueueEntry, QueueFilter, QueuePosition
from returndesk.store.port.staff_search import SearchKind, SearchTerm, search_term

_ENTRY_FIELDS = (
    "c.rma, c.status, c.created_at, c.order_id, c.customer_id, c.customer_name,"
    " c.customer_email, c.reason, c.resolution, c.method, c.items_total, c.refund_amount,"
    " ARRAY_LENGTH(c.lines) AS item_count"
)
_REVIEW_COUNT = "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'return' AND c.status = @status"
_NAMED_FIRST_AND_LAST = (
    "SELECT c.customer_id FROM c WHERE c.type = 'customer'"
    " AND LOWER(c.first_name) = @first AND LOWER(c.last_name) = @last"
)
_NAMED_ONE_WORD = (
    "SELECT c.customer_id FROM c WHERE c.type = 'customer'"
    " AND (LOWER(c.first_name) = @name OR LOWER(c.last_name) = @name OR c.customer_id = @name)"
)


class _Query:
    """A WHERE clause built a condition at a time, each value a parameter."""

    def __init__(self) -> None:
        self.conditions: list[str] = ["c.type = 'return'"]
        self.parameters: dict[str, Any] = {}

    def where(self, condition: str, **values: Any) -> None:
        self.conditions.append(condition)
        self.parameters.update({f"@{name}": value for name, value in values.items()})

    def sql(self) -> str:
        return (
            f"SELECT TOP @limit {_ENTRY_FIELDS} FROM c WHERE {' AND '.join(self.conditions)}"
            " ORDER BY c.created_at DESC, c.id DESC"
        )


def _filtered(queue_filter: QueueFilter) -> _Query:
    """The filter's conditions but its search, which needs reads of its own."""
    query = _Query()
    if queue_filter.statuses:
        query.where(
            "ARRAY_CONTAINS(@statuses, c.status)",
            statuses=[status.value for status in dict.fromkeys(queue_filter.statuses)],
        )
    if queue_filter.resolutions:
        query.where(
            "ARRAY_CONTAINS(@resolutions, c.resolution)",
            resolutions=[resolution.value for resolution in queue_filter.resolutions],
        )
    if queue_filter.methods:
        query.where(
            "ARRAY_CONTAINS(@methods, c.method)",
            methods=[method.value for method in queue_filter.methods],
        )
    if queue_filter.created_from is not None:
        query.where("c.created_at >= @created_from", created_from=stamp(queue_filter.created_from))
    if queue_filter.created_before is not None:
        query.where(
            "c.created_at < @created_before", created_before=stamp(queue_filter.created_before)
        )
    if queue_filter.min_items_total_cents is not None:
        query.where(
            "c.items_total_cents >= @min_cents", min_cents=queue_filter.min_items_total_cents
        )
    if queue_filter.max_items_total_cents is not None:
        query.where(
            "c.items_total_cents <= @max_cents", max_cents=queue_filter.max_items_total_cents
        )
    if queue_filter.customer_id is not None:
        query.where("c.customer_id = @customer_id", customer_id=queue_filter.customer_id)
    return query


def _entry(row: Document) -> QueueEntry:
    method = row.get("method")
    return QueueEntry(
        rma=row["rma"],
        status=ReturnStatus(row["status"]),
        created_at=instant(row["created_at"]),
        order_id=row["order_id"],
        customer_id=row["customer_id"],
        customer_name=row.get("customer_name") or "",
        customer_email=row.get("customer_email") or "",
        reason=ReasonCode(row["reason"]),
        resolution=Resolution(row["resolution"]),
        method=None if method is None else ReturnMethod(method),
        items_total=round_cents(Decimal(row["items_total"])),
        refund_amount=round_cents(Decimal(row["refund_amount"])),
        item_count=int(row.get("item_count") or 0),
    )


class CosmosReturnQueue:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def page(
        self, queue_filter: QueueFilter, *, after: QueuePosition | None, limit: int
    ) -> Sequence[QueueEntry]:
        """Up to `limit` returns, newest first, after `after` when it is given."""
        if limit <= 0:
            return []
        query = _filtered(queue_filter)
        query.parameters["@limit"] = limit
        term = None if queue_filter.search is None else search_term(queue_filter.search)
        if term is not None and not await self._narrow_to(query, term, queue_filter.customer_id):
            return []
        if after is not None:
            query.where(
                "(c.created_at < @after_at OR (c.created_at = @after_at AND c.rma < @after_rma))",
                after_at=stamp(after.created_at),
                after_rma=after.rma,
            )
        rows = await self.unit.query(
            CUSTOMERS,
            query.sql(),
            query.parameters,
            partition=queue_filter.customer_id,
            max_items=limit,
        )
        return [_entry(row) for row in rows[:limit]]

    async def _narrow_to(self, query: _Query, term: SearchTerm, customer_id: str | None) -> bool:
        """Add the search's condition; False when it names nothing, so no return matches."""
        match term.kind:
            case SearchKind.RMA:
                query.where("c.rma = @rma", rma=term.value)
            case SearchKind.ORDER:
                query.where("c.order_id = @order_id", order_id=term.value)
            case SearchKind.EMAIL | SearchKind.NAME:
                customers = await self._matching_customers(term)
                if customer_id is not None:
                    customers = [found for found in customers if found == customer_id]
                if not customers:
                    return False
                query.where("ARRAY_CONTAINS(@customers, c.customer_id)", customers=customers)
        return True

    async def _matching_customers(self, term: SearchTerm) -> list[str]:
        """The ids of the customers an email or a name names, as the SQL search matches
        them: the email exactly; two words or more as first and last name; one word as
        either name or the customer's id."""
        if term.kind is SearchKind.EMAIL:
            key_id = email_key(term.value)
            key = await self.unit.read(KEYS, key_id, key_id)
            return [] if key is None else [str(key["customer_id"])]
        words = term.value.split(" ")
        if len(words) >= 2:
            rows = await self.unit.query(
                CUSTOMERS,
                _NAMED_FIRST_AND_LAST,
                {"@first": words[0], "@last": " ".join(words[1:])},
                partition=None,
            )
        else:
            rows = await self.unit.query(
                CUSTOMERS, _NAMED_ONE_WORD, {"@name": term.value}, partition=None
            )
        return list(dict.fromkeys(str(row["customer_id"]) for row in rows))

    async def review_count(self) -> int:
        """Returns waiting for a person's decision, for the console's header."""
        found: list[Any] = await self.unit.query(
            CUSTOMERS,
            _REVIEW_COUNT,
            {"@status": ReturnStatus.NEEDS_REVIEW.value},
            partition=None,
        )
        return int(sum(found))
