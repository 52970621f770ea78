"""Customers and their payment methods on Cosmos DB: one document per customer in its own
partition, found by id with a point read and by email, payment method or name and ZIP
through the `keys` container, one more point read away.

A gift card's balance lives in its customer's document, so changing it replaces that
document under the ETag of the read that found it: two refunds to one card at once
cannot both write over the same balance (the second fails with `Contention` and runs again).
"""

from __future__ import annotations

from decimal import Decimal

from returndesk.domain import Address, Customer, PaymentMethod, PaymentSource, from_cents, to_cents
from returndesk.errors import Conflict, NotFound
from returndesk.store.cosmos.containers import CUSTOMERS, KEYS
from returndesk.store.cosmos.customer_documents import (
    CUSTOMER_DOCUMENT_ID,
    customer_from_document,
    customer_name_zip_key,
    email_key,
    key_document,
    name_zip_key,
    order_document_id,
    order_key,
    payment_key,
    payment_method_document,
    set_balance,
    set_customer_address,
)
from returndesk.store.cosmos.documents import document_id
from returndesk.store.cosmos.unit_of_work import Document, Unit
from returndesk.store.ids import new_gift_card_id
from returndesk.store.port.staff_search import SearchKind, SearchTerm

# Staff searches by name read every partition: the console's, never a shopper's.
_BY_FULL_NAME = (
    "SELECT * FROM c WHERE c.type = 'customer'"
    " AND LOWER(c.first_name) = @first AND LOWER(c.last_name) = @last"
)
_BY_ONE_WORD = (
    "SELECT * FROM c WHERE c.type = 'customer'"
    " AND (LOWER(c.first_name) = @word OR LOWER(c.last_name) = @word OR c.customer_id = @word)"
)


