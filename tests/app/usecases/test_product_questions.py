"""Questions about products, answered from the catalogue only, by clicks and by typing."""

from __future__ import annotations

from returndesk.domain import Product, format_money
from returndesk.operations.context import Operations
from tests.support.demo import find_order
from tests.support.flows import verify
from tests.support.shopper import Shopper


async def _product(ops: Operations, name: str) -> Product:
    async with ops.storage.reading() as repositories:
        catalog = await repositories.products.catalog()
    return next(p for p in catalog.products.values() if p.name == name)


async def test_a_question_before_verification_is_answered_from_the_catalogue(
    shopper: Shopper, ops: Operations
) -> None:
    boots = await _product(ops, "Hiking Boots")
    sizes = sorted({v.options["size"] for v in boots.variants})

    await shopper.say("what sizes do the hiking boots come in?")

    assert all(size in shopper.said for size in sizes)
    # Still asked who they are: nothing of an account was shown.
    assert "email" in str(shopper.widget)


async def test_stock_and_price_of_a_version_typed(shopper: Shopper, ops: Operations) -> None:
    puzzle = await _product(ops, "Jigsaw Puzzle")
    thousand = [v for v in puzzle.variants if v.options.get("pieces") == "1000"]
    available = [v for v in thousand if v.available]

    await shopper.say("is the 1000-piece puzzle in stock?")

    if available:
        assert shopper.said.startswith("Yes, the Jigsaw Puzzle with pieces 1000 is in stock")
        assert format_money(min(v.price for v in available)) in shopper.said
    else:
        assert "sold out" in shopper.said


async def test_a_product_not_in_the_catalogue_is_not_guessed(shopper: Shopper) -> None:
    await shopper.say("do you sell hoverboards?")

    assert shopper.said.startswith("I could not find that product.")


async def test_a_product_card_by_clicks(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: True)
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    await verify(shopper, customer)
    watch = await _product(ops, "Smart Watch")

    await shopper.click("Ask about a product")
    await shopper.submit(shopper.form_with("Choose a product"), {"product": "Smart Watch"})

    shown = str(shopper.widget)
    assert "Smart Watch" in shown
    # In-stock versions first, cheapest first: the first ten are listed with their prices.
    listed = sorted(watch.variants, key=lambda v: (not v.available, v.price))[:10]
    assert all(format_money(v.price) in shown for v in listed)
    assert ("In stock" in shown) == any(v.available for v in watch.variants)
