"""What the product widgets show: the catalogue's names, or the product asked about."""

from __future__ import annotations

from dataclasses import dataclass

from returndesk.domain import Product, option_pairs
from returndesk.operations.context import Operations
from returndesk.usecases.product_info.answers import ProductAnswers
from returndesk.widgets.inputs import WidgetInput


async def product_names(given: WidgetInput, ops: Operations) -> list[str]:
    async with ops.storage.reading() as repositories:
        catalog = await ops.catalog.everything(repositories.products)
    return sorted(product.name for product in catalog.products.values())


@dataclass(frozen=True, slots=True)
class ProductView:
    product: Product
    asked: dict[str, str]


async def asked_product(given: WidgetInput, ops: Operations) -> ProductView:
    answers = given.state.answers(ProductAnswers)
    assert answers.product_id is not None
    async with ops.storage.reading() as repositories:
        catalog = await ops.catalog.catalog(repositories.products, {answers.product_id})
    return ProductView(catalog.product(answers.product_id), option_pairs(answers.variant_options))