class CosmosCustomers:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def get(self, customer_id: str) -> Customer:
        return customer_from_document(await self._required(customer_id))

    async def find_by_email(self, email: str) -> Customer | None:
        wanted = email.strip().lower()
        document = await self._pointed_at(email_key(wanted))
        # The key is written before the customer, so the customer's own email decides.
        if document is None or document["email"] != wanted:
            return None
        return customer_from_document(document)

    async def find_by_name_and_zip(
        self, first_name: str, last_name: str, zip_code: str
    ) -> Customer | None:
        first, last = first_name.strip().lower(), last_name.strip().lower()
        zip_wanted = zip_code.strip()
        key_id = name_zip_key(first, last, zip_wanted)
        key = await self.unit.read(KEYS, key_id, key_id)
        if key is None:
            return None
        matching: list[Document] = []
        for customer_id in key.get("customer_ids", []):
            document = await self._document(customer_id)
            # Each customer's own document decides, whatever the shared key still lists.
            if (
                document is not None
                and document["first_name"].lower() == first
                and document["last_name"].lower() == last
                and document["zip"] == zip_wanted
            ):
                matching.append(document)
                if len(matching) > 1:
                    return None
        return customer_from_document(matching[0]) if matching else None

    async def search(self, term: SearchTerm, *, limit: int) -> list[Customer]:
        found = [customer_from_document(document) for document in await self._matching(term)]
        found.sort(key=lambda customer: (customer.last_name, customer.first_name, customer.id))
        return found[: max(limit, 0)]

    async def _matching(self, term: SearchTerm) -> list[Document]:
        """The customer documents a staff search names: a return, an order or an email by
        its key, a name by a query across customers."""
        match term.kind:
            case SearchKind.RMA:
                return await self._owner_of(
                    document_id("rma", term.value), document_id("return", term.value)
                )
            case SearchKind.ORDER:
                return await self._owner_of(order_key(term.value), order_document_id(term.value))
            case SearchKind.EMAIL:
                document = await self._pointed_at(email_key(term.value))
                return [] if document is None or document["email"] != term.value else [document]
            case SearchKind.NAME:
                words = term.value.split(" ")
                if len(words) >= 2:
                    # As the SQL search reads a name: the first word, then all the rest.
                    parameters = {"@first": words[0], "@last": " ".join(words[1:])}
                    return await self.unit.query(
                        CUSTOMERS, _BY_FULL_NAME, parameters, partition=None
                    )
                return await self.unit.query(
                    CUSTOMERS, _BY_ONE_WORD, {"@word": term.value}, partition=None
                )

    async def _owner_of(self, key_id: str, held_id: str) -> list[Document]:
        """The customer a key names, if the document it names is in their partition."""
        customer_id = await self._customer_id(key_id)
        if customer_id is None or await self.unit.read(CUSTOMERS, customer_id, held_id) is None:
            return []
        document = await self._document(customer_id)
        return [] if document is None else [document]

    async def add_gift_card(self, customer_id: str) -> str:
        document = await self._required(customer_id)
        card = PaymentMethod(
            id=new_gift_card_id(), source=PaymentSource.GIFT_CARD, balance=from_cents(0)
        )
        document["payment_methods"].append(payment_method_document(card))
        self.unit.replace(CUSTOMERS, document)
        self.unit.create(
            KEYS, key_document(payment_key(card.id), "payment", customer_id=customer_id)
        )
        return card.id

    async def adjust_gift_card(self, payment_method_id: str, change: Decimal) -> None:
        document = await self._pointed_at(payment_key(payment_method_id))
        methods = [] if document is None else document["payment_methods"]
        method = next((found for found in methods if found["id"] == payment_method_id), None)
        if document is None or method is None:
            raise NotFound(f"No payment method {payment_method_id}.")
        if method["source"] != PaymentSource.GIFT_CARD.value:
            return
        balance = (method.get("balance_cents") or 0) + to_cents(change)
        if balance < 0:
            raise Conflict("The gift card's balance no longer covers this amount.")
        set_balance(method, balance)
        # Under the ETag of the read above: a change to the card meanwhile fails this one.
        self.unit.replace(CUSTOMERS, document)

    async def set_address(self, customer_id: str, address: Address) -> None:
        document = await self._document(customer_id)
        if document is None:
            # As SQL's UPDATE of no row: nothing to change.
            return
        before = customer_name_zip_key(document)
        set_customer_address(document, address)
        self.unit.replace(CUSTOMERS, document)
        after = customer_name_zip_key(document)
        if after != before:
            await self._leave_name_zip(before, customer_id)
            await self._join_name_zip(after, customer_id)

    async def _leave_name_zip(self, key_id: str, customer_id: str) -> None:
        key = await self.unit.read(KEYS, key_id, key_id)
        if key is None or customer_id not in key.get("customer_ids", []):
            return
        remaining = [other for other in key["customer_ids"] if other != customer_id]
        if remaining:
            key["customer_ids"] = remaining
            self.unit.replace(KEYS, key)
        else:
            self.unit.delete(KEYS, key_id, key_id)

    async def _join_name_zip(self, key_id: str, customer_id: str) -> None:
        key = await self.unit.read(KEYS, key_id, key_id)
        if key is None:
            self.unit.create(KEYS, key_document(key_id, "name-zip", customer_ids=[customer_id]))
        elif customer_id not in key.get("customer_ids", []):
            key["customer_ids"] = [*key.get("customer_ids", []), customer_id]
            self.unit.replace(KEYS, key)

    async def _document(self, customer_id: str) -> Document | None:
        return await self.unit.read(CUSTOMERS, customer_id, CUSTOMER_DOCUMENT_ID)

    async def _required(self, customer_id: str) -> Document:
        document = await self._document(customer_id)
        if document is None:
            raise NotFound(f"No customer {customer_id}.")
        return document

    async def _customer_id(self, key_id: str) -> str | None:
        key = await self.unit.read(KEYS, key_id, key_id)
        return None if key is None else str(key["customer_id"])

    async def _pointed_at(self, key_id: str) -> Document | None:
        """The customer document a key in `keys` points at."""
        customer_id = await self._customer_id(key_id)
        return None if customer_id is None else await self._document(customer_id)
