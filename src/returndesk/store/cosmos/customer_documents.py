"""Customers and orders as documents of the `customers` container, the names in `keys` that
lead to them, and the way back to the domain's `Customer` and `Order`.

A customer's partition holds the customer document (`id` "customer", payment methods
inside) and one document per order, each order whole: lines, fulfilments and payment
history. Amounts are written twice, as exact decimal text and as integer cents; the text
is what is read back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from returndesk.domain import (
    Address,
    Customer,
    Fulfilment,
    Order,
    OrderLine,
    OrderStatus,
    PaymentMethod,
    PaymentSource,
    PaymentTransaction,
    Tier,
    TransactionKind,
    address_from_dict,
    from_cents,
    to_cents,
)
from returndesk.store.cosmos.documents import document_id, instant, maybe_instant, money, stamp
from returndesk.store.cosmos.unit_of_work import Document

# A row as `store.seed_rows` and `store.demo_history` build them, named like SQL columns.
Row = Mapping[str, Any]

# The customer's own document in their partition.
CUSTOMER_DOCUMENT_ID = "customer"


# Names in the `keys` container (partition = id), each pointing at a customer's partition.


def email_key(email: str) -> str:
    return document_id("email", email.strip().lower())


def order_key(order_id: str) -> str:
    return document_id("order", order_id)


def payment_key(payment_method_id: str) -> str:
    return document_id("payment", payment_method_id)


def name_zip_key(first_name: str, last_name: str, zip_code: str) -> str:
    """Names compare without case, as SQL's `lower()` look-up does; the ZIP as written."""
    return document_id("name-zip", first_name.lower(), last_name.lower(), zip_code)


def key_document(key_id: str, kind: str, **fields: Any) -> Document:
    return {"id": key_id, "type": "key", "kind": kind, **fields}


def customer_name_zip_key(customer: Document) -> str:
    """The name-and-ZIP key a customer document is listed under (with every other customer
    of that name at that ZIP)."""
    return name_zip_key(customer["first_name"], customer["last_name"], customer["zip"])


# Amounts


def exact_amount(amount: Decimal) -> tuple[str, int]:
    """The amount as text and as cents, the text written as SQL's cents column reads back
    (`5` as `5.00`); fractions of a cent are refused, as that column refuses them."""
    whole_cents = to_cents(amount)
    return money(from_cents(whole_cents)), whole_cents


def _cents_text(whole_cents: int) -> str:
    return money(from_cents(whole_cents))


# Customers


def payment_method_document(method: PaymentMethod) -> Document:
    balance = None if method.balance is None else exact_amount(method.balance)
    return {
        "id": method.id,
        "source": method.source.value,
        "brand": method.brand,
        "last_four": method.last_four,
        "balance": None if balance is None else balance[0],
        "balance_cents": None if balance is None else balance[1],
    }


def set_balance(method: Document, whole_cents: int) -> None:
    method["balance"] = _cents_text(whole_cents)
    method["balance_cents"] = whole_cents


def payment_method_from_document(document: Mapping[str, Any]) -> PaymentMethod:
    balance = document.get("balance")
    return PaymentMethod(
        id=document["id"],
        source=PaymentSource(document["source"]),
        brand=document.get("brand"),
        last_four=document.get("last_four"),
        balance=None if balance is None else Decimal(balance),
    )


def customer_document(customer: Customer) -> Document:
    address = customer.address or address_from_dict({"zip": customer.zip})
    return {
        "id": CUSTOMER_DOCUMENT_ID,
        "type": "customer",
        "customer_id": customer.id,
        "first_name": customer.first_name,
        "last_name": customer.last_name,
        "name_lower": f"{customer.first_name} {customer.last_name}".lower(),
        # Look-ups compare lower case, as the SQL store keeps emails.
        "email": customer.email.strip().lower(),
        "zip": address.zip,
        "tier": customer.tier.value,
        "address": address.to_dict(),
        "payment_methods": [
            payment_method_document(method)
            for method in sorted(customer.payment_methods, key=lambda method: method.id)
        ],
    }


def customer_document_from_row(customer: Row, payment_methods: Iterable[Row]) -> Document:
    """A customer row and the rows of their payment methods as one document."""
    return customer_document(
        Customer(
            id=customer["id"],
            first_name=customer["first_name"],
            last_name=customer["last_name"],
            email=customer["email"],
            zip=customer["zip"],
            tier=Tier(customer["tier"]),
            payment_methods=tuple(payment_method_from_row(row) for row in payment_methods),
            address=address_from_dict(customer),
        )
    )


def payment_method_from_row(row: Row) -> PaymentMethod:
    return PaymentMethod(
        id=row["id"],
        source=PaymentSource(row["source"]),
        brand=row.get("brand"),
        last_four=row.get("last_four"),
        balance=None if row.get("balance_cents") is None else from_cents(row["balance_cents"]),
    )


