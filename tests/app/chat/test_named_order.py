"""An order the shopper names, typed or earlier in the conversation, leads the item picker."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from returndesk.domain import Order, OrderStatus
from returndesk.operations.context import Operations
from returndesk.usecases.returns.answers import ReturnAnswers
from returndesk.web.state import AppState
from tests.support.demo import Request, delivered_among_several, story
from tests.support.shopper import Shopper, ShopperFactory

A_RETURN = Request("return", delivered_among_several, (), "Which items would you like to return?")


def order_forms(shopper: Shopper) -> list[str]:
    return [str(form).split("from ")[1].split("'")[0] for form in shopper.forms()]


@pytest.mark.parametrize(
    "named", ["it's from order {order}", "the one from {bare}", "order {order} please"]
)
async def test_an_order_named_while_choosing_items_leads_the_picker(
    new_shopper: ShopperFactory, ops: Operations, named: str
) -> None:
    customer, order = await story(ops, A_RETURN, skip=len(named) % 3)
    shopper = await new_shopper()
    await shopper.start(f"my email is {customer.email}")
    await shopper.say("I'd like to return something")
    everything = order_forms(shopper)
    assert len(everything) >= 2
    await shopper.say(named.format(order=order.id, bare=order.id.lstrip("#")))
    assert order_forms(shopper) == [order.id]
    # The other orders are one click away.
    await shopper.click("Show my other orders")
    assert sorted(order_forms(shopper)) == sorted(everything)


def same_product_in_two_orders(order: Order, orders: list[Order]) -> bool:
    """A delivered order sharing a product name with another delivered order of theirs."""
    if order.status is not OrderStatus.DELIVERED:
        return False
    names = {line.name for line in order.lines}
    return any(
        other is not order
        and other.status is OrderStatus.DELIVERED
        and names & {line.name for line in other.lines}
        for other in orders
    )


async def test_an_item_in_two_orders_is_taken_from_the_order_named(
    app: FastAPI, new_shopper: ShopperFactory, ops: Operations
) -> None:
    shared = Request("return", same_product_in_two_orders, (), "")
    customer, order = await story(ops, shared, skip=0)
    shopper = await new_shopper()
    await shopper.start(f"my email is {customer.email}")
    await shopper.say("I'd like to return something")
    await shopper.say(f"it's from order {order.id}")
    everywhere = [str(form) for form in shopper.forms()]
    assert len(everywhere) == 1
    candidates = [line for line in order.lines if line.name.lower() in str(shopper.widget).lower()]
    line = candidates[0]
    await shopper.say(f"the {line.name.lower()}")
    assert f"You've chosen: {line.name}" in shopper.said
    server: AppState = app.state.returndesk
    state, _ = await server.server.conversation.state_of(shopper.thread_id)
    assert state.answers(ReturnAnswers).order_id == order.id
