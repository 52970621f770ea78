"""Sending a pending order to another address, by clicks and by typing."""

from __future__ import annotations

from returndesk.domain import Customer, Order, OrderStatus
from returndesk.operations.context import Operations
from tests.support.demo import find_order
from tests.support.flows import verify
from tests.support.shopper import Shopper

OAK_STREET = {
    "address1": "12 Oak St",
    "address2": "",
    "city": "Austin",
    "state": "TX",
    "zip": "78701",
    "country": "USA",
}


async def _pending(ops: Operations) -> tuple[Order, Customer]:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)
    async with ops.storage.reading() as repositories:
        return order, await repositories.customers.get(order.customer_id)


async def _address(ops: Operations, order_id: str) -> str:
    async with ops.storage.reading() as repositories:
        address = (await repositories.orders.get(order_id)).address
    assert address is not None
    return address.one_line()


async def test_a_new_address_by_clicks(shopper: Shopper, ops: Operations) -> None:
    order, customer = await _pending(ops)
    await verify(shopper, customer)

    await shopper.click("Change a delivery address")
    await shopper.click(f"Change {order.id}")
    form = shopper.form_with("Street address")
    # The form shows the address the order ships to now.
    assert order.address is not None
    assert order.address.address1 in str(form)
    await shopper.submit(form, OAK_STREET)
    assert "12 Oak St, Austin, TX 78701, USA" in str(shopper.widget)
    assert await _address(ops, order.id) != "12 Oak St, Austin, TX 78701, USA"
    await shopper.click("Change the address")

    assert await _address(ops, order.id) == "12 Oak St, Austin, TX 78701, USA"
    assert "Address changed" in str(shopper.widget)
    assert await shopper.title() == f"Change address {order.id}"


async def test_a_new_address_typed_in_one_message(shopper: Shopper, ops: Operations) -> None:
    order, customer = await _pending(ops)
    await verify(shopper, customer)

    await shopper.say(
        f"please ship order {order.id} to 500 Congress Ave, Suite 200, Austin TX 78701"
    )
    assert "500 Congress Ave, Suite 200, Austin, TX 78701" in str(shopper.widget)
    await shopper.say("yes")

    assert await _address(ops, order.id) == "500 Congress Ave, Suite 200, Austin, TX 78701, USA"


async def test_typing_the_order_then_the_address(shopper: Shopper, ops: Operations) -> None:
    order, customer = await _pending(ops)
    await verify(shopper, customer)

    await shopper.say("I need to change the shipping address on my order")
    await shopper.say(order.id)
    await shopper.say("it's 9 Pine Road, Dublin OH 43017")
    await shopper.say("yes please")

    assert await _address(ops, order.id) == "9 Pine Road, Dublin, OH 43017, USA"


async def test_an_address_missing_a_field_is_refused_with_the_field_named(
    shopper: Shopper, ops: Operations
) -> None:
    order, customer = await _pending(ops)
    before = await _address(ops, order.id)
    await verify(shopper, customer)
    await shopper.click("Change a delivery address")
    await shopper.click(f"Change {order.id}")

    await shopper.submit(shopper.form_with("Street address"), {**OAK_STREET, "city": ""})
    assert "The address needs a city." in shopper.said
    await shopper.submit(shopper.form_with("Street address"), {**OAK_STREET, "zip": "787"})
    assert "'787' is not a ZIP code in USA" in shopper.said

    assert await _address(ops, order.id) == before
    assert "Street address" in str(shopper.widget)


async def test_a_shipped_order_is_refused_with_what_is_possible(
    shopper: Shopper, ops: Operations
) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PROCESSED)
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    before = await _address(ops, order.id)
    await verify(shopper, customer)

    await shopper.say(f"change the address on {order.id} to 12 Oak St, Austin TX 78701")

    assert "packed and about to ship" in shopper.said
    assert "return or exchange" in shopper.said
    assert await _address(ops, order.id) == before


async def test_a_double_confirm_writes_once(shopper: Shopper, ops: Operations) -> None:
    order, customer = await _pending(ops)
    await verify(shopper, customer)
    await shopper.say(f"ship {order.id} to 12 Oak St, Austin TX 78701")
    confirm = shopper.button("Change the address")

    await shopper.click("Change the address")
    await shopper.send(confirm["onClickAction"])

    assert await _address(ops, order.id) == "12 Oak St, Austin, TX 78701, USA"
    assert "Address changed" in str(shopper.widget)
