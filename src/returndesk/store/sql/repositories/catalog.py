"""The product catalogue, in SQL."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from returndesk.domain import Catalog, Product, Variant, from_cents
from returndesk.store.sql.tables import ProductRow, VariantRow


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


class SqlProducts:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def catalog(self, product_ids: Iterable[str] | None = None) -> Catalog:
        query = select(ProductRow).options(selectinload(ProductRow.variants))
        if product_ids is not None:
            query = query.where(ProductRow.id.in_(set(product_ids)))
        rows = (await self.session.scalars(query)).all()
        return Catalog.of(product_from_row(row) for row in rows)

    async def products_of_items(self, item_ids: Iterable[str]) -> set[str]:
        wanted = set(item_ids)
        if not wanted:
            return set()
        found = await self.session.scalars(
            select(VariantRow.product_id).where(VariantRow.item_id.in_(wanted))
        )
        return set(found.all())
