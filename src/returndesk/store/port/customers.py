"""Customers, their payment methods and their default address."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from returndesk.domain import Address, Customer
from returndesk.store.port.staff_search import SearchTerm


class Customers(Protocol):
    async def get(self, customer_id: str) -> Customer:
        """Raises `NotFound` for an unknown id."""
        ...

    async def find_by_email(self, email: str) -> Customer | None: ...

    async def find_by_name_and_zip(
        self, first_name: str, last_name: str, zip_code: str
    ) -> Customer | None:
        """The one customer with this name at this ZIP; None when nobody or several match."""
        ...

    async def search(self, term: SearchTerm, *, limit: int) -> list[Customer]:
        """The customers a staff search names, by name, at most `limit` of them."""
        ...

    async def add_gift_card(self, customer_id: str) -> str:
        """A new gift card with no balance; its id."""
        ...

    async def adjust_gift_card(self, payment_method_id: str, change: Decimal) -> None:
        """Add `change` to a gift card's balance, serialised with other changes to it;
        other methods settle outside the store. Raises `Conflict` when the balance would
        fall below zero, `NotFound` for an unknown method."""
        ...

    async def set_address(self, customer_id: str, address: Address) -> None: ...
