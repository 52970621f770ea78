"""The event of asking about a product."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, ClassVar

from returndesk.flow.events import FlowEvent, OneOf, Progress


class ProductTopic(StrEnum):
    OPTIONS = "options"
    STOCK = "stock"
    PRICE = "price"


@dataclass(frozen=True, slots=True)
class AskProduct:
    """Answer a question about a product from the catalogue: what options it comes in,
    whether a version is in stock, or what it costs. Never guess: a product the
    catalogue lacks is said to be not found.

    Args:
        product: The product's name as the shopper said it, e.g. "hiking boots".
        variant_options: The options asked about, as "option=value", e.g. "size=L".
        topic: What the shopper wants to know.
    """

    name: ClassVar[str] = "ask_product"
    progress: ClassVar[Progress] = Progress("Looking in the catalogue", "Looked it up", "search")
    product: str | None = None
    variant_options: tuple[str, ...] = ()
    topic: Annotated[str | None, OneOf(ProductTopic)] = None


EVENTS: tuple[type[FlowEvent], ...] = (AskProduct,)
