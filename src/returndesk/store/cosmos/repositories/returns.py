"""Returns on Cosmos DB: one document per return in its customer's partition, holding its
lines, amounts, shipment and history, found by number through the `keys` container.

A return is created in one batch of its customer's partition with two kinds of guard
document beside it, each a create that fails the batch with `Duplicate` when taken:

- its idempotency key (`return-key`): a second request with the same key makes nothing;
- one `return-line` document per order line it holds: no line is in two live returns at
  once, as the partial unique index on active return lines ensures in SQL. A cancelled
  return deletes its line documents, freeing the lines for a new return.

Every change replaces the document under the ETag of the read that found it, so two
writers moving one return at once cannot both succeed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from returndesk.domain import (
    ACTIVE,
    Actor,
    ExistingReturn,
    ReasonCode,
    Resolution,
    ReturnEvent,
    ReturnMethod,
    ReturnStatus,
    Shipment,
    normalize_rma,
    round_cents,
    shipment_from_dict,
    shipment_to_dict,
)
from returndesk.errors import NotFound
from returndesk.store.cosmos.containers import CUSTOMERS, KEYS
from returndesk.store.cosmos.customer_documents import (
    CUSTOMER_DOCUMENT_ID,
    exact_amount,
    key_document,
)
from returndesk.store.cosmos.documents import document_id, instant, stamp
from returndesk.store.cosmos.unit_of_work import Document, Unit
from returndesk.store.port.returns import StoredReturn, StoredReturnLine

_RETURNS = "SELECT * FROM c WHERE c.type = 'return'"
_RMAS = "SELECT c.rma, c.created_at FROM c WHERE c.type = 'return'"
_ON_ORDERS = (
    "SELECT c.rma, c.order_id, c.status, c.lines FROM c"
    " WHERE c.type = 'return' AND ARRAY_CONTAINS(@order_ids, c.order_id)"
)
_IN_STATUSES = "SELECT c.rma FROM c WHERE c.type = 'return' AND ARRAY_CONTAINS(@statuses, c.status)"


def return_document_id(rma: str) -> str:
    return document_id("return", rma)


def return_key_document_id(idempotency_key: str) -> str:
    return document_id("return-key", idempotency_key)


def rma_key_document_id(rma: str) -> str:
    return document_id("rma", rma)


def held_line_document_id(order_id: str, line_no: int) -> str:
    return document_id("return-line", order_id, str(line_no))


def customer_display_name(customer: Document) -> str:
    """The name the staff queue shows, as the SQL queue joins it: first and last."""
    return f"{customer['first_name']} {customer['last_name']}"


def return_document(new: StoredReturn, *, customer_name: str, customer_email: str) -> Document:
    """The return's document as `Returns.add` writes it, its events applied in turn."""
    # Each amount as text and as cents; fractions of a cent are refused, as SQL's cents
    # columns refuse them.
    items_total, items_total_cents = exact_amount(new.items_total)
    refund_amount, refund_cents = exact_amount(new.refund_amount)
    document: Document = {
        "id": return_document_id(new.rma),
        "type": "return",
        "customer_id": new.customer_id,
        "rma": new.rma,
        "idempotency_key": new.idempotency_key,
        "order_id": new.order_id,
        "thread_id": new.thread_id,
        "status": new.status.value,
        "reason": new.reason.value,
        "note": new.note,
        "resolution": new.resolution.value,
        "refund_payment_method_id": new.refund_payment_method_id,
        "method": None if new.method is None else new.method.value,
        "items_total": items_total,
        "items_total_cents": items_total_cents,
        "fees": exact_amount(new.fees)[0],
        "bonus": exact_amount(new.bonus)[0],
        "refund_amount": refund_amount,
        "refund_cents": refund_cents,
        "exchange_difference": exact_amount(new.exchange_difference)[0],
        "exchange_payment_method_id": new.exchange_payment_method_id,
        "keep_item": new.keep_item,
        "shipment": None if new.shipment is None else shipment_to_dict(new.shipment),
        "lines": [
            {
                "line_no": line.line_no,
                "item_id": line.item_id,
                "product_id": line.product_id,
                "price": exact_amount(line.price)[0],
                "reason": line.reason.value,
                "note": line.note,
                "exchange_item_id": line.exchange_item_id,
                "active": True,
            }
            for line in new.lines
        ],
        "events": [],
        "created_at": stamp(new.created_at),
        "updated_at": stamp(new.updated_at),
        # For the staff queue, which lists returns without reading each customer.
        "customer_name": customer_name,
        "customer_email": customer_email,
    }
    for event in new.events:
        apply_event(document, event)
    return document


