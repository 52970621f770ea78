"""The product catalogue on Cosmos DB: every product one document in the catalog's one
partition, its variants inside it, and one small document per variant naming its product.

Every read is a query inside that partition. Requests do not come here each turn: the
operations keep the catalogue in a `CatalogCache` over this repository, as they do over
the SQL one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from returndesk.domain import Catalog, Product, Variant, from_cents
from returndesk.store.cosmos.containers import CATALOG, CATALOG_PARTITION
from returndesk.store.cosmos.documents import document_id, money
from returndesk.store.cosmos.unit_of_work import Document, Unit

# A row as `store.seed_rows` builds them, named like SQL columns.
Row = Mapping[str, Any]

_PRODUCTS = "SELECT * FROM c WHERE c.type = 'product'"
_NAMED_PRODUCTS = (
    "SELECT * FROM c WHERE c.type = 'product' AND ARRAY_CONTAINS(@product_ids, c.product_id)"
)
_PRODUCTS_OF_ITEMS = (
    "SELECT VALUE c.product_id FROM c"
    " WHERE c.type = 'variant' AND ARRAY_CONTAINS(@item_ids, c.item_id)"
)


def product_document_id(product_id: str) -> str:
    return document_id("product", product_id)


def variant_document_id(item_id: str) -> str:
    return document_id("variant", item_id)


def variant_entry(row: Row) -> Document:
    """A variant row as its product document holds it."""
    return {
        "item_id": row["item_id"],
        "product_id": row["product_id"],
        "options": dict(row["options"]),
        "price": money(from_cents(row["price_cents"])),
        "price_cents": row["price_cents"],
        "available": row["available"],
    }


def product_document(row: Row, variants: Iterable[Row], *, position: int) -> Document:
    """A product row and its variants' rows as one document; `position` is its place in
    the seed files, the order the whole catalogue is listed in."""
    return {
        "id": product_document_id(row["id"]),
        "type": "product",
        "catalog": CATALOG_PARTITION,
        "product_id": row["id"],
        "name": row["name"],
        "category": row["category"],
        "activatable": row["activatable"],
        "hygiene_sealed": row["hygiene_sealed"],
        "position": position,
        "variants": {variant["item_id"]: variant_entry(variant) for variant in variants},
    }


def variant_document(item_id: str, product_id: str) -> Document:
    return {
        "id": variant_document_id(item_id),
        "type": "variant",
        "catalog": CATALOG_PARTITION,
        "item_id": item_id,
        "product_id": product_id,
    }


def product_from_document(document: Mapping[str, Any]) -> Product:
    variants: Mapping[str, Mapping[str, Any]] = document["variants"]
    return Product(
        id=document["product_id"],
        name=document["name"],
        category=document["category"],
        activatable=bool(document.get("activatable", False)),
        hygiene_sealed=bool(document.get("hygiene_sealed", False)),
        # By item id, as the SQL store lists them.
        variants=tuple(
            Variant(
                item_id=variant["item_id"],
                product_id=document["product_id"],
                options={str(k): str(v) for k, v in variant["options"].items()},
                price=Decimal(variant["price"]),
                available=bool(variant["available"]),
            )
            for _, variant in sorted(variants.items())
        ),
    )


class CosmosProducts:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def catalog(self, product_ids: Iterable[str] | None = None) -> Catalog:
        if product_ids is None:
            documents = await self.unit.query(CATALOG, _PRODUCTS, partition=CATALOG_PARTITION)
        else:
            wanted = sorted(set(product_ids))
            if not wanted:
                return Catalog.of(())
            documents = await self.unit.query(
                CATALOG,
                _NAMED_PRODUCTS,
                {"@product_ids": wanted},
                partition=CATALOG_PARTITION,
            )
        documents.sort(key=lambda document: (document.get("position", 0), document["product_id"]))
        return Catalog.of(product_from_document(document) for document in documents)

    async def products_of_items(self, item_ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(item_ids))
        if not wanted:
            return set()
        found = await self.unit.query(
            CATALOG, _PRODUCTS_OF_ITEMS, {"@item_ids": wanted}, partition=CATALOG_PARTITION
        )
        return {str(product_id) for product_id in found}
