"""Writing changes to a pending order and to the customer's default address.

Each change is planned again inside the transaction, on the order locked for
update, so what is written is what the rules allow now, whatever the shopper
saw a moment ago: a second Confirm of a change already made is refused (the
payment already moved, the items already switched) or writes the same address
again, never twice the money.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import update

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
    to_cents,
)
from returndesk.operations.context import Operations
from returndesk.operations.money_moves import record_transaction
from returndesk.store.db import transaction
from returndesk.store.repositories.catalog import load_catalog
from returndesk.store.repositories.customers import get_customer
from returndesk.store.repositories.orders import get_order_row, order_from_row
from returndesk.store.tables import CustomerRow
from returndesk.telemetry import ORDERS_CHANGED


async def change_shipping_address(
    ops: Operations, order_id: str, *, customer_id: str, fields: Mapping[str, str]
) -> AddressChange:
    async with transaction(ops.sessions) as session:
        row = await get_order_row(session, order_id, for_update=True)
        customer = await get_customer(session, customer_id)
        change = plan_address_change(
            order_from_row(row), customer=customer, fields=fields, policy=ops.policy
        )
        row.address = change.new.to_dict()
    ORDERS_CHANGED.labels("address").inc()
    return change


async def change_payment_method(
    ops: Operations, order_id: str, *, customer_id: str, payment_method_id: str
) -> PaymentChange:
    """The new method pays the whole total; the old one gets it back."""
    now = ops.clock()
    async with transaction(ops.sessions) as session:
        row = await get_order_row(session, order_id, for_update=True)
        customer = await get_customer(session, customer_id)
        change = plan_payment_change(
            order_from_row(row),
            customer=customer,
            payment_method_id=payment_method_id,
            policy=ops.policy,
        )
        await record_transaction(
            session,
            order_id=row.id,
            kind=TransactionKind.PAYMENT,
            amount=change.amount,
            payment_method_id=change.new.id,
            at=now,
        )
        await record_transaction(
            session,
            order_id=row.id,
            kind=TransactionKind.REFUND,
            amount=change.amount,
            payment_method_id=change.old.id,
            at=now,
        )
    ORDERS_CHANGED.labels("payment").inc()
    return change


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
    async with transaction(ops.sessions) as session:
        row = await get_order_row(session, order_id, for_update=True)
        customer = await get_customer(session, customer_id)
        # Read fresh, not from the cache: availability decides what may be written.
        catalog = await load_catalog(session, {line.product_id for line in row.lines})
        change = plan_item_change(
            order_from_row(row),
            customer=customer,
            choices=choices,
            payment_method_id=payment_method_id,
            catalog=catalog,
        )
        lines = {line.line_no: line for line in row.lines}
        for switch in change.switches:
            line = lines[switch.line.line_no]
            line.item_id = switch.variant.item_id
            line.options = dict(switch.variant.options)
            line.price_cents = to_cents(switch.variant.price)
        if change.payment_method is not None:
            await record_transaction(
                session,
                order_id=row.id,
                kind=TransactionKind.DIFFERENCE,
                amount=change.difference,
                payment_method_id=change.payment_method.id,
                at=now,
            )
        row.status = OrderStatus.PENDING_ITEMS_MODIFIED.value
    ORDERS_CHANGED.labels("items").inc()
    return change


async def change_default_address(
    ops: Operations,
    *,
    customer_id: str,
    fields: Mapping[str, str],
    orders_following: Sequence[str] = (),
) -> DefaultAddressChange:
    """The account's address, and the pending orders the shopper wants to follow it."""
    async with transaction(ops.sessions) as session:
        customer = await get_customer(session, customer_id)
        rows = [
            await get_order_row(session, order_id, for_update=True) for order_id in orders_following
        ]
        change = plan_default_address_change(
            customer,
            fields=fields,
            policy=ops.policy,
            orders_following=[order_from_row(row) for row in rows],
        )
        await session.execute(
            update(CustomerRow)
            .where(CustomerRow.id == customer.id)
            .values(
                address1=change.new.address1,
                address2=change.new.address2,
                city=change.new.city,
                state=change.new.state,
                zip=change.new.zip,
                country=change.new.country,
            )
        )
        for row in rows:
            row.address = change.new.to_dict()
    ORDERS_CHANGED.labels("default_address").inc()
    return change
