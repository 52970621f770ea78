"""What the status widgets show besides the state and facts, read into view-models.

The widgets only draw; these are the only part of the status widgets that touch
the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from returndesk.domain import Order, Resolution, ReturnStatus
from returndesk.operations.context import Operations
from returndesk.operations.queries import order_status, return_status
from returndesk.usecases.status.answers import StatusAnswers
from returndesk.widgets.inputs import WidgetInput


@dataclass(frozen=True, slots=True)
class ReturnChoice:
    rma: str
    status: ReturnStatus


@dataclass(frozen=True, slots=True)
class StatusTargets:
    """Everything the shopper can ask the status of: their returns, then their orders."""

    returns: tuple[ReturnChoice, ...]
    orders: tuple[Order, ...]


async def status_targets(given: WidgetInput, ops: Operations) -> StatusTargets:
    assert given.state.customer_id is not None
    async with ops.storage.reading() as repositories:
        orders = await repositories.orders.customer_orders(given.state.customer_id)
        returns = await repositories.returns.newest_first(customer_id=given.state.customer_id)
    return StatusTargets(tuple(ReturnChoice(ret.rma, ret.status) for ret in returns), tuple(orders))


@dataclass(frozen=True, slots=True)
class ReturnStanding:
    """Where a return stands, what happens next and when the money arrives."""

    rma: str
    order_id: str
    items: int
    status: ReturnStatus
    resolution: Resolution
    next_step: str
    refund_timing: str | None


async def status_target(given: WidgetInput, ops: Operations) -> ReturnStanding | Order:
    """The return or the order the shopper chose, a return as it stands now.

    Reading a return's status expires it first when it waited too long for its items,
    so the card never shows a return as still open past its expiry.
    """
    answers = given.state.answers(StatusAnswers)
    assert given.state.customer_id is not None
    if answers.rma is not None:
        report = await return_status(ops, answers.rma, customer_id=given.state.customer_id)
        ret = report.ret
        return ReturnStanding(
            ret.rma,
            ret.order_id,
            len(ret.lines),
            ret.status,
            ret.resolution,
            report.next_step,
            report.refund_timing,
        )
    assert answers.order_id is not None
    return await order_status(ops, answers.order_id, customer_id=given.state.customer_id)
