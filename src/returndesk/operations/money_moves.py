"""Money leaving or reaching the shopper: payment history rows and gift-card balances.

Gift-card balances change in the same transaction as the return or order they
belong to, under a row lock, so two refunds never overwrite each other.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain import PaymentSource, TransactionKind, to_cents
from returndesk.errors import Conflict
from returndesk.store.repositories.customers import lock_payment_method
from returndesk.store.tables import PaymentTransactionRow


async def record_transaction(
    session: AsyncSession,
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
    last_seq = await session.scalar(
        select(func.max(PaymentTransactionRow.seq)).where(
            PaymentTransactionRow.order_id == order_id
        )
    )
    session.add(
        PaymentTransactionRow(
            order_id=order_id,
            seq=(last_seq or 0) + 1,
            kind=kind.value,
            amount_cents=to_cents(amount),
            payment_method_id=payment_method_id,
            created_at=at,
        )
    )
    # What the shopper paid leaves their gift card; what they got back reaches it.
    sign = 1 if kind is TransactionKind.REFUND else -1
    await adjust_gift_card(session, payment_method_id, sign * amount)


async def adjust_gift_card(session: AsyncSession, payment_method_id: str, change: Decimal) -> None:
    """Add `change` to a gift card's balance; other methods settle outside the store."""
    method = await lock_payment_method(session, payment_method_id)
    if method.source != PaymentSource.GIFT_CARD.value:
        return
    balance = (method.balance_cents or 0) + to_cents(change)
    if balance < 0:
        raise Conflict("The gift card's balance no longer covers this amount.")
    method.balance_cents = balance
