"""Several requests in one conversation: one after another, or two asked in one message,
with no new verification, and each seeing what the one before changed."""

from __future__ import annotations

from returndesk.domain import Order, OrderStatus, switch_variants
from returndesk.operations.context import Operations
from returndesk.widgets.inputs import describe_options
from tests.support.demo import Pick, find_line, ordinary, returns_of
from tests.support.flows import choose_items, verify
from tests.support.shopper import Shopper

OAK_STREET = "12 Oak St, Austin, TX 78701, USA"


async def _pending_orders(ops: Operations, customer_id: str) -> list[Order]:
    async with ops.storage.reading() as repositories:
        orders = await repositories.orders.customer_orders(customer_id)
    return [order for order in orders if order.status is OrderStatus.PENDING]


async def _with_pending_order(ops: Operations) -> tuple[Pick, Order]:
    """A returnable line of a customer who also has a pending order."""
    found: list[Pick] = []

    def wanted(pick: Pick) -> bool:
        if ordinary(pick):
            found.append(pick)
        return len(found) >= 40

    await find_line(ops, wanted)
    for pick in found:
        pending = await _pending_orders(ops, pick.customer.id)
        if pending:
            return pick, pending[0]
    raise AssertionError("no customer with a returnable line and a pending order")


async def _reread(ops: Operations, order_id: str) -> Order:
    async with ops.storage.reading() as repositories:
        return await repositories.orders.get(order_id)


async def test_a_return_then_a_typed_cancellation_of_another_order(
    shopper: Shopper, ops: Operations
) -> None:
    pick, pending = await _with_pending_order(ops)
    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Defective")
    await shopper.click("Refund")
    await shopper.click("Print a prepaid label")
    await shopper.click("Confirm return")

    await shopper.say(f"also, cancel order {pending.id}, I ordered it by mistake")
    await shopper.say("yes")

    assert len(await returns_of(ops, pick.customer.id)) == 1
    assert (await _reread(ops, pending.id)).status is OrderStatus.CANCELLED
    assert "Thanks," not in shopper.said  # no second verification
    # The cancelled order is no longer offered for a change.
    await shopper.click("Something else")
    await shopper.click("Change a delivery address")
    assert f"Change {pending.id}" not in shopper.labels()


async def test_an_address_and_then_the_items_of_one_order_asked_at_once(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(
        ops, lambda p: bool(switch_variants(p.line, p.catalog)), status=OrderStatus.PENDING
    )
    new = switch_variants(pick.line, pick.catalog)[0]
    await verify(shopper, pick.customer)

    await shopper.say(
        f"ship {pick.order.id} to 12 Oak St, Austin TX 78701 and change the items in it"
    )
    assert "First the address change, then the item change." in shopper.said
    await shopper.say("yes")
    assert "Now the item change." in shopper.said
    assert (await _reread(ops, pick.order.id)).address.one_line() == OAK_STREET  # type: ignore[union-attr]

    await shopper.click(f"Change items in {pick.order.id}")
    await shopper.submit(shopper.form_with("Choose new options"), {f"qty:{pick.line.item_id}": 1})
    await shopper.click(f"Choose {describe_options(new.options)}")
    await shopper.click("Yes, that's everything")
    enabled = [b for b in shopper.buttons() if not b.get("disabled")]
    if "Change the items" not in [b["label"] for b in enabled]:
        await shopper.send(enabled[0]["onClickAction"])
    await shopper.click("Change the items")

    changed = await _reread(ops, pick.order.id)
    assert changed.status is OrderStatus.PENDING_ITEMS_MODIFIED
    assert changed.line(pick.line.line_no).item_id == new.item_id
    assert changed.address is not None
    assert changed.address.one_line() == OAK_STREET


async def test_a_return_and_a_new_default_address_in_one_message(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    await verify(shopper, pick.customer)

    await shopper.say(f"I want to return the {pick.line.name} and change my address")
    assert "First the return, then the update of your address." in shopper.said
    await shopper.click("Defective")
    await shopper.click("Refund")
    await shopper.click("Print a prepaid label")
    await shopper.click("Confirm return")

    assert "Now the update of your address." in shopper.said
    await shopper.say("88 Bay Street, Austin, TX 78703")
    if "Should your pending" in str(shopper.widget):
        await shopper.say("no")
    await shopper.say("yes")

    assert len(await returns_of(ops, pick.customer.id)) == 1
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(pick.customer.id)
    assert customer.address is not None
    assert customer.address.one_line() == "88 Bay Street, Austin, TX 78703, USA"
