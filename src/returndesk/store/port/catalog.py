"""The product catalogue: reference data the app reads and never writes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from returndesk.domain import Catalog


class Products(Protocol):
    async def catalog(self, product_ids: Iterable[str] | None = None) -> Catalog:
        """The whole catalogue, or just the named products (what one order needs)."""
        ...

    async def products_of_items(self, item_ids: Iterable[str]) -> set[str]:
        """The ids of the products these item ids are variants of; unknown items give none."""
        ...
