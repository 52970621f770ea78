"""Can a line be returned? The first failing rule of the policy gives the answer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from returndesk.domain import (
    ExistingReturn,
    Order,
    OrderLine,
    OrderStatus,
    Outcome,
    ReturnStatus,
    Tier,
    check_line,
    check_order,
    held_line_nos,
    require_eligible,
)
from returndesk.errors import NotEligible
from tests.support.domain_factories import CATALOG, NOW, POLICY, customer, line, order

DELIVERED_MARCH_1 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
ITEM_OF_KIND = {"default": "shirt-m-blue", "electronics": "speaker-red", "activatable": "phone-128"}


def check(
    the_line: OrderLine,
    the_order: Order,
    *,
    tier: Tier = Tier.STANDARD,
    now: datetime = NOW,
    held: frozenset[int] = frozenset(),
    seal_opened: bool | None = None,
    customer_id: str | None = None,
) -> tuple[Outcome, str]:
    shopper = customer(tier) if customer_id is None else customer(tier, customer_id=customer_id)
    result = check_line(
        the_line,
        order=the_order,
        customer=shopper,
        product=CATALOG.product(the_line.product_id),
        policy=POLICY,
        now=now,
        held_line_nos=held,
        seal_opened=seal_opened,
    )
    assert result.eligible is (result.outcome is Outcome.ELIGIBLE)
    return result.outcome, result.message


# Last day of each window for an item delivered on 1 March 2026, and the day after.
@pytest.mark.parametrize(
    ("tier", "kind", "last_day", "day_after", "shown"),
    [
        (Tier.STANDARD, "default", (2026, 3, 31), (2026, 4, 1), "31 March 2026"),
        (Tier.STANDARD, "electronics", (2026, 3, 16), (2026, 3, 17), "16 March 2026"),
        (Tier.STANDARD, "activatable", (2026, 3, 15), (2026, 3, 16), "15 March 2026"),
        (Tier.MEMBER, "default", (2026, 4, 15), (2026, 4, 16), "15 April 2026"),
        (Tier.MEMBER, "electronics", (2026, 3, 16), (2026, 3, 17), "16 March 2026"),
        (Tier.MEMBER, "activatable", (2026, 3, 15), (2026, 3, 16), "15 March 2026"),
        (Tier.VIP, "default", (2026, 4, 30), (2026, 5, 1), "30 April 2026"),
        (Tier.VIP, "electronics", (2026, 3, 31), (2026, 4, 1), "31 March 2026"),
        (Tier.VIP, "activatable", (2026, 3, 15), (2026, 3, 16), "15 March 2026"),
    ],
)
def test_window_is_open_on_its_last_day_and_closed_the_day_after(
    tier: Tier,
    kind: str,
    last_day: tuple[int, int, int],
    day_after: tuple[int, int, int],
    shown: str,
) -> None:
    the_line = line(1, ITEM_OF_KIND[kind])
    the_order = order(the_line, delivered_at=DELIVERED_MARCH_1)

    late_on_last_day = datetime(*last_day, 23, 59, tzinfo=UTC)
    early_day_after = datetime(*day_after, 0, 0, tzinfo=UTC)

    assert check(the_line, the_order, tier=tier, now=late_on_last_day) == (
        Outcome.ELIGIBLE,
        f"You can return this item until {shown}.",
    )
    assert check(the_line, the_order, tier=tier, now=early_day_after) == (
        Outcome.WINDOW_EXPIRED,
        f"The return window for this item closed on {shown}.",
    )


@pytest.mark.parametrize(
    ("delivered", "now", "outcome", "sentence"),
    [
        pytest.param(
            (2025, 10, 31),
            (2025, 12, 1),
            Outcome.WINDOW_EXPIRED,
            "closed on 30 November 2025",
            id="oct31-no-holiday",
        ),
        pytest.param(
            (2025, 11, 1),
            (2026, 1, 31),
            Outcome.ELIGIBLE,
            "until 31 January 2026",
            id="nov1-last-day",
        ),
        pytest.param(
            (2025, 11, 1),
            (2026, 2, 1),
            Outcome.WINDOW_EXPIRED,
            "closed on 31 January 2026",
            id="nov1-day-after",
        ),
        pytest.param(
            (2025, 12, 31),
            (2026, 1, 31),
            Outcome.ELIGIBLE,
            "until 31 January 2026",
            id="dec31-last-day",
        ),
        pytest.param(
            (2025, 12, 31),
            (2026, 2, 1),
            Outcome.WINDOW_EXPIRED,
            "closed on 31 January 2026",
            id="dec31-day-after",
        ),
    ],
)
def test_holiday_deliveries_are_returnable_until_31_january(
    delivered: tuple[int, int, int],
    now: tuple[int, int, int],
    outcome: Outcome,
    sentence: str,
) -> None:
    the_line = line()
    the_order = order(the_line, delivered_at=datetime(*delivered, 15, 0, tzinfo=UTC))

    got, message = check(the_line, the_order, now=datetime(*now, 20, 0, tzinfo=UTC))

    assert got is outcome
    assert sentence in message


@pytest.mark.parametrize(
    ("now", "outcome", "sentence"),
    [
        # vip, delivered 31 December 2025: 60 days run to 1 March 2026, later than 31 January.
        ((2026, 3, 1), Outcome.ELIGIBLE, "until 1 March 2026"),
        ((2026, 3, 2), Outcome.WINDOW_EXPIRED, "closed on 1 March 2026"),
    ],
)
def test_the_normal_window_wins_when_it_ends_after_31_january(
    now: tuple[int, int, int], outcome: Outcome, sentence: str
) -> None:
    the_line = line()
    the_order = order(the_line, delivered_at=datetime(2025, 12, 31, 10, tzinfo=UTC))

    got, message = check(the_line, the_order, tier=Tier.VIP, now=datetime(*now, 9, tzinfo=UTC))

    assert got is outcome
    assert sentence in message


EXPIRED_NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "final_sale", "item", "seal_opened", "now", "held", "expected"),
    [
        pytest.param(
            OrderStatus.PENDING,
            True,
            "perfume-30",
            True,
            EXPIRED_NOW,
            True,
            Outcome.NOT_DELIVERED,
            id="pending-beats-everything",
        ),
        pytest.param(
            OrderStatus.PROCESSED,
            False,
            "shirt-m-blue",
            None,
            NOW,
            False,
            Outcome.NOT_DELIVERED,
            id="processed",
        ),
        pytest.param(
            OrderStatus.CANCELLED,
            False,
            "shirt-m-blue",
            None,
            NOW,
            False,
            Outcome.NOT_DELIVERED,
            id="cancelled",
        ),
        pytest.param(
            OrderStatus.DELIVERED,
            True,
            "perfume-30",
            True,
            EXPIRED_NOW,
            True,
            Outcome.FINAL_SALE,
            id="final-sale-beats-seal-window-and-held",
        ),
        pytest.param(
            OrderStatus.DELIVERED,
            False,
            "perfume-30",
            True,
            EXPIRED_NOW,
            True,
            Outcome.HYGIENE_SEAL_OPENED,
            id="opened-seal-beats-window-and-held",
        ),
        pytest.param(
            OrderStatus.DELIVERED,
            False,
            "perfume-30",
            None,
            EXPIRED_NOW,
            True,
            Outcome.WINDOW_EXPIRED,
            id="window-beats-held-and-seal-question",
        ),
        pytest.param(
            OrderStatus.DELIVERED,
            False,
            "shirt-m-blue",
            None,
            EXPIRED_NOW,
            True,
            Outcome.WINDOW_EXPIRED,
            id="window-beats-held",
        ),
        pytest.param(
            OrderStatus.DELIVERED,
            False,
            "perfume-30",
            None,
            NOW,
            True,
            Outcome.ALREADY_IN_RETURN,
            id="held-beats-seal-question",
        ),
        pytest.param(
            OrderStatus.DELIVERED,
            False,
            "perfume-30",
            None,
            NOW,
            False,
            Outcome.NEEDS_HYGIENE_ANSWER,
            id="seal-unanswered",
        ),
        pytest.param(
            OrderStatus.DELIVERED,
            False,
            "perfume-30",
            False,
            NOW,
            False,
            Outcome.ELIGIBLE,
            id="seal-unbroken",
        ),
        pytest.param(
            OrderStatus.DELIVERED,
            False,
            "shirt-m-blue",
            True,
            NOW,
            False,
            Outcome.ELIGIBLE,
            id="seal-answer-ignored-for-unsealed",
        ),
    ],
)
def test_the_first_failing_rule_answers(
    status: OrderStatus,
    final_sale: bool,
    item: str,
    seal_opened: bool | None,
    now: datetime,
    held: bool,
    expected: Outcome,
) -> None:
    the_line = line(1, item, final_sale=final_sale)
    the_order = order(the_line, status=status)

    got, _ = check(
        the_line,
        the_order,
        now=now,
        held=frozenset({1}) if held else frozenset(),
        seal_opened=seal_opened,
    )

    assert got is expected


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (OrderStatus.PENDING, "can be cancelled instead"),
        (OrderStatus.PROCESSED, "once it has been delivered"),
        (OrderStatus.CANCELLED, "was cancelled"),
    ],
)
def test_undelivered_orders_say_what_to_do_instead(status: OrderStatus, words: str) -> None:
    the_line = line()

    assert words in check(the_line, order(the_line, status=status))[1]


@pytest.mark.parametrize(
    ("item", "outcome", "words"),
    [
        ("shirt-m-blue", Outcome.FINAL_SALE, "final sale"),
        ("perfume-30", Outcome.HYGIENE_SEAL_OPENED, "Perfume can only be returned with its seal"),
    ],
)
def test_refusals_explain_themselves(item: str, outcome: Outcome, words: str) -> None:
    the_line = line(1, item, final_sale=item == "shirt-m-blue")

    got, message = check(the_line, order(the_line), seal_opened=True)

    assert got is outcome
    assert words in message


def test_a_hygiene_question_is_asked_about_the_named_item() -> None:
    the_line = line(1, "perfume-30")

    got, message = check(the_line, order(the_line))

    assert got is Outcome.NEEDS_HYGIENE_ANSWER
    assert "seal on the Perfume still unbroken" in message


def test_another_customers_order_is_refused_without_revealing_it() -> None:
    the_line = line(1, "shirt-m-blue", final_sale=True)
    the_order = order(the_line, status=OrderStatus.PENDING, customer_id="someone_else_1")

    got, message = check(the_line, the_order)

    assert got is Outcome.NOT_YOUR_ORDER
    assert message == "I can't find that order on your account."


def test_an_already_returned_line_is_refused_but_its_twin_is_not() -> None:
    twin_one, twin_two = line(1, "shirt-m-blue"), line(2, "shirt-m-blue")
    the_order = order(twin_one, twin_two)

    results = check_order(
        the_order,
        customer=customer(),
        catalog=CATALOG,
        policy=POLICY,
        now=NOW,
        held_line_nos=frozenset({1}),
    )

    assert [(r.line_no, r.outcome) for r in results] == [
        (1, Outcome.ALREADY_IN_RETURN),
        (2, Outcome.ELIGIBLE),
    ]
    assert results[0].message == "This item is already part of a return."


@pytest.mark.parametrize(
    ("status", "holds"),
    [
        (ReturnStatus.REQUESTED, True),
        (ReturnStatus.APPROVED, True),
        (ReturnStatus.NEEDS_REVIEW, True),
        (ReturnStatus.AWAITING_SHIPMENT, True),
        (ReturnStatus.IN_TRANSIT, True),
        (ReturnStatus.RECEIVED, True),
        (ReturnStatus.REFUNDED, True),
        (ReturnStatus.EXCHANGED, True),
        (ReturnStatus.CLOSED, True),
        (ReturnStatus.CANCELLED, False),
        # The policy frees an item only from a return that was cancelled.
        (ReturnStatus.REJECTED, True),
        (ReturnStatus.EXPIRED, True),
    ],
)
def test_a_return_holds_its_lines_unless_it_was_cancelled(
    status: ReturnStatus, holds: bool
) -> None:
    existing = [
        ExistingReturn("R-7K3QX9M2", "#W1000001", status, frozenset({1, 3})),
        ExistingReturn("R-AAAAAAAA", "#W9999999", ReturnStatus.APPROVED, frozenset({2})),
    ]

    assert held_line_nos(existing, "#W1000001") == (frozenset({1, 3}) if holds else frozenset())


def test_check_order_uses_each_lines_seal_answer() -> None:
    sealed_one, sealed_two, shirt = line(1, "perfume-30"), line(2, "perfume-50"), line(3)

    results = check_order(
        order(sealed_one, sealed_two, shirt),
        customer=customer(),
        catalog=CATALOG,
        policy=POLICY,
        now=NOW,
        seal_answers={1: False, 2: True},
    )

    assert [r.outcome for r in results] == [
        Outcome.ELIGIBLE,
        Outcome.HYGIENE_SEAL_OPENED,
        Outcome.ELIGIBLE,
    ]


def test_deadline_is_reported_once_delivered_and_not_before() -> None:
    the_line = line()
    delivered = check_order(
        order(the_line, delivered_at=DELIVERED_MARCH_1),
        customer=customer(),
        catalog=CATALOG,
        policy=POLICY,
        now=NOW,
    )
    pending = check_order(
        order(the_line, status=OrderStatus.PENDING),
        customer=customer(),
        catalog=CATALOG,
        policy=POLICY,
        now=NOW,
    )

    assert delivered[0].deadline is not None
    assert delivered[0].deadline.isoformat() == "2026-03-31"
    assert pending[0].deadline is None


def test_require_eligible_raises_the_first_refusal() -> None:
    ok, final, held = line(1), line(2, final_sale=True), line(3)
    results = check_order(
        order(ok, final, held),
        customer=customer(),
        catalog=CATALOG,
        policy=POLICY,
        now=NOW,
        held_line_nos=frozenset({3}),
    )

    with pytest.raises(NotEligible, match="final sale"):
        require_eligible(results)
    require_eligible(results[:1])


def test_now_must_be_timezone_aware() -> None:
    the_line = line()

    with pytest.raises(ValueError, match="timezone-aware"):
        check(the_line, order(the_line), now=datetime(2026, 3, 10, 12))
