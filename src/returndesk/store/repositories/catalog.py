"""The product catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from returndesk.domain import Catalog, Product, Variant, from_cents
from returndesk.store.tables import ProductRow


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
