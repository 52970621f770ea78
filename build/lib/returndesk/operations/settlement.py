"""Moving a return's money when its status says so.

- Reaching `refunded`: the refund (or keep-with-discount amount) goes to the
  refund method; store credit is added to its gift card.
- Reaching `exchanged`: a difference owed to the shopper is refunded.
- Ending without the items (`cancelled`, `rejected`, `expired`): a difference
  the shopper already paid for an exchange is given back.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain import Resolution, ReturnStatus, TransactionKind, from_cents
from returndesk.domain.lifecycle import ENDED_WITHOUT_ITEMS
from returndesk.operations.money_moves import adjust_gift_card, record_transaction
from returndesk.store.tables import ReturnRow


async def settle(
    session: AsyncSession, row: ReturnRow, reached: ReturnStatus, at: datetime
) -> None:
    if reached is ReturnStatus.REFUNDED:
        await _pay_out(session, row, at)
    elif reached is ReturnStatus.EXCHANGED and row.exchange_difference_cents < 0:
        assert row.exchange_payment_method_id is not None
        await record_transaction(
            session,
            order_id=row.order_id,
            kind=TransactionKind.REFUND,
            amount=from_cents(-row.exchange_difference_cents),
            payment_method_id=row.exchange_payment_method_id,
            at=at,
        )
    elif reached in ENDED_WITHOUT_ITEMS and row.exchange_difference_cents > 0:
        assert row.exchange_payment_method_id is not None
        await record_transaction(
            session,
            order_id=row.order_id,
            kind=TransactionKind.REFUND,
            amount=from_cents(row.exchange_difference_cents),
            payment_method_id=row.exchange_payment_method_id,
            at=at,
        )


async def _pay_out(session: AsyncSession, row: ReturnRow, at: datetime) -> None:
    assert row.refund_payment_method_id is not None
    amount = from_cents(row.refund_amount_cents)
    if Resolution(row.resolution) is Resolution.STORE_CREDIT:
        # Store credit is the store's own money: it is not a refund of the order.
        await adjust_gift_card(session, row.refund_payment_method_id, amount)
        return
    await record_transaction(
        session,
        order_id=row.order_id,
        kind=TransactionKind.REFUND,
        amount=amount,
        payment_method_id=row.refund_payment_method_id,
        at=at,
    )
