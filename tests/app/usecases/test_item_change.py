"""Switching items of a pending order to other variants, by clicks and by typing."""

from __future__ import annotations

from returndesk.domain import Order, OrderStatus, TransactionKind, switch_variants
from returndesk.operations.context import Operations
from returndesk.widgets.inputs import describe_options
from tests.support.demo import Pick, find_line
from tests.support.flows import verify
from tests.support.shopper import Shopper


def _switchable(pick: Pick) -> bool:
    offered = switch_variants(pick.line, pick.catalog)
    repeated = sum(1 for line in pick.order.lines if line.item_id == pick.line.item_id)
    return bool(offered) and repeated == 1 and offered[0].price != pick.line.price


async def _reread(ops: Operations, order_id: str) -> Order:
    async with ops.storage.reading() as repositories:
        return await repositories.orders.get(order_id)


async def _pay_or_refund(shopper: Shopper) -> None:
    enabled = [b for b in shopper.buttons() if not b.get("disabled")]
    await shopper.send(enabled[0]["onClickAction"])


async def test_switching_an_item_by_clicks(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, _switchable, status=OrderStatus.PENDING)
    new = switch_variants(pick.line, pick.catalog)[0]
    await verify(shopper, pick.customer)

    await shopper.click("Change items in an order")
    await shopper.click(f"Change items in {pick.order.id}")
    await shopper.submit(
        shopper.form_with("Choose new options"), {f"qty:{pick.line.item_id}": True}
    )
    await shopper.click(f"Choose {describe_options(new.options)}")
    assert "Is that everything" in str(shopper.widget)
    await shopper.click("Yes, that's everything")
    await _pay_or_refund(shopper)
    assert "can no longer be changed or cancelled" in str(shopper.widget)
    assert (await _reread(ops, pick.order.id)).status is OrderStatus.PENDING
    await shopper.click("Change the items")

    changed = await _reread(ops, pick.order.id)
    assert changed.status is OrderStatus.PENDING_ITEMS_MODIFIED
    assert changed.line(pick.line.line_no).item_id == new.item_id
    difference = changed.payments[-1]
    assert difference.kind is TransactionKind.DIFFERENCE
    assert difference.amount == new.price - pick.line.price
    assert "Items changed" in str(shopper.widget)


async def test_switching_an_item_typed(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, _switchable, status=OrderStatus.PENDING)
    new = switch_variants(pick.line, pick.catalog)[0]
    await verify(shopper, pick.customer)

    await shopper.say(f"I want to change an item in order {pick.order.id}, it hasn't shipped")
    await shopper.submit(
        shopper.form_with("Choose new options"), {f"qty:{pick.line.item_id}": True}
    )
    await shopper.say("the first one")
    assert "Is that everything" in str(shopper.widget), shopper.said
    await shopper.say("yes that's everything")
    await shopper.say("the first one")
    await shopper.say("yes")

    changed = await _reread(ops, pick.order.id)
    assert changed.line(pick.line.line_no).item_id == new.item_id
    assert changed.status is OrderStatus.PENDING_ITEMS_MODIFIED


async def test_an_order_whose_items_changed_cannot_change_again_or_be_cancelled(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(ops, _switchable, status=OrderStatus.PENDING)
    await test_switching_an_item_by_clicks(shopper, ops)
    before = await _reread(ops, pick.order.id)

    await shopper.click("Something else")
    await shopper.say(f"change the items in order {pick.order.id}")
    assert "already changed" in shopper.said
    await shopper.say(f"cancel order {pick.order.id}")
    assert "can no longer be cancelled" in shopper.said

    assert await _reread(ops, pick.order.id) == before


async def test_a_sold_out_or_unknown_option_is_refused(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, _switchable, status=OrderStatus.PENDING)
    await verify(shopper, pick.customer)
    await shopper.click("Change items in an order")
    await shopper.click(f"Change items in {pick.order.id}")
    await shopper.submit(
        shopper.form_with("Choose new options"), {f"qty:{pick.line.item_id}": True}
    )
    other = next(
        v
        for p in pick.catalog.products.values()
        for v in p.variants
        if p.id != pick.line.product_id
    )
    action = shopper.buttons()[0]["onClickAction"]
    await shopper.send({**action, "payload": {**action["payload"], "item_id": other.item_id}})

    assert "not to a different product" in shopper.said
    assert (await _reread(ops, pick.order.id)).line(pick.line.line_no).item_id == pick.line.item_id


async def test_a_double_confirm_switches_once(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, _switchable, status=OrderStatus.PENDING)
    new = switch_variants(pick.line, pick.catalog)[0]
    await verify(shopper, pick.customer)
    await shopper.click("Change items in an order")
    await shopper.click(f"Change items in {pick.order.id}")
    await shopper.submit(
        shopper.form_with("Choose new options"), {f"qty:{pick.line.item_id}": True}
    )
    await shopper.click(f"Choose {describe_options(new.options)}")
    await shopper.click("Yes, that's everything")
    await _pay_or_refund(shopper)
    confirm = shopper.button("Change the items")

    await shopper.click("Change the items")
    await shopper.send(confirm["onClickAction"])

    changed = await _reread(ops, pick.order.id)
    assert len(changed.payments) == len(pick.order.payments) + 1
