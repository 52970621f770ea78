"""Products kept in memory for a short while, shared by the requests of one process."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from returndesk.domain import Catalog, Product
from returndesk.store.port.catalog import Products


class CatalogCache:
    """Products kept in memory for a short while, shared by the requests of one process.

    The catalogue is the store's reference data: the app reads it and never
    writes it, and it changes only when the demo store is seeded again. Every
    turn needs the products of one order, so they are read once per `ttl`
    seconds instead of every turn; a product not seen yet is read when first
    asked for. A re-seed shows within `ttl`.
    """

    def __init__(self, ttl: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._clock = clock
        self._products: dict[str, tuple[Product, float]] = {}
        self._whole: tuple[Catalog, float] | None = None

    async def everything(self, products: Products) -> Catalog:
        """The whole catalogue, read again once `ttl` has passed."""
        now = self._clock()
        if self._whole is None or self._whole[1] <= now:
            catalog = await products.catalog()
            self._whole = (catalog, now + self.ttl)
            for product in catalog.products.values():
                self._products[product.id] = (product, now + self.ttl)
        return self._whole[0]

    async def catalog(self, products: Products, product_ids: Iterable[str]) -> Catalog:
        """The named products that exist, as `Products.catalog` would give them."""
        now = self._clock()
        wanted = set(product_ids)
        found: dict[str, Product] = {}
        for product_id in wanted:
            entry = self._products.get(product_id)
            if entry is not None and entry[1] > now:
                found[product_id] = entry[0]
        missing = wanted - found.keys()
        if missing:
            loaded = await products.catalog(missing)
            for product in loaded.products.values():
                self._products[product.id] = (product, now + self.ttl)
            found.update(loaded.products)
        return Catalog(found)
