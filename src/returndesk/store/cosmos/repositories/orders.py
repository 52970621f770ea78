"""Orders on Cosmos DB: each order one document in its customer's partition, lines,
fulfilments and payment history inside it, found by id through the `keys` container.

Every change reads the order through the unit of work and replaces it whole, so the write
carries the ETag of that read: a change by someone else in between fails it with
`Contention`, and the command runs again on what the other wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from returndesk.domain import Address, Order, OrderLine, OrderStatus, TransactionKind
from returndesk.errors import NotFound
from returndesk.store.cosmos.containers import CUSTOMERS, KEYS
from returndesk.store.cosmos.customer_documents import (
    order_document_id,
    order_from_document,
    order_key,
    order_line_document,
    payment_document,
)
from returndesk.store.cosmos.documents import stamp
from returndesk.store.cosmos.unit_of_work import Document, Unit
from returndesk.store.port.orders import normalize_order_id

_ORDERS = "SELECT * FROM c WHERE c.type = 'order'"
_STATUSES = "SELECT c.order_id, c.status, c.placed_at FROM c WHERE c.type = 'order'"


def _newest_first(documents: list[Document]) -> list[Document]:
    """By placing, newest first, then by id, as the SQL store orders a customer's orders
    (sorted here: the composite index serves both fields in one direction only)."""
    by_id = sorted(documents, key=lambda document: document["order_id"])
    return sorted(by_id, key=lambda document: document["placed_at"], reverse=True)


class CosmosOrders:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def get(self, order_id: str, *, for_update: bool = False) -> Order:
        document = await self._document(order_id)
        if for_update and self.unit.writable:
            # Cosmos cannot make others wait: the order is written back unchanged under the
            # ETag of this read, so if anyone changes it before this unit commits, this
            # unit's writes to the customer's partition fail together and run again.
            self.unit.replace(CUSTOMERS, document)
        return order_from_document(document)

    async def customer_order(self, customer_id: str, order_id: str) -> Order:
        wanted = normalize_order_id(order_id)
        document = await self.unit.read(CUSTOMERS, customer_id, order_document_id(wanted))
        if document is not None:
            return order_from_document(document)
        # Worded as the SQL store words it: an order that exists is on another account.
        if await self.unit.read(KEYS, order_key(wanted), order_key(wanted)) is None:
            raise NotFound(f"Order {wanted} was not found.")
        raise NotFound(f"Order {wanted} was not found on your account.")

    async def customer_orders(self, customer_id: str) -> Sequence[Order]:
        documents = await self.unit.query(CUSTOMERS, _ORDERS, partition=customer_id)
        return [order_from_document(document) for document in _newest_first(documents)]

    async def customer_order_statuses(self, customer_id: str) -> Sequence[tuple[str, OrderStatus]]:
        documents = await self.unit.query(CUSTOMERS, _STATUSES, partition=customer_id)
        return [
            (document["order_id"], OrderStatus(document["status"]))
            for document in _newest_first(documents)
        ]

    async def set_status(self, order_id: str, status: OrderStatus) -> None:
        document = await self._document(order_id)
        document["status"] = status.value
        self.unit.replace(CUSTOMERS, document)

    async def mark_cancelled(self, order_id: str, *, at: datetime, reason: str) -> None:
        document = await self._document(order_id)
        document["status"] = OrderStatus.CANCELLED.value
        document["cancelled_at"] = stamp(at)
        document["cancel_reason"] = reason
        self.unit.replace(CUSTOMERS, document)

    async def set_address(self, order_id: str, address: Address) -> None:
        document = await self._document(order_id)
        document["address"] = address.to_dict()
        self.unit.replace(CUSTOMERS, document)

    async def replace_lines(self, order_id: str, lines: Sequence[OrderLine]) -> None:
        document = await self._document(order_id)
        by_number = {int(line["line_no"]): line for line in document["lines"]}
        for line in lines:
            by_number[line.line_no].update(order_line_document(line))
        self.unit.replace(CUSTOMERS, document)

    async def add_payment(
        self,
        order_id: str,
        *,
        kind: TransactionKind,
        amount: Decimal,
        payment_method_id: str,
        at: datetime,
    ) -> None:
        document = await self._document(order_id)
        payments: list[Document] = document.setdefault("payments", [])
        last_seq = max((int(payment["seq"]) for payment in payments), default=0)
        payments.append(
            payment_document(
                seq=last_seq + 1,
                kind=kind,
                amount=amount,
                payment_method_id=payment_method_id,
                at=at,
            )
        )
        self.unit.replace(CUSTOMERS, document)

    async def _document(self, order_id: str) -> Document:
        """The order's document, through its key: which customer's partition holds it."""
        wanted = normalize_order_id(order_id)
        key_id = order_key(wanted)
        key = await self.unit.read(KEYS, key_id, key_id)
        document = None
        if key is not None:
            owner = str(key["customer_id"])
            document = await self.unit.read(CUSTOMERS, owner, order_document_id(wanted))
        if document is None:
            raise NotFound(f"Order {wanted} was not found.")
        return document
