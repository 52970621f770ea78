"""Confirmed changes to pending orders and to the default address, as the database keeps them."""

from __future__ import annotations

import pytest

from returndesk.domain import (
    Customer,
    Order,
    OrderStatus,
    TransactionKind,
    switch_variants,
)
from returndesk.errors import InvalidRequest, NotEligible, NotFound
from returndesk.operations.context import Operations
from returndesk.operations.order_changes import (
    change_default_address,
    change_items,
    change_payment_method,
    change_shipping_address,
)
from tests.support.demo import find_line, find_order

OAK_STREET = {
    "address1": "12 Oak St",
    "city": "Austin",
    "state": "TX",
    "zip": "78701",
    "country": "USA",
}


async def reread(ops: Operations, order_id: str) -> Order:
    async with ops.storage.reading() as repositories:
        return await repositories.orders.get(order_id)


async def test_a_new_shipping_address_is_kept_and_the_order_stays_pending(
    ops: Operations,
) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)

    await change_shipping_address(ops, order.id, customer_id=order.customer_id, fields=OAK_STREET)
    await change_shipping_address(
        ops, order.id, customer_id=order.customer_id, fields={**OAK_STREET, "address2": "Apt 4"}
    )

    changed = await reread(ops, order.id)
    assert changed.address is not None
    assert changed.address.one_line() == "12 Oak St, Apt 4, Austin, TX 78701, USA"
    assert changed.status is OrderStatus.PENDING


async def test_another_customers_order_is_refused_and_unchanged(ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)
    other = await find_order(ops, lambda o, c: c.id != order.customer_id)

    with pytest.raises(NotEligible, match="can't find that order"):
        await change_shipping_address(
            ops, order.id, customer_id=other.customer_id, fields=OAK_STREET
        )

    assert (await reread(ops, order.id)).address == order.address


async def test_moving_the_payment_to_a_gift_card_takes_the_total_from_its_balance(
    ops: Operations,
) -> None:
    def other_gift_card_covers(o: Order, c: Customer) -> bool:
        paid = o.net_paid_by_method()
        return (
            o.status is OrderStatus.PENDING
            and len(paid) == 1
            and any(
                m.is_gift_card and m.id not in paid and (m.balance or 0) >= sum(paid.values())
                for m in c.payment_methods
            )
        )

    order = await find_order(ops, other_gift_card_covers)
    async with ops.storage.reading() as repositories:
        before = await repositories.customers.get(order.customer_id)
    card = next(m for m in before.gift_cards if m.id != order.original_payment_method_id)
    assert card.balance is not None

    change = await change_payment_method(
        ops, order.id, customer_id=order.customer_id, payment_method_id=card.id
    )

    changed = await reread(ops, order.id)
    assert [(p.kind, p.amount, p.payment_method_id) for p in changed.payments[-2:]] == [
        (TransactionKind.PAYMENT, change.amount, card.id),
        (TransactionKind.REFUND, change.amount, change.old.id),
    ]
    assert changed.net_paid_by_method()[card.id] == change.amount
    async with ops.storage.reading() as repositories:
        after = (await repositories.customers.get(order.customer_id)).payment_method(card.id)
    assert after.balance == card.balance - change.amount
    # A second Confirm of the same move finds it made and moves nothing.
    with pytest.raises(InvalidRequest, match="already paid with"):
        await change_payment_method(
            ops, order.id, customer_id=order.customer_id, payment_method_id=card.id
        )
    assert len((await reread(ops, order.id)).payments) == len(changed.payments)


async def test_switching_items_writes_the_new_items_the_difference_and_the_status(
    ops: Operations,
) -> None:
    pick = await find_line(
        ops, lambda p: bool(switch_variants(p.line, p.catalog)), status=OrderStatus.PENDING
    )
    order = pick.order
    choices = {pick.line.line_no: switch_variants(pick.line, pick.catalog)[0].item_id}
    method = order.original_payment_method_id
    assert method is not None

    change = await change_items(
        ops, order.id, customer_id=order.customer_id, choices=choices, payment_method_id=method
    )

    changed = await reread(ops, order.id)
    ((line_no, item_id),) = choices.items()
    assert changed.line(line_no).item_id == item_id
    assert changed.line(line_no).price == change.switches[0].variant.price
    assert changed.status is OrderStatus.PENDING_ITEMS_MODIFIED
    if change.difference:
        last = changed.payments[-1]
        assert (last.kind, last.amount, last.payment_method_id) == (
            TransactionKind.DIFFERENCE,
            change.difference,
            method,
        )
    assert (
        changed.net_paid_by_method()[method]
        == order.net_paid_by_method()[method] + change.difference
    )
    # Once per order: a second Confirm, or any later change, is refused.
    with pytest.raises(NotEligible, match="already changed"):
        await change_items(
            ops, order.id, customer_id=order.customer_id, choices=choices, payment_method_id=method
        )


async def test_a_new_default_address_moves_the_pending_orders_the_shopper_names(
    ops: Operations,
) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)

    change = await change_default_address(
        ops, customer_id=order.customer_id, fields=OAK_STREET, orders_following=[order.id]
    )

    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    assert customer.address == change.new
    assert customer.zip == "78701"
    assert (await reread(ops, order.id)).address == change.new


async def test_an_unknown_order_is_not_found(ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: True)
    with pytest.raises(NotFound):
        await change_shipping_address(
            ops, "#W0000000", customer_id=order.customer_id, fields=OAK_STREET
        )
