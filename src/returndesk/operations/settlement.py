"""Moving a return's money when its status says so.

- Reaching `refunded`: the refund (or keep-with-discount amount) goes to the
  refund method; store credit is added to its gift card.
- Reaching `exchanged`: a difference owed to the shopper is refunded.
- Ending without the items (`cancelled`, `rejected`, `expired`): a difference
  the shopper already paid for an exchange is given back.
"""

from __future__ import annotations

from datetime import datetime

from returndesk.domain import Resolution, ReturnStatus, TransactionKind
from returndesk.domain.lifecycle import ENDED_WITHOUT_ITEMS
from returndesk.operations.money_moves import record_transaction
from returndesk.store.port.returns import StoredReturn
from returndesk.store.port.storage import Repositories


async def settle(
    repositories: Repositories, ret: StoredReturn, reached: ReturnStatus, at: datetime
) -> None:
    if reached is ReturnStatus.REFUNDED:
        await _pay_out(repositories, ret, at)
    elif reached is ReturnStatus.EXCHANGED and ret.exchange_difference < 0:
        assert ret.exchange_payment_method_id is not None
        await record_transaction(
            repositories,
            order_id=ret.order_id,
            kind=TransactionKind.REFUND,
            amount=-ret.exchange_difference,
            payment_method_id=ret.exchange_payment_method_id,
            at=at,
        )
    elif reached in ENDED_WITHOUT_ITEMS and ret.exchange_difference > 0:
        assert ret.exchange_payment_method_id is not None
        await record_transaction(
            repositories,
            order_id=ret.order_id,
            kind=TransactionKind.REFUND,
            amount=ret.exchange_difference,
            payment_method_id=ret.exchange_payment_method_id,
            at=at,
        )


async def _pay_out(repositories: Repositories, ret: StoredReturn, at: datetime) -> None:
    assert ret.refund_payment_method_id is not None
    amount = ret.refund_amount
    if ret.resolution is Resolution.STORE_CREDIT:
        # Store credit is the store's own money: it is not a refund of the order.
        await repositories.customers.adjust_gift_card(ret.refund_payment_method_id, amount)
        return
    await record_transaction(
        repositories,
        order_id=ret.order_id,
        kind=TransactionKind.REFUND,
        amount=amount,
        payment_method_id=ret.refund_payment_method_id,
        at=at,
    )
