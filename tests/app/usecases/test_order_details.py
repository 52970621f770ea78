"""An order's details: status, items with options, total, payment, address and tracking."""

from __future__ import annotations

from returndesk.domain import Order, format_money
from returndesk.operations.context import Operations
from tests.support.demo import find_order
from tests.support.flows import verify
from tests.support.shopper import Shopper


def _shipped(o: Order, c: object) -> bool:
    return bool(o.fulfilments) and len(o.net_paid_by_method()) == 1


async def _check_card(shopper: Shopper, order: Order, ops: Operations) -> None:
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    shown = str(shopper.widget)
    assert order.status.value.capitalize() in shown
    for line in order.lines:
        assert line.name in shown
        assert all(value in shown for value in line.options.values())
    assert format_money(order.items_total) in shown
    [method_id] = order.net_paid_by_method()
    assert f"Paid with {customer.payment_method(method_id).describe()}" in shown
    assert order.address is not None
    assert order.address.one_line() in shown
    assert all(tracking in shown for tracking in order.tracking_ids)


async def test_order_details_by_clicks(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, _shipped)
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    await verify(shopper, customer)

    await shopper.click("Check an order or return")
    await shopper.click(f"Order {order.id}")

    await _check_card(shopper, order, ops)


async def test_order_details_typed(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, _shipped)
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    await verify(shopper, customer)

    await shopper.say(f"show me the details of order {order.id}")

    await _check_card(shopper, order, ops)
