"""What the return widgets show besides the state and facts, read into view-models.

The widgets only draw; these are the only part of a return's widgets that touch
the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from returndesk.domain import LineEligibility, Order, OrderStatus, ReturnStatus, Shipment
from returndesk.operations.context import Operations
from returndesk.operations.queries import orders_with_eligibility, return_status
from returndesk.usecases.returns.answers import ReturnAnswers
from returndesk.widgets.inputs import WidgetInput


@dataclass(frozen=True, slots=True)
class DeliveredOrder:
    """A delivered order, each line with whether it can be returned now and why."""

    order: Order
    lines: tuple[LineEligibility, ...]


async def delivered_orders(given: WidgetInput, ops: Operations) -> tuple[DeliveredOrder, ...]:
    """The shopper's delivered orders: only what has arrived can be sent back."""
    assert given.state.customer_id is not None
    found = await orders_with_eligibility(
        ops, given.state.customer_id, customer=given.facts.customer
    )
    return tuple(
        DeliveredOrder(entry.order, entry.lines)
        for entry in found.orders
        if entry.order.status is OrderStatus.DELIVERED
    )


@dataclass(frozen=True, slots=True)
class ConfirmedReturn:
    """The return just confirmed, with what happens next and when the money arrives."""

    rma: str
    status: ReturnStatus
    shipment: Shipment | None
    next_step: str
    refund_timing: str | None


async def confirmed_return(given: WidgetInput, ops: Operations) -> ConfirmedReturn:
    rma = given.state.answers(ReturnAnswers).confirmed_rma
    assert rma is not None
    report = await return_status(ops, rma)
    ret = report.ret
    return ConfirmedReturn(
        ret.rma, ret.status, ret.shipment, report.next_step, report.refund_timing
    )
