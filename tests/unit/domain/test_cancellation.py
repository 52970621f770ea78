"""Cancelling a whole order: only while pending, for the policy's two reasons."""

from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.domain import (
    Order,
    OrderStatus,
    PaymentSource,
    PaymentTransaction,
    TransactionKind,
    cancellation_reason,
    check_order_cancellation,
    plan_order_cancellation,
)
from returndesk.errors import InvalidRequest, NotEligible
from tests.support.domain_factories import (
    CARD,
    NOW,
    PAYPAL,
    POLICY,
    customer,
    gift_card,
    line,
    money,
    order,
)

AT_ONCE = "The money is on your gift card at once."
BANK = "Card and PayPal refunds arrive within 5-7 business days."


@pytest.mark.parametrize(
    ("status", "allowed", "words"),
    [
        (OrderStatus.PENDING, True, "can be cancelled"),
        (OrderStatus.PROCESSED, False, "already shipped"),
        (OrderStatus.DELIVERED, False, "return its items instead"),
        (OrderStatus.CANCELLED, False, "already cancelled"),
    ],
)
def test_only_a_pending_order_can_be_cancelled(
    status: OrderStatus, allowed: bool, words: str
) -> None:
    got = check_order_cancellation(order(status=status), customer())

    assert got.allowed is allowed
    assert words in got.message


@pytest.mark.parametrize("status", [OrderStatus.PROCESSED, OrderStatus.DELIVERED])
def test_planning_refuses_an_order_that_is_not_pending(status: OrderStatus) -> None:
    with pytest.raises(NotEligible):
        plan_order_cancellation(
            order(status=status), customer=customer(), reason="no longer needed", policy=POLICY
        )


def test_another_customers_order_is_not_found() -> None:
    theirs = order(status=OrderStatus.PENDING, customer_id="someone_else_1")

    assert check_order_cancellation(theirs, customer()).message == (
        "I can't find that order on your account."
    )
    with pytest.raises(NotEligible, match="can't find that order"):
        plan_order_cancellation(
            theirs, customer=customer(), reason="no longer needed", policy=POLICY
        )


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("no longer needed", "no longer needed"),
        ("ordered by mistake", "ordered by mistake"),
        ("  Ordered   by MISTAKE ", "ordered by mistake"),
        ("No Longer Needed", "no longer needed"),
    ],
)
def test_the_two_reasons_are_accepted_in_any_case_and_spacing(typed: str, reason: str) -> None:
    assert cancellation_reason(typed, POLICY) == reason


@pytest.mark.parametrize("typed", ["found it cheaper", "", "mistake", "changed my mind"])
def test_any_other_reason_is_refused(typed: str) -> None:
    with pytest.raises(InvalidRequest, match="'no longer needed' or 'ordered by mistake'"):
        cancellation_reason(typed, POLICY)
    with pytest.raises(InvalidRequest):
        plan_order_cancellation(
            order(status=OrderStatus.PENDING), customer=customer(), reason=typed, policy=POLICY
        )


def pending_paid(*payments: tuple[TransactionKind, str, str]) -> Order:
    base = order(line(1, "shirt-m-blue"), line(2, "kettle-1l"), status=OrderStatus.PENDING)
    return Order(
        base.id,
        base.customer_id,
        base.status,
        base.placed_at,
        base.lines,
        payments=tuple(
            PaymentTransaction(kind, Decimal(amount), method) for kind, amount, method in payments
        ),
    )


P, R = TransactionKind.PAYMENT, TransactionKind.REFUND


@pytest.mark.parametrize(
    ("payments", "expected"),
    [
        pytest.param(
            [(P, "110.00", CARD.id)],
            [(CARD.id, PaymentSource.CREDIT_CARD, "110.00", BANK)],
            id="card",
        ),
        pytest.param(
            [(P, "110.00", PAYPAL.id)],
            [(PAYPAL.id, PaymentSource.PAYPAL, "110.00", BANK)],
            id="paypal",
        ),
        pytest.param(
            [(P, "110.00", "gift_card_1")],
            [("gift_card_1", PaymentSource.GIFT_CARD, "110.00", AT_ONCE)],
            id="gift-card-restored-at-once",
        ),
        pytest.param(
            [(P, "80.00", "gift_card_1"), (P, "30.00", CARD.id)],
            [
                ("gift_card_1", PaymentSource.GIFT_CARD, "80.00", AT_ONCE),
                (CARD.id, PaymentSource.CREDIT_CARD, "30.00", BANK),
            ],
            id="split-payment-each-back-where-it-came-from",
        ),
        pytest.param(
            [(P, "110.00", CARD.id), (R, "10.00", CARD.id)],
            [(CARD.id, PaymentSource.CREDIT_CARD, "100.00", BANK)],
            id="earlier-refund-netted",
        ),
        pytest.param(
            [(P, "50.00", CARD.id), (R, "50.00", CARD.id), (P, "110.00", PAYPAL.id)],
            [(PAYPAL.id, PaymentSource.PAYPAL, "110.00", BANK)],
            id="fully-refunded-method-skipped",
        ),
    ],
)
def test_the_money_goes_back_to_the_original_payment_method(
    payments: list[tuple[TransactionKind, str, str]],
    expected: list[tuple[str, PaymentSource, str, str]],
) -> None:
    shopper = customer(payment_methods=(CARD, PAYPAL, gift_card("0.00")))

    plan = plan_order_cancellation(
        pending_paid(*payments), customer=shopper, reason="ordered by mistake", policy=POLICY
    )

    assert plan.reason == "ordered by mistake"
    assert [(r.payment_method_id, r.source, r.amount, r.timing) for r in plan.refunds] == [
        (method, source, money(amount), timing) for method, source, amount, timing in expected
    ]
    assert plan.total == sum((money(e[2]) for e in expected), Decimal(0))


def test_the_cancellation_refunds_the_whole_total() -> None:
    pending = order(line(1, "shirt-m-blue"), line(2, "chair-black"), status=OrderStatus.PENDING)

    plan = plan_order_cancellation(
        pending, customer=customer(), reason="no longer needed", policy=POLICY
    )

    assert plan.total == money("350.00") == pending.items_total
    assert plan.order_id == pending.id
    assert pending.placed_at < NOW
