"""Money leaving or reaching the shopper: payment history and gift-card balances.

Gift-card balances change in the same unit of work as the return or order they
belong to, serialised by the store, so two refunds never overwrite each other.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from returndesk.domain import TransactionKind
from returndesk.store.port.storage import Repositories


async def record_transaction(
    repositories: Repositories,
    *,
    order_id: str,
    kind: TransactionKind,
    amount: Decimal,
    payment_method_id: str,
    at: datetime,
) -> None:
    """Add one line to the order's payment history and move a gift card's balance with it.

    A difference carries its sign (positive: the shopper paid it); the other kinds are
    positive, and nothing is recorded for no money.
    """
    if amount == 0 or (amount < 0 and kind is not TransactionKind.DIFFERENCE):
        return
    await repositories.orders.add_payment(
        order_id, kind=kind, amount=amount, payment_method_id=payment_method_id, at=at
    )
    # What the shopper paid leaves their gift card; what they got back reaches it.
    sign = 1 if kind is TransactionKind.REFUND else -1
    await repositories.customers.adjust_gift_card(payment_method_id, sign * amount)
