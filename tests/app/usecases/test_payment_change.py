"""Paying a pending order another way, by clicks and by typing."""

from __future__ import annotations

from decimal import Decimal

from returndesk.domain import Customer, Order, OrderStatus, TransactionKind
from returndesk.operations.context import Operations
from tests.support.demo import find_order
from tests.support.flows import verify
from tests.support.shopper import Shopper


def _paid_by_one(o: Order) -> bool:
    return o.status is OrderStatus.PENDING and len(o.net_paid_by_method()) == 1


def _gift_card_covers(o: Order, c: Customer) -> bool:
    total = sum(o.net_paid_by_method().values(), Decimal(0))
    return _paid_by_one(o) and any(
        m.is_gift_card and m.id not in o.net_paid_by_method() and (m.balance or 0) >= total
        for m in c.payment_methods
    )


def _gift_card_too_small(o: Order, c: Customer) -> bool:
    total = sum(o.net_paid_by_method().values(), Decimal(0))
    return _paid_by_one(o) and any(
        m.is_gift_card and m.id not in o.net_paid_by_method() and (m.balance or 0) < total
        for m in c.payment_methods
    )


async def _customer(ops: Operations, order: Order) -> Customer:
    async with ops.storage.reading() as repositories:
        return await repositories.customers.get(order.customer_id)


async def _reread(ops: Operations, order_id: str) -> Order:
    async with ops.storage.reading() as repositories:
        return await repositories.orders.get(order_id)


async def test_paying_with_a_gift_card_by_clicks(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, _gift_card_covers)
    customer = await _customer(ops, order)
    card = next(m for m in customer.gift_cards if m.id not in order.net_paid_by_method())
    await verify(shopper, customer)

    await shopper.click("Change how an order is paid")
    await shopper.click(f"Change {order.id}")
    await shopper.click("Pay with Gift card")
    assert "Back to" in str(shopper.widget)
    await shopper.click("Change the payment")

    changed = await _reread(ops, order.id)
    assert list(changed.net_paid_by_method()) == [*order.net_paid_by_method(), card.id]
    assert changed.net_paid_by_method()[card.id] == sum(order.net_paid_by_method().values())
    assert all(
        amount == 0 for method, amount in changed.net_paid_by_method().items() if method != card.id
    )
    assert "Payment changed" in str(shopper.widget)
    refreshed = (await _customer(ops, order)).payment_method(card.id)
    assert refreshed.balance == (card.balance or 0) - changed.net_paid_by_method()[card.id]


async def test_paying_another_way_typed(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, _gift_card_covers)
    customer = await _customer(ops, order)
    card = next(m for m in customer.gift_cards if m.id not in order.net_paid_by_method())
    await verify(shopper, customer)

    await shopper.say(f"can I pay for order {order.id} with my gift card instead?")
    assert "Change the payment" in shopper.labels()
    await shopper.say("yes")

    changed = await _reread(ops, order.id)
    assert changed.net_paid_by_method()[card.id] > 0
    assert changed.payments[-1].kind is TransactionKind.REFUND


async def test_a_gift_card_that_cannot_cover_the_total_is_refused(
    shopper: Shopper, ops: Operations
) -> None:
    order = await find_order(ops, _gift_card_too_small)
    customer = await _customer(ops, order)
    await verify(shopper, customer)

    await shopper.say(f"pay order {order.id} with the gift card")

    assert "doesn't cover the order total" in shopper.said
    assert (await _reread(ops, order.id)).payments == order.payments
    # The card offers only methods that can pay, and says why the gift card is missing.
    assert not any("Gift card" in label for label in shopper.labels() if "Pay with" in label)


async def test_a_delivered_order_cannot_change_its_payment(
    shopper: Shopper, ops: Operations
) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.DELIVERED)
    customer = await _customer(ops, order)
    await verify(shopper, customer)

    await shopper.say(f"I want to change the payment method on order {order.id}")

    assert "has been delivered" in shopper.said
    assert (await _reread(ops, order.id)).payments == order.payments


async def test_a_double_confirm_moves_the_money_once(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, _gift_card_covers)
    customer = await _customer(ops, order)
    await verify(shopper, customer)
    await shopper.say(f"can I pay for order {order.id} with my gift card instead?")
    confirm = shopper.button("Change the payment")

    await shopper.click("Change the payment")
    await shopper.send(confirm["onClickAction"])

    assert len((await _reread(ops, order.id)).payments) == len(order.payments) + 2