def held_line_document(document: Document, line_no: int) -> Document:
    """The guard document saying this return holds the order line."""
    return {
        "id": held_line_document_id(document["order_id"], line_no),
        "type": "return_line",
        "customer_id": document["customer_id"],
        "order_id": document["order_id"],
        "line_no": line_no,
        "rma": document["rma"],
    }


def apply_event(document: Document, event: ReturnEvent) -> list[int]:
    """Apply `event` to the document: its status, its history and which lines it still
    holds. The numbers of the lines it lets go of."""
    document["events"].append(
        {
            "from_status": None if event.from_status is None else event.from_status.value,
            "to_status": event.to_status.value,
            "actor": event.actor.value,
            "at": stamp(event.at),
            "note": event.note,
            "staff_member_id": event.staff_member_id,
        }
    )
    document["status"] = event.to_status.value
    document["updated_at"] = stamp(event.at)
    released: list[int] = []
    if event.to_status not in ACTIVE:
        for line in document["lines"]:
            if line.get("active", True):
                line["active"] = False
                released.append(int(line["line_no"]))
    return released


def _amount(text: str) -> Decimal:
    # Two decimal places, as the SQL store's integer cents give them back.
    return round_cents(Decimal(text))


def return_from_document(document: Document) -> StoredReturn:
    method = document.get("method")
    shipment = document.get("shipment")
    return StoredReturn(
        rma=document["rma"],
        idempotency_key=document["idempotency_key"],
        order_id=document["order_id"],
        customer_id=document["customer_id"],
        thread_id=document.get("thread_id"),
        status=ReturnStatus(document["status"]),
        reason=ReasonCode(document["reason"]),
        note=document.get("note"),
        resolution=Resolution(document["resolution"]),
        refund_payment_method_id=document.get("refund_payment_method_id"),
        method=None if method is None else ReturnMethod(method),
        items_total=_amount(document["items_total"]),
        fees=_amount(document["fees"]),
        bonus=_amount(document["bonus"]),
        refund_amount=_amount(document["refund_amount"]),
        exchange_difference=_amount(document["exchange_difference"]),
        exchange_payment_method_id=document.get("exchange_payment_method_id"),
        keep_item=bool(document["keep_item"]),
        shipment=None if shipment is None else shipment_from_dict(shipment),
        lines=tuple(
            StoredReturnLine(
                line_no=int(line["line_no"]),
                item_id=line["item_id"],
                product_id=line["product_id"],
                price=_amount(line["price"]),
                reason=ReasonCode(line["reason"]),
                note=line.get("note"),
                exchange_item_id=line.get("exchange_item_id"),
            )
            for line in document["lines"]
        ),
        events=tuple(
            ReturnEvent(
                from_status=None
                if event.get("from_status") is None
                else ReturnStatus(event["from_status"]),
                to_status=ReturnStatus(event["to_status"]),
                actor=Actor(event["actor"]),
                at=instant(event["at"]),
                note=event.get("note"),
                staff_member_id=event.get("staff_member_id"),
            )
            for event in document["events"]
        ),
        created_at=instant(document["created_at"]),
        updated_at=instant(document["updated_at"]),
    )


def _newest_first(documents: list[Document]) -> list[Document]:
    """By creation, newest first; returns made at one instant by number, as SQL orders
    them (a mixed-direction ORDER BY would need an index of its own)."""
    by_number = sorted(documents, key=lambda document: str(document["rma"]))
    # A stable sort: within one instant the numbers keep their ascending order.
    return sorted(by_number, key=lambda document: str(document["created_at"]), reverse=True)


