"""Changing the account's default address, and sending pending orders there or not."""

from __future__ import annotations

from returndesk.domain import Customer, Order, OrderStatus
from returndesk.operations.context import Operations
from tests.support.demo import find_order
from tests.support.flows import verify
from tests.support.shopper import Shopper

BAY_STREET = {
    "address1": "88 Bay Street",
    "address2": "",
    "city": "Austin",
    "state": "TX",
    "zip": "78703",
    "country": "USA",
}
NEW = "88 Bay Street, Austin, TX 78703, USA"


async def _with_pending(ops: Operations) -> Customer:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)
    async with ops.storage.reading() as repositories:
        return await repositories.customers.get(order.customer_id)


async def _state(ops: Operations, customer_id: str) -> tuple[str, list[Order]]:
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(customer_id)
        orders = await repositories.orders.customer_orders(customer_id)
    assert customer.address is not None
    return customer.address.one_line(), [o for o in orders if o.status is OrderStatus.PENDING]


async def test_a_new_address_with_the_pending_orders_following_by_clicks(
    shopper: Shopper, ops: Operations
) -> None:
    customer = await _with_pending(ops)
    await verify(shopper, customer)

    await shopper.click("Update my address")
    await shopper.submit(shopper.form_with("Street address"), BAY_STREET)
    await shopper.click("Yes, send the")
    assert NEW in str(shopper.widget)
    await shopper.click("Update my address")

    address, pending = await _state(ops, customer.id)
    assert address == NEW
    assert pending
    assert all(o.address is not None and o.address.one_line() == NEW for o in pending)


async def test_a_new_address_for_future_orders_only_typed(
    shopper: Shopper, ops: Operations
) -> None:
    customer = await _with_pending(ops)
    _, before = await _state(ops, customer.id)
    await verify(shopper, customer)

    await shopper.say("change my default address to 88 Bay Street, Austin, TX 78703")
    assert "Should your pending" in str(shopper.widget)
    await shopper.say("no")
    await shopper.say("yes")

    address, pending = await _state(ops, customer.id)
    assert address == NEW
    assert [o.address for o in pending] == [o.address for o in before]
    assert "Orders already placed keep their shipping address." in str(shopper.widget)


async def test_an_address_without_a_zip_is_refused_and_nothing_changes(
    shopper: Shopper, ops: Operations
) -> None:
    customer = await _with_pending(ops)
    before, _ = await _state(ops, customer.id)
    await verify(shopper, customer)
    await shopper.click("Update my address")

    await shopper.submit(shopper.form_with("Street address"), {**BAY_STREET, "zip": ""})

    assert "The address needs a ZIP code." in shopper.said
    assert (await _state(ops, customer.id))[0] == before
