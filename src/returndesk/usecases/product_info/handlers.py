"""Answering a product question from the catalogue, before or after verification."""

from __future__ import annotations

from returndesk.domain import option_pairs
from returndesk.flow.state import FlowState
from returndesk.flow.turn import EventRejected, Turn
from returndesk.usecases.product_info.answers import ProductAnswers
from returndesk.usecases.product_info.catalogue import (
    find_product,
    reply,
    suggestions,
)
from returndesk.usecases.product_info.events import AskProduct, ProductTopic

_WHICH = "Which product would you like to know about?"


async def ask_product(state: FlowState, event: AskProduct, turn: Turn) -> str | None:
    asked = (event.product or "").strip()
    if not asked:
        # Verified, the picker asks; before that, the question is all there is.
        return _WHICH if state.customer_id is None else None
    async with turn.ops.storage.reading() as repositories:
        catalog = await turn.ops.catalog.everything(repositories.products)
    product = find_product(catalog, asked)
    if product is None:
        close = suggestions(catalog, asked)
        hint = (
            f" Did you mean the {' or the '.join(close)}?"
            if close
            else " You can pick one from the list under Ask about a product."
        )
        raise EventRejected(f"I could not find that product.{hint}")
    options = option_pairs(event.variant_options)
    topic = ProductTopic(event.topic) if event.topic else ProductTopic.OPTIONS
    if state.customer_id is not None:
        answers = state.answers(ProductAnswers)
        answers.product_id = product.id
        answers.variant_options = [f"{k}={v}" for k, v in options.items()]
        answers.topic = topic.value
    return reply(product, options, topic)
