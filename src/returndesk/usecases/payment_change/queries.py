"""What the payment change widgets show, read into view-models."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from returndesk.domain import (
    Order,
    PaymentMethod,
    paying_method,
    payment_change_options,
    refund_timing,
)
from returndesk.operations.context import Operations
from returndesk.operations.queries import pending_orders
from returndesk.usecases.payment_change.answers import ChangePaymentAnswers
from returndesk.widgets.inputs import WidgetInput


async def changeable_orders(given: WidgetInput, ops: Operations) -> list[Order]:
    """The shopper's pending orders: only those can be paid another way."""
    assert given.state.customer_id is not None
    return await pending_orders(ops, given.state.customer_id)


@dataclass(frozen=True, slots=True)
class PaymentView:
    """An order with the method paying it, what it costs and what else may pay it."""

    order: Order
    paid_with: PaymentMethod
    amount: Decimal
    # The shopper's other methods able to pay the whole amount.
    options: tuple[PaymentMethod, ...]
    # Their gift cards that can't: shown, so the shopper knows why they are missing.
    too_small: tuple[PaymentMethod, ...]
    chosen: PaymentMethod | None
    # When the method that paid before gets its money back.
    refund_timing: str


async def chosen_order(given: WidgetInput, ops: Operations) -> PaymentView:
    answers = given.state.answers(ChangePaymentAnswers)
    customer = given.facts.customer
    assert answers.order_id is not None
    assert customer is not None
    async with ops.storage.reading() as repositories:
        order = await repositories.orders.customer_order(customer.id, answers.order_id)
    # Once moved, the method that paid before is the one refunded.
    paid_with = (
        customer.payment_method(answers.moved_from)
        if answers.moved_from
        else paying_method(order, customer)
    )
    amount = order.net_paid_by_method().get(paying_method(order, customer).id, Decimal(0))
    options = payment_change_options(order, customer) if not answers.done else ()
    too_small = tuple(
        method
        for method in customer.gift_cards
        if method not in options and method.id != paid_with.id
    )
    chosen = (
        customer.payment_method(answers.payment_method_id) if answers.payment_method_id else None
    )
    timing = refund_timing(paid_with, waits_for_items=False, policy=given.facts.policy)
    return PaymentView(order, paid_with, amount, options, too_small, chosen, timing)
