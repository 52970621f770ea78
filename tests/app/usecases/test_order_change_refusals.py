"""Every refusal of an order change says why and what is possible, and changes nothing."""

from __future__ import annotations

import pytest

from returndesk.domain import Order, OrderStatus, switch_variants
from returndesk.operations.context import Operations
from returndesk.operations.order_changes import change_items
from tests.support.demo import Pick, find_line, find_order
from tests.support.flows import verify
from tests.support.shopper import Shopper


async def _reread(ops: Operations, order_id: str) -> Order:
    async with ops.storage.reading() as repositories:
        return await repositories.orders.get(order_id)


async def _modified_order(ops: Operations) -> Order:
    """A pending order whose items were switched once already."""
    pick = await find_line(
        ops, lambda p: bool(switch_variants(p.line, p.catalog)), status=OrderStatus.PENDING
    )
    new = switch_variants(pick.line, pick.catalog)[0]
    method = pick.order.original_payment_method_id
    await change_items(
        ops,
        pick.order.id,
        customer_id=pick.customer.id,
        choices={pick.line.line_no: new.item_id},
        payment_method_id=method,
    )
    return await _reread(ops, pick.order.id)


@pytest.mark.parametrize(
    ("status", "why", "instead"),
    [
        (OrderStatus.PROCESSED, "packed and about to ship", "return or exchange items"),
        (OrderStatus.DELIVERED, "has been delivered", "return or exchange its items"),
        (OrderStatus.CANCELLED, "is cancelled", "nothing to change"),
        (OrderStatus.PENDING_ITEMS_MODIFIED, "already changed", "return or exchange items"),
    ],
)
@pytest.mark.parametrize(
    "asked",
    [
        "change the shipping address on {order} to 12 Oak St, Austin TX 78701",
        "I want to pay for order {order} with paypal instead",
        "change the items in order {order}",
    ],
)
async def test_an_order_that_can_no_longer_change_is_refused(
    shopper: Shopper, ops: Operations, status: OrderStatus, why: str, instead: str, asked: str
) -> None:
    if status is OrderStatus.PENDING_ITEMS_MODIFIED:
        order = await _modified_order(ops)
    else:
        order = await find_order(ops, lambda o, c: o.status is status)
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    await verify(shopper, customer)

    await shopper.say(asked.format(order=order.id))

    assert why in shopper.said
    assert instead in shopper.said
    assert await _reread(ops, order.id) == order


async def test_another_customers_order_is_not_found(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)
    other = await find_order(ops, lambda o, c: c.id != order.customer_id)
    async with ops.storage.reading() as repositories:
        stranger = await repositories.customers.get(other.customer_id)
    await verify(shopper, stranger)

    await shopper.say(f"ship order {order.id} to 12 Oak St, Austin TX 78701")

    assert f"I can't find order {order.id} on your account." in shopper.said
    assert await _reread(ops, order.id) == order


def _sold_out_variant(pick: Pick) -> bool:
    product = pick.catalog.product(pick.line.product_id)
    return bool(switch_variants(pick.line, pick.catalog)) and any(
        not v.available and v.item_id != pick.line.item_id for v in product.variants
    )


async def test_a_sold_out_variant_is_refused(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, _sold_out_variant, status=OrderStatus.PENDING)
    sold_out = next(
        v
        for v in pick.catalog.product(pick.line.product_id).variants
        if not v.available and v.item_id != pick.line.item_id
    )
    await verify(shopper, pick.customer)
    await shopper.click("Change items in an order")
    await shopper.click(f"Change items in {pick.order.id}")
    await shopper.submit(shopper.form_with("Choose new options"), {f"qty:{pick.line.item_id}": 1})
    action = shopper.buttons()[0]["onClickAction"]

    await shopper.send({**action, "payload": {**action["payload"], "item_id": sold_out.item_id}})

    assert "not available at the moment" in shopper.said
    assert await _reread(ops, pick.order.id) == pick.order


def _charge_a_small_gift_card_cannot_cover(pick: Pick) -> bool:
    dearer = [v for v in switch_variants(pick.line, pick.catalog) if v.price > pick.line.price]
    return bool(dearer) and any(
        m.is_gift_card and (m.balance or 0) < dearer[0].price - pick.line.price
        for m in pick.customer.payment_methods
    )


async def test_a_gift_card_that_cannot_cover_the_difference_is_refused(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(ops, _charge_a_small_gift_card_cannot_cover, status=OrderStatus.PENDING)
    dearer = next(v for v in switch_variants(pick.line, pick.catalog) if v.price > pick.line.price)
    card = next(
        m for m in pick.customer.gift_cards if (m.balance or 0) < dearer.price - pick.line.price
    )
    await verify(shopper, pick.customer)
    await shopper.click("Change items in an order")
    await shopper.click(f"Change items in {pick.order.id}")
    await shopper.submit(shopper.form_with("Choose new options"), {f"qty:{pick.line.item_id}": 1})
    choose = shopper.buttons()[0]["onClickAction"]
    await shopper.send({**choose, "payload": {**choose["payload"], "item_id": dearer.item_id}})
    await shopper.click("Yes, that's everything")
    assert "balance too low" in str(shopper.widget)
    pay = next(b for b in shopper.buttons() if not b.get("disabled"))["onClickAction"]

    await shopper.send({**pay, "payload": {**pay["payload"], "payment_method_id": card.id}})

    assert "doesn't cover the difference" in shopper.said
    assert await _reread(ops, pick.order.id) == pick.order