def customer_from_document(document: Mapping[str, Any]) -> Customer:
    zip_code = str(document["zip"])
    address = address_from_dict({**document.get("address", {}), "zip": zip_code})
    return Customer(
        id=document["customer_id"],
        first_name=document["first_name"],
        last_name=document["last_name"],
        email=document["email"],
        zip=zip_code,
        tier=Tier(document["tier"]),
        # By id, as the SQL store lists them.
        payment_methods=tuple(
            payment_method_from_document(method)
            for method in sorted(document.get("payment_methods", ()), key=lambda m: m["id"])
        ),
        address=address,
    )


def set_customer_address(customer: Document, address: Address) -> None:
    """The default address; the customer's ZIP is the address's, as in the SQL store."""
    customer["address"] = address.to_dict()
    customer["zip"] = address.zip


# Orders


def order_document_id(order_id: str) -> str:
    return document_id("order", order_id)


def order_line_document(line: OrderLine) -> Document:
    price, price_cents = exact_amount(line.price)
    return {
        "line_no": line.line_no,
        "item_id": line.item_id,
        "product_id": line.product_id,
        "name": line.name,
        "options": dict(line.options),
        "price": price,
        "price_cents": price_cents,
        "final_sale": line.final_sale,
    }


def payment_document(
    *, seq: int, kind: TransactionKind, amount: Decimal, payment_method_id: str, at: datetime
) -> Document:
    text, whole_cents = exact_amount(amount)
    return {
        "seq": seq,
        "kind": kind.value,
        "amount": text,
        "amount_cents": whole_cents,
        "payment_method_id": payment_method_id,
        "at": stamp(at),
    }


def order_document_from_rows(
    order: Row, lines: Iterable[Row], fulfilments: Iterable[Row], payments: Iterable[Row]
) -> Document:
    """An order row and the rows of its lines, fulfilments and payments as one document."""
    placed_at = stamp(order["placed_at"])
    delivered_at = order.get("delivered_at")
    cancelled_at = order.get("cancelled_at")
    return {
        "id": order_document_id(order["id"]),
        "type": "order",
        "customer_id": order["customer_id"],
        "order_id": order["id"],
        "status": order["status"],
        # `created_at` is the moment every document kind is ordered by.
        "created_at": placed_at,
        "placed_at": placed_at,
        "delivered_at": None if delivered_at is None else stamp(delivered_at),
        "cancelled_at": None if cancelled_at is None else stamp(cancelled_at),
        "cancel_reason": order.get("cancel_reason"),
        "address": dict(order["address"]),
        "lines": [
            {
                "line_no": line["line_no"],
                "item_id": line["item_id"],
                "product_id": line["product_id"],
                "name": line["name"],
                "options": dict(line["options"]),
                "price": _cents_text(line["price_cents"]),
                "price_cents": line["price_cents"],
                "final_sale": bool(line.get("final_sale", False)),
            }
            for line in sorted(lines, key=lambda line: int(line["line_no"]))
        ],
        "fulfilments": [
            {"tracking_ids": list(row["tracking_ids"]), "item_ids": list(row["item_ids"])}
            for row in fulfilments
        ],
        "payments": [
            {
                "seq": row["seq"],
                "kind": row["kind"],
                "amount": _cents_text(row["amount_cents"]),
                "amount_cents": row["amount_cents"],
                "payment_method_id": row["payment_method_id"],
                "at": stamp(row["created_at"]),
            }
            for row in sorted(payments, key=lambda row: int(row["seq"]))
        ],
    }


def order_from_document(document: Mapping[str, Any]) -> Order:
    return Order(
        id=document["order_id"],
        customer_id=document["customer_id"],
        status=OrderStatus(document["status"]),
        placed_at=instant(document["placed_at"]),
        delivered_at=maybe_instant(document.get("delivered_at")),
        lines=tuple(
            OrderLine(
                line_no=int(line["line_no"]),
                item_id=line["item_id"],
                product_id=line["product_id"],
                name=line["name"],
                options={str(k): str(v) for k, v in line["options"].items()},
                price=Decimal(line["price"]),
                final_sale=bool(line.get("final_sale", False)),
            )
            for line in sorted(document["lines"], key=lambda line: int(line["line_no"]))
        ),
        fulfilments=tuple(
            Fulfilment(tuple(fulfilment["tracking_ids"]), tuple(fulfilment["item_ids"]))
            for fulfilment in document.get("fulfilments", ())
        ),
        payments=tuple(
            PaymentTransaction(
                TransactionKind(payment["kind"]),
                Decimal(payment["amount"]),
                payment["payment_method_id"],
            )
            for payment in sorted(document.get("payments", ()), key=lambda p: int(p["seq"]))
        ),
        address=address_from_dict(document["address"]),
    )