class CosmosReturns:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def _document(self, rma: str) -> Document:
        canonical = normalize_rma(rma)
        if canonical is None:
            # Nothing else can name a return, so text of any shape is never looked up.
            raise NotFound(f"Return {rma.strip().upper()[:32]} was not found.")
        key_id = rma_key_document_id(canonical)
        key = await self.unit.read(KEYS, key_id, key_id)
        found = (
            None
            if key is None
            else await self.unit.read(CUSTOMERS, key["customer_id"], return_document_id(canonical))
        )
        if found is None:
            raise NotFound(f"Return {canonical} was not found.")
        return found

    async def get(self, rma: str, *, for_update: bool = False) -> StoredReturn:
        # Every change to a return replaces it under the ETag this read remembers, so a
        # change by another writer meanwhile fails this unit: nothing to lock beforehand.
        del for_update
        return return_from_document(await self._document(rma))

    async def find_by_idempotency_key(self, customer_id: str, key: str) -> StoredReturn | None:
        found = await self.unit.read(CUSTOMERS, customer_id, return_key_document_id(key))
        if found is None:
            return None
        document = await self.unit.read(CUSTOMERS, customer_id, return_document_id(found["rma"]))
        return None if document is None else return_from_document(document)

    async def newest_first(self, *, customer_id: str | None = None) -> Sequence[StoredReturn]:
        # Without a customer: every return, for the staff console and sweeps only.
        documents = await self.unit.query(CUSTOMERS, _RETURNS, partition=customer_id)
        return [return_from_document(document) for document in _newest_first(documents)]

    async def customer_rmas(self, customer_id: str) -> Sequence[str]:
        rows = await self.unit.query(CUSTOMERS, _RMAS, partition=customer_id)
        return [str(row["rma"]) for row in _newest_first(rows)]

    async def existing(self, customer_id: str, order_ids: Sequence[str]) -> list[ExistingReturn]:
        if not order_ids:
            return []
        rows = await self.unit.query(
            CUSTOMERS, _ON_ORDERS, {"@order_ids": list(order_ids)}, partition=customer_id
        )
        # Every line the return was made with, held or let go, as SQL reads them; a
        # return without lines is not one eligibility needs to know of.
        return [
            ExistingReturn(
                row["rma"],
                row["order_id"],
                ReturnStatus(row["status"]),
                frozenset(int(line["line_no"]) for line in row["lines"]),
            )
            for row in rows
            if row.get("lines")
        ]

    async def rmas_in(self, statuses: Sequence[ReturnStatus]) -> Sequence[str]:
        if not statuses:
            return []
        # Sweeps over the whole store: across every customer's partition.
        rows = await self.unit.query(
            CUSTOMERS,
            _IN_STATUSES,
            {"@statuses": [status.value for status in statuses]},
            partition=None,
        )
        return [str(row["rma"]) for row in rows]

    async def add(self, new: StoredReturn) -> None:
        customer = await self.unit.read(CUSTOMERS, new.customer_id, CUSTOMER_DOCUMENT_ID)
        if customer is None:
            raise NotFound(f"Customer {new.customer_id} was not found.")
        document = return_document(
            new,
            customer_name=customer_display_name(customer),
            customer_email=str(customer["email"]),
        )
        # One batch in the customer's partition: the return, its key and its lines'
        # guards are written together, or a taken key or line fails them all.
        self.unit.create(CUSTOMERS, document)
        self.unit.create(
            CUSTOMERS,
            {
                "id": return_key_document_id(new.idempotency_key),
                "type": "return_key",
                "customer_id": new.customer_id,
                "rma": new.rma,
            },
        )
        for line in document["lines"]:
            if line["active"]:
                self.unit.create(CUSTOMERS, held_line_document(document, int(line["line_no"])))
        rma_key = rma_key_document_id(new.rma)
        self.unit.create(KEYS, key_document(rma_key, "rma", customer_id=new.customer_id))

    async def record_event(
        self, rma: str, event: ReturnEvent, *, shipment: Shipment | None = None
    ) -> None:
        document = await self._document(rma)
        released = apply_event(document, event)
        if shipment is not None:
            document["shipment"] = shipment_to_dict(shipment)
        for line_no in released:
            await self._release(document, line_no)
        self.unit.replace(CUSTOMERS, document)

    async def _release(self, document: Document, line_no: int) -> None:
        """Free the order line for another return, when this return's guard holds it
        (a return loaded by the seed may have none)."""
        guard_id = held_line_document_id(document["order_id"], line_no)
        guard = await self.unit.read(CUSTOMERS, document["customer_id"], guard_id)
        if guard is not None and guard.get("rma") == document["rma"]:
            self.unit.delete(CUSTOMERS, document["customer_id"], guard_id)
