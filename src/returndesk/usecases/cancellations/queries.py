"""What the cancellation widgets show besides the state and facts, read into view-models.

The widgets only draw; these are the only part of the cancellation widgets that
touch the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from returndesk.domain import CUSTOMER_CANCELLABLE, Order, ReturnStatus
from returndesk.operations.context import Operations
from returndesk.operations.queries import pending_orders as shoppers_pending_orders
from returndesk.store.port.returns import StoredReturn
from returndesk.usecases.cancellations.answers import CancelOrderAnswers, CancelReturnAnswers
from returndesk.widgets.inputs import WidgetInput


async def pending_orders(given: WidgetInput, ops: Operations) -> list[Order]:
    """The shopper's orders not shipped yet: only those can be cancelled."""
    assert given.state.customer_id is not None
    return await shoppers_pending_orders(ops, given.state.customer_id)


async def chosen_order(given: WidgetInput, ops: Operations) -> Order:
    """The order being cancelled, as it is stored now."""
    answers = given.state.answers(CancelOrderAnswers)
    assert answers.order_id is not None
    assert given.facts.customer is not None
    async with ops.storage.reading() as repositories:
        return await repositories.orders.customer_order(given.facts.customer.id, answers.order_id)


@dataclass(frozen=True, slots=True)
class ReturnBrief:
    """What a cancellation card says about a return."""

    rma: str
    order_id: str
    items: int
    status: ReturnStatus

    @classmethod
    def of(cls, ret: StoredReturn) -> ReturnBrief:
        return cls(ret.rma, ret.order_id, len(ret.lines), ret.status)


async def open_returns(given: WidgetInput, ops: Operations) -> list[ReturnBrief]:
    """The shopper's returns whose items are not on their way yet: those can be cancelled."""
    assert given.state.customer_id is not None
    async with ops.storage.reading() as repositories:
        returns = await repositories.returns.newest_first(customer_id=given.state.customer_id)
    return [ReturnBrief.of(ret) for ret in returns if ret.status in CUSTOMER_CANCELLABLE]


async def chosen_return(given: WidgetInput, ops: Operations) -> ReturnBrief:
    rma = given.state.answers(CancelReturnAnswers).rma
    assert rma is not None
    async with ops.storage.reading() as repositories:
        return ReturnBrief.of(await repositories.returns.get(rma))
