"""The product catalogue."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from returndesk.domain import Catalog, Product, Variant, from_cents
from returndesk.store.tables import ProductRow, VariantRow


def product_from_row(row: ProductRow) -> Product:
    return Product(
        id=row.id,
        name=row.name,
        category=row.category,
        activatable=row.activatable,
        hygiene_sealed=row.hygiene_sealed,
        variants=tuple(
            Variant(
                item_id=variant.item_id,
                product_id=variant.product_id,
                options={str(k): str(v) for k, v in variant.options.items()},
                price=from_cents(variant.price_cents),
                available=variant.available,
            )
            for variant in row.variants
        ),
    )


async def load_catalog(session: AsyncSession, product_ids: Iterable[str] | None = None) -> Catalog:
    """The whole catalogue, or just the named products (what one order needs)."""
    query = select(ProductRow).options(selectinload(ProductRow.variants))
    if product_ids is not None:
        query = query.where(ProductRow.id.in_(set(product_ids)))
    rows = (await session.scalars(query)).all()
    return Catalog.of(product_from_row(row) for row in rows)


async def products_of_items(session: AsyncSession, item_ids: Iterable[str]) -> set[str]:
    """The ids of the products these item ids are variants of; unknown items give none."""
    wanted = set(item_ids)
    if not wanted:
        return set()
    found = await session.scalars(
        select(VariantRow.product_id).where(VariantRow.item_id.in_(wanted))
    )
    return set(found.all())


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

    async def everything(self, session: AsyncSession) -> Catalog:
        """The whole catalogue, read again once `ttl` has passed."""
        now = self._clock()
        if self._whole is None or self._whole[1] <= now:
            catalog = await load_catalog(session)
            self._whole = (catalog, now + self.ttl)
            for product in catalog.products.values():
                self._products[product.id] = (product, now + self.ttl)
        return self._whole[0]

    async def catalog(self, session: AsyncSession, product_ids: Iterable[str]) -> Catalog:
        """The named products that exist, as `load_catalog` would give them."""
        now = self._clock()
        wanted = set(product_ids)
        found: dict[str, Product] = {}
        for product_id in wanted:
            entry = self._products.get(product_id)
            if entry is not None and entry[1] > now:
                found[product_id] = entry[0]
        missing = wanted - found.keys()
        if missing:
            loaded = await load_catalog(session, missing)
            for product in loaded.products.values():
                self._products[product.id] = (product, now + self.ttl)
            found.update(loaded.products)
        return Catalog(found)
