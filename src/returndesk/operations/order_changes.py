"""Writing changes to a pending order and to the customer's default address.

Each change is planned again inside the transaction, on the order locked for
update, so what is written is what the rules allow now, whatever the shopper
saw a moment ago: a second Confirm of a change already made is refused (the
payment already moved, the items already switched) or writes the same address
again, never twice the money.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from returndesk.domain import (
    AddressChange,
    DefaultAddressChange,
    ItemChange,
    OrderStatus,
    PaymentChange,
    TransactionKind,
    plan_address_change,
    plan_default_address_change,
    plan_item_change,
    plan_payment_change,
)
from returndesk.operations.contention import retried_on_contention
from returndesk.operations.context import Operations
from returndesk.operations.money_moves import record_transaction
from returndesk.telemetry import ORDERS_CHANGED


@retried_on_contention
async def change_shipping_address(
    ops: Operations, order_id: str, *, customer_id: str, fields: Mapping[str, str]
) -> AddressChange:
    async with ops.storage.transaction() as repositories:
        order = await repositories.orders.get(order_id, for_update=True)
        customer = await repositories.customers.get(customer_id)
        change = plan_address_change(order, customer=customer, fields=fields, policy=ops.policy)
        await repositories.orders.set_address(order.id, change.new)
    ORDERS_CHANGED.labels("address").inc()
    return change


@retried_on_contention
async def change_payment_method(
    ops: Operations, order_id: str, *, customer_id: str, payment_method_id: str
) -> PaymentChange:
    """The new method pays the whole total; the old one gets it back."""
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        order = await repositories.orders.get(order_id, for_update=True)
        customer = await repositories.customers.get(customer_id)
        change = plan_payment_change(
            order,
            customer=customer,
            payment_method_id=payment_method_id,
            policy=ops.policy,
        )
        await record_transaction(
            repositories,
            order_id=order.id,
            kind=TransactionKind.PAYMENT,
            amount=change.amount,
            payment_method_id=change.new.id,
            at=now,
        )
        await record_transaction(
            repositories,
            order_id=order.id,
            kind=TransactionKind.REFUND,
            amount=change.amount,
            payment_method_id=change.old.id,
            at=now,
        )
    ORDERS_CHANGED.labels("payment").inc()
    return change


@retried_on_contention
async def change_items(
    ops: Operations,
    order_id: str,
    *,
    customer_id: str,
    choices: Mapping[int, str],
    payment_method_id: str | None,
) -> ItemChange:
    """Switch the chosen lines to their new variants, once per order, and settle the
    difference on the chosen method."""
    now = ops.clock()
    async with ops.storage.transaction() as repositories:
        order = await repositories.orders.get(order_id, for_update=True)
        customer = await repositories.customers.get(customer_id)
        # Read fresh, not from the cache: availability decides what may be written.
        catalog = await repositories.products.catalog({line.product_id for line in order.lines})
        change = plan_item_change(
            order,
            customer=customer,
            choices=choices,
            payment_method_id=payment_method_id,
            catalog=catalog,
        )
        await repositories.orders.replace_lines(
            order.id,
            [
                replace(
                    switch.line,
                    item_id=switch.variant.item_id,
                    options=dict(switch.variant.options),
                    price=switch.variant.price,
                )
                for switch in change.switches
            ],
        )
        if change.payment_method is not None:
            await record_transaction(
                repositories,
                order_id=order.id,
                kind=TransactionKind.DIFFERENCE,
                amount=change.difference,
                payment_method_id=change.payment_method.id,
                at=now,
            )
        await repositories.orders.set_status(order.id, OrderStatus.PENDING_ITEMS_MODIFIED)
    ORDERS_CHANGED.labels("items").inc()
    return change


@retried_on_contention
async def change_default_address(
    ops: Operations,
    *,
    customer_id: str,
    fields: Mapping[str, str],
    orders_following: Sequence[str] = (),
) -> DefaultAddressChange:
    """The account's address, and the pending orders the shopper wants to follow it."""
    async with ops.storage.transaction() as repositories:
        customer = await repositories.customers.get(customer_id)
        following = [
            await repositories.orders.get(order_id, for_update=True)
            for order_id in orders_following
        ]
        change = plan_default_address_change(
            customer,
            fields=fields,
            policy=ops.policy,
            orders_following=following,
        )
        await repositories.customers.set_address(customer.id, change.new)
        for order in following:
            await repositories.orders.set_address(order.id, change.new)
    ORDERS_CHANGED.labels("default_address").inc()
    return change
