"""Customers and returns for the Cosmos return tests, written as the store keeps them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from returndesk.domain import (
    Actor,
    ReasonCode,
    Resolution,
    ReturnEvent,
    ReturnMethod,
    ReturnStatus,
)
from returndesk.store.cosmos.containers import CUSTOMERS, KEYS
from returndesk.store.cosmos.customer_documents import (
    CUSTOMER_DOCUMENT_ID,
    email_key,
    key_document,
)
from returndesk.store.cosmos.unit_of_work import Unit
from returndesk.store.port.returns import StoredReturn, StoredReturnLine


def add_customer(unit: Unit, customer_id: str, first: str, last: str, email: str) -> None:
    """The customer's document and their email's name, as the customers store writes them."""
    unit.create(
        CUSTOMERS,
        {
            "id": CUSTOMER_DOCUMENT_ID,
            "type": "customer",
            "customer_id": customer_id,
            "first_name": first,
            "last_name": last,
            "name_lower": f"{first} {last}".lower(),
            "email": email.lower(),
        },
    )
    unit.create(KEYS, key_document(email_key(email), "email", customer_id=customer_id))


def stored_return(
    rma: str,
    *,
    customer_id: str,
    at: datetime,
    order_id: str = "#W1000001",
    line_nos: tuple[int, ...] = (1,),
    key: str | None = None,
    status: ReturnStatus = ReturnStatus.APPROVED,
    resolution: Resolution = Resolution.REFUND,
    method: ReturnMethod | None = ReturnMethod.PREPAID_LABEL,
    price: Decimal = Decimal("20.00"),
) -> StoredReturn:
    """A return made at `at` whose history took it straight to `status`."""
    events = (
        ReturnEvent(None, ReturnStatus.REQUESTED, Actor.CUSTOMER, at),
        ReturnEvent(ReturnStatus.REQUESTED, status, Actor.SYSTEM, at),
    )
    items_total = price * len(line_nos)
    return StoredReturn(
        rma=rma,
        idempotency_key=key or f"key-{rma}",
        order_id=order_id,
        customer_id=customer_id,
        thread_id=f"thr_{rma}",
        status=status,
        reason=ReasonCode.SIZE_TOO_SMALL,
        note="runs small",
        resolution=resolution,
        refund_payment_method_id="card_1",
        method=method,
        items_total=items_total,
        fees=Decimal("5.95"),
        bonus=Decimal("0.00"),
        refund_amount=items_total - Decimal("5.95"),
        exchange_difference=Decimal("0.00"),
        exchange_payment_method_id=None,
        keep_item=method is None,
        shipment=None,
        lines=tuple(
            StoredReturnLine(
                line_no=line_no,
                item_id=f"item_{line_no}",
                product_id="prod_1",
                price=price,
                reason=ReasonCode.SIZE_TOO_SMALL,
                note=None,
                exchange_item_id=None,
            )
            for line_no in line_nos
        ),
        events=events,
        created_at=at,
        updated_at=at,
    )
