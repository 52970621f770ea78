"""The catalogue kept in memory for a short while answers as the database does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from returndesk.domain import Catalog
from returndesk.store.catalog_cache import CatalogCache
from returndesk.store.sql.db import SessionFactory
from returndesk.store.sql.storage import SqlStorage
from tests.support.sql_log import is_select, sent_statements


@pytest.fixture
def statements(demo_sessions: SessionFactory) -> Iterator[list[str]]:
    with sent_statements(demo_sessions, is_select) as seen:
        yield seen


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_products_are_read_once_per_ttl(
    demo_storage: SqlStorage, statements: list[str]
) -> None:
    clock = Clock()
    cache = CatalogCache(ttl=60, clock=clock)
    async with demo_storage.reading() as repositories:
        products = repositories.products
        some = list((await products.catalog()).products)[:3]
        wanted = {*some, "no-such-product"}
        expected = await products.catalog(wanted)
        statements.clear()

        first = await cache.catalog(products, wanted)
        reads = len(statements)
        second = await cache.catalog(products, some[:2])
        assert len(statements) == reads

        clock.now += 61
        await cache.catalog(products, some[:2])
        assert len(statements) > reads

    assert first == expected
    assert set(first.products) == set(some)
    assert second == Catalog.of(expected.product(product_id) for product_id in some[:2])
