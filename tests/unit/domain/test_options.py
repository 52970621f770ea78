"""Resolutions, fees, return methods, keep-it and review: what each choice is worth."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pytest

from returndesk.domain import (
    NEW_GIFT_CARD,
    Fault,
    FeeKind,
    ReasonCode,
    Resolution,
    ReturnMethod,
    ReturnOptions,
    ReturnPath,
    ReturnQuote,
    ReturnRequest,
    ReturnStatus,
    Tier,
    method_options,
    quote_return,
    resolution_options,
    return_options,
    store_credit_destinations,
)
from returndesk.errors import InvalidRequest, NotEligible
from tests.support.domain_factories import (
    CATALOG,
    POLICY,
    customer,
    gift_card,
    line,
    money,
    order,
    policy_with,
    request,
)

R = ReasonCode
M = ReturnMethod
Items = list[tuple[str, str | None]]
Reasons = ReasonCode | dict[int, ReasonCode]


def build(items: Items, reasons: Reasons, notes: Mapping[int, str] | None = None) -> ReturnRequest:
    lines = [line(n, item_id, price=price) for n, (item_id, price) in enumerate(items, 1)]
    return request(order(*lines), reasons, notes)


def quote(
    items: Items,
    reasons: Reasons,
    resolution: Resolution,
    method: ReturnMethod | None,
    tier: Tier = Tier.STANDARD,
    *,
    exchange_item_ids: Mapping[int, str] | None = None,
    notes: Mapping[int, str] | None = None,
) -> ReturnQuote:
    return quote_return(
        build(items, reasons, notes),
        resolution=resolution,
        method=method,
        customer=customer(tier),
        catalog=CATALOG,
        policy=POLICY,
        exchange_item_ids=exchange_item_ids,
    )


def options(items: Items, reasons: Reasons, tier: Tier = Tier.STANDARD) -> ReturnOptions:
    return return_options(
        build(items, reasons), customer=customer(tier), catalog=CATALOG, policy=POLICY
    )


SHIRT_50: Items = [("shirt-m-blue", "50.00")]


@pytest.mark.parametrize(
    ("tier", "reason", "method", "refund", "fees"),
    [
        # $5.95 return shipping: customer fault, standard tier only.
        (Tier.STANDARD, R.UNWANTED, M.PREPAID_LABEL, "44.05", {"return_shipping": "5.95"}),
        (Tier.STANDARD, R.UNWANTED, M.QR_DROP_OFF, "44.05", {"return_shipping": "5.95"}),
        (Tier.STANDARD, R.UNWANTED, M.STORE_DROP_OFF, "44.05", {"return_shipping": "5.95"}),
        (Tier.STANDARD, R.SIZE_TOO_SMALL, M.PREPAID_LABEL, "44.05", {"return_shipping": "5.95"}),
        (Tier.STANDARD, R.COLOR, M.PREPAID_LABEL, "44.05", {"return_shipping": "5.95"}),
        (Tier.MEMBER, R.UNWANTED, M.PREPAID_LABEL, "50.00", {}),
        (Tier.VIP, R.STYLE, M.QR_DROP_OFF, "50.00", {}),
        # $7.00 pickup unless the merchant is at fault, for every tier.
        (
            Tier.STANDARD,
            R.UNWANTED,
            M.SCHEDULE_PICKUP,
            "37.05",
            {"return_shipping": "5.95", "pickup": "7.00"},
        ),
        (Tier.MEMBER, R.UNWANTED, M.SCHEDULE_PICKUP, "43.00", {"pickup": "7.00"}),
        (Tier.VIP, R.SIZE_TOO_LARGE, M.SCHEDULE_PICKUP, "43.00", {"pickup": "7.00"}),
        # Merchant fault: no fees at all.
        (Tier.STANDARD, R.DEFECTIVE, M.PREPAID_LABEL, "50.00", {}),
        (Tier.STANDARD, R.DAMAGED, M.SCHEDULE_PICKUP, "50.00", {}),
        (Tier.STANDARD, R.WRONG_ITEM, M.QR_DROP_OFF, "50.00", {}),
        (Tier.MEMBER, R.NOT_AS_DESCRIBED, M.SCHEDULE_PICKUP, "50.00", {}),
    ],
)
def test_refund_is_item_prices_minus_fees(
    tier: Tier, reason: ReasonCode, method: ReturnMethod, refund: str, fees: dict[str, str]
) -> None:
    got = quote(SHIRT_50, reason, Resolution.REFUND, method, tier)

    assert got.refund_amount == money(refund)
    assert {fee.kind.value: fee.amount for fee in got.fees} == {
        kind: money(amount) for kind, amount in fees.items()
    }
    assert got.fees_total == money("50.00") - money(refund)
    assert got.bonus == 0
    assert got.shipped_line_nos == {1}


def test_other_needs_a_note_and_is_the_customers_fault() -> None:
    with pytest.raises(InvalidRequest, match="short note"):
        quote(SHIRT_50, R.OTHER, Resolution.REFUND, M.PREPAID_LABEL)

    got = quote(SHIRT_50, R.OTHER, Resolution.REFUND, M.PREPAID_LABEL, notes={1: "smells odd"})

    assert got.fault is Fault.CUSTOMER
    assert got.refund_amount == money("44.05")


def test_fees_are_taken_once_per_return() -> None:
    got = quote(
        [("shirt-m-blue", "50.00"), ("kettle-1l", "60.00")],
        R.UNWANTED,
        Resolution.REFUND,
        M.SCHEDULE_PICKUP,
    )

    assert got.refund_amount == money("97.05")  # 110.00 - 5.95 - 7.00


def test_fees_never_take_a_refund_below_zero() -> None:
    got = quote([("shirt-m-blue", "5.00")], R.UNWANTED, Resolution.REFUND, M.SCHEDULE_PICKUP)

    assert got.refund_amount == money("0.00")
    assert got.fees_total == money("5.00")


@pytest.mark.parametrize(
    ("price", "tier", "method", "bonus", "credit"),
    [
        ("50.00", Tier.STANDARD, M.PREPAID_LABEL, "5.00", "55.00"),
        # No fees on store credit, not even the pickup fee.
        ("50.00", Tier.STANDARD, M.SCHEDULE_PICKUP, "5.00", "55.00"),
        ("45.55", Tier.MEMBER, M.QR_DROP_OFF, "4.56", "50.11"),  # 4.555 rounds up
        ("499.99", Tier.VIP, M.PREPAID_LABEL, "50.00", "549.99"),  # 49.999
        ("500.00", Tier.STANDARD, M.PREPAID_LABEL, "50.00", "550.00"),
        ("600.00", Tier.STANDARD, M.PREPAID_LABEL, "50.00", "650.00"),  # capped at $50
        ("999.99", Tier.VIP, M.STORE_DROP_OFF, "50.00", "1049.99"),
    ],
)
def test_store_credit_adds_a_10_percent_bonus_capped_at_50_dollars(
    price: str, tier: Tier, method: ReturnMethod, bonus: str, credit: str
) -> None:
    got = quote([("shirt-m-blue", price)], R.UNWANTED, Resolution.STORE_CREDIT, method, tier)

    assert got.bonus == money(bonus)
    assert got.refund_amount == money(credit)
    assert got.fees == ()
    assert got.fees_total == 0


@pytest.mark.parametrize(
    ("tier", "amount"), [(Tier.STANDARD, "5.00"), (Tier.MEMBER, "5.00"), (Tier.VIP, "7.50")]
)
def test_keep_with_discount_pays_the_offer_and_ships_nothing(tier: Tier, amount: str) -> None:
    got = quote(SHIRT_50, R.UNWANTED, Resolution.KEEP_WITH_DISCOUNT, None, tier)

    assert got.refund_amount == money(amount)
    assert got.fees == ()
    assert got.shipped_line_nos == frozenset()
    assert got.keep_item
    assert got.path is ReturnPath.KEEP_ITEM


@pytest.mark.parametrize(
    ("items", "reason"),
    [
        pytest.param(SHIRT_50, R.DEFECTIVE, id="merchant-fault"),
        pytest.param(SHIRT_50, R.SIZE_TOO_SMALL, id="size-reason-gets-a-size-offer"),
        pytest.param([("shirt-m-blue", "19.99")], R.UNWANTED, id="under-20"),
    ],
)
def test_keep_with_discount_only_by_the_retention_offer(items: Items, reason: ReasonCode) -> None:
    with pytest.raises(NotEligible, match="partial refund isn't offered"):
        quote(items, reason, Resolution.KEEP_WITH_DISCOUNT, None)


def test_keep_with_discount_takes_no_return_method() -> None:
    with pytest.raises(InvalidRequest, match="no return method is needed"):
        quote(SHIRT_50, R.UNWANTED, Resolution.KEEP_WITH_DISCOUNT, M.PREPAID_LABEL)


@pytest.mark.parametrize(
    ("items", "tier", "resolution", "amount"),
    [
        pytest.param(
            [("chair-black", "300.00")],
            Tier.STANDARD,
            Resolution.REFUND,
            "300.00",
            id="chair-refund",
        ),
        pytest.param(
            [("bike-m", "900.00")], Tier.STANDARD, Resolution.REFUND, "900.00", id="bicycle-refund"
        ),
        pytest.param(
            [("chair-black", "300.00")],
            Tier.MEMBER,
            Resolution.STORE_CREDIT,
            "330.00",
            id="chair-store-credit",
        ),
    ],
)
def test_pickup_only_goods_go_back_by_free_pickup(
    items: Items, tier: Tier, resolution: Resolution, amount: str
) -> None:
    the_request = build(items, R.UNWANTED)

    methods = method_options(
        the_request, resolution=resolution, customer=customer(tier), catalog=CATALOG, policy=POLICY
    )
    got = quote(items, R.UNWANTED, resolution, M.SCHEDULE_PICKUP, tier)

    assert [(m.method, m.fee) for m in methods] == [(M.SCHEDULE_PICKUP, Decimal(0))]
    assert got.refund_amount == money(amount)
    assert got.fees == ()
    assert options(items, R.UNWANTED, tier).pickup_only


@pytest.mark.parametrize("method", [M.PREPAID_LABEL, M.QR_DROP_OFF, M.STORE_DROP_OFF])
@pytest.mark.parametrize("item_id", ["chair-black", "bike-l"])
def test_pickup_only_goods_refuse_other_methods(item_id: str, method: ReturnMethod) -> None:
    with pytest.raises(NotEligible, match="isn't available here"):
        quote([(item_id, None)], R.UNWANTED, Resolution.REFUND, method)


def test_a_chair_takes_the_whole_return_by_free_pickup() -> None:
    got = quote(
        [("chair-black", "300.00"), ("shirt-m-blue", "50.00")],
        R.UNWANTED,
        Resolution.REFUND,
        M.SCHEDULE_PICKUP,
    )

    assert got.refund_amount == money("350.00")


@pytest.mark.parametrize(
    ("price", "reason", "kept"),
    [
        ("40.00", R.DAMAGED, True),
        ("39.99", R.DEFECTIVE, True),
        ("12.00", R.WRONG_ITEM, True),
        ("40.00", R.NOT_AS_DESCRIBED, True),
        ("40.01", R.DAMAGED, False),
        ("40.00", R.UNWANTED, False),
        ("10.00", R.STYLE, False),
    ],
)
def test_merchant_fault_items_of_40_dollars_or_less_are_kept(
    price: str, reason: ReasonCode, kept: bool
) -> None:
    items: Items = [("kettle-1l", price)]
    result = options(items, reason)

    assert result.kept_line_nos == ({1} if kept else set())
    assert result.needs_shipment is not kept
    method = None if kept else M.PREPAID_LABEL
    got = quote(items, reason, Resolution.REFUND, method)
    assert got.keep_item is kept
    assert got.path is (ReturnPath.KEEP_ITEM if kept else ReturnPath.SHIP_BACK)
    if kept:
        assert got.refund_amount == money(price)


def test_keep_it_return_needs_no_method_and_refuses_one() -> None:
    items: Items = [("kettle-1l", "30.00")]

    assert (
        method_options(
            build(items, R.DAMAGED),
            resolution=Resolution.REFUND,
            customer=customer(),
            catalog=CATALOG,
            policy=POLICY,
        )
        == ()
    )
    with pytest.raises(InvalidRequest, match="no return method is needed"):
        quote(items, R.DAMAGED, Resolution.REFUND, M.PREPAID_LABEL)


def test_a_cheap_broken_chair_is_kept_rather_than_picked_up() -> None:
    got = quote([("chair-black", "35.00")], R.DAMAGED, Resolution.REFUND, None)

    assert got.keep_item
    assert got.refund_amount == money("35.00")


def test_a_kept_line_rides_along_with_a_shipped_one() -> None:
    got = quote(
        [("shirt-m-blue", "50.00"), ("kettle-1l", "30.00")],
        {1: R.UNWANTED, 2: R.DAMAGED},
        Resolution.REFUND,
        M.PREPAID_LABEL,
    )

    assert got.kept_line_nos == {2}
    assert got.shipped_line_nos == {1}
    assert got.refund_amount == money("74.05")  # 80.00 - 5.95


def test_a_missing_method_is_asked_for_when_items_ship() -> None:
    with pytest.raises(InvalidRequest, match="how you'd like to send"):
        quote(SHIRT_50, R.UNWANTED, Resolution.REFUND, None)


@pytest.mark.parametrize(
    ("prices", "review"),
    [
        (["1000.00"], True),
        (["999.99"], False),
        (["750.00", "750.00"], True),
        (["749.99", "750.00"], False),
        (["999.99", "999.99"], True),
        (["100.00", "1200.00"], True),
    ],
)
def test_expensive_items_or_returns_wait_for_review(prices: list[str], review: bool) -> None:
    items: Items = [("kettle-1l", price) for price in prices]

    got = quote(items, R.UNWANTED, Resolution.REFUND, M.PREPAID_LABEL, Tier.VIP)

    assert options(items, R.UNWANTED).needs_review is review
    assert got.needs_review is review
    assert got.initial_status is (ReturnStatus.NEEDS_REVIEW if review else ReturnStatus.APPROVED)


def test_resolution_options_list_refund_store_credit_and_exchange_with_amounts() -> None:
    got = resolution_options(
        build([("shirt-m-blue", None)], R.UNWANTED),
        customer=customer(),
        catalog=CATALOG,
        policy=POLICY,
    )

    assert [(o.resolution, o.amount, o.bonus) for o in got] == [
        (Resolution.REFUND, money("44.05"), 0),
        (Resolution.STORE_CREDIT, money("55.00"), money("5.00")),
        (Resolution.EXCHANGE, 0, 0),
    ]
    assert [(f.kind, f.amount) for f in got[0].fees] == [(FeeKind.RETURN_SHIPPING, money("5.95"))]


def test_exchange_is_not_offered_without_another_variant() -> None:
    got = resolution_options(
        build([("phone-128", None)], R.UNWANTED),
        customer=customer(),
        catalog=CATALOG,
        policy=POLICY,
    )

    assert Resolution.EXCHANGE not in {o.resolution for o in got}
    with pytest.raises(NotEligible, match="exchange isn't available"):
        quote([("phone-128", None)], R.UNWANTED, Resolution.EXCHANGE, M.PREPAID_LABEL)


@pytest.mark.parametrize(
    ("resolution", "reason", "pickup_fee"),
    [
        (Resolution.REFUND, R.UNWANTED, "7.00"),
        (Resolution.REFUND, R.DEFECTIVE, "0"),
        (Resolution.STORE_CREDIT, R.UNWANTED, "0"),
        (Resolution.EXCHANGE, R.UNWANTED, "0"),
    ],
)
def test_method_options_show_the_pickup_fee_only_for_customer_fault_refunds(
    resolution: Resolution, reason: ReasonCode, pickup_fee: str
) -> None:
    got = method_options(
        build(SHIRT_50, reason),
        resolution=resolution,
        customer=customer(Tier.VIP),
        catalog=CATALOG,
        policy=POLICY,
    )

    assert [(o.method, o.fee) for o in got] == [
        (M.PREPAID_LABEL, Decimal(0)),
        (M.QR_DROP_OFF, Decimal(0)),
        (M.SCHEDULE_PICKUP, Decimal(pickup_fee)),
        (M.STORE_DROP_OFF, Decimal(0)),
    ]


def test_store_credit_goes_to_an_existing_gift_card_or_a_new_one() -> None:
    shopper = customer(payment_methods=(gift_card("10.00", "gift_card_9"),))

    assert store_credit_destinations(shopper) == ("gift_card_9", NEW_GIFT_CARD)
    assert store_credit_destinations(customer()) == (NEW_GIFT_CARD,)


def _members_pay_shipping_and_credit_is_capped_at_20(data: dict[str, Any]) -> None:
    data["fees"]["return_shipping"] = {"amount": "4.00", "tiers": ["standard", "member"]}
    data["fees"]["pickup"]["amount"] = "9.50"
    data["store_credit"] = {"bonus_percent": "5", "bonus_cap": "20.00"}


@pytest.mark.parametrize(
    ("tier", "resolution", "method", "amount"),
    [
        (Tier.MEMBER, Resolution.REFUND, M.PREPAID_LABEL, "496.00"),
        (Tier.MEMBER, Resolution.REFUND, M.SCHEDULE_PICKUP, "486.50"),  # 500 - 4.00 - 9.50
        (Tier.VIP, Resolution.REFUND, M.SCHEDULE_PICKUP, "490.50"),
        (Tier.VIP, Resolution.STORE_CREDIT, M.PREPAID_LABEL, "520.00"),  # 5% = 25, capped at 20
    ],
)
def test_fees_and_bonus_come_from_the_policy_file(
    tier: Tier, resolution: Resolution, method: ReturnMethod, amount: str
) -> None:
    policy = policy_with(_members_pay_shipping_and_credit_is_capped_at_20)

    got = quote_return(
        build([("kettle-1l", "500.00")], R.UNWANTED),
        resolution=resolution,
        method=method,
        customer=customer(tier),
        catalog=CATALOG,
        policy=policy,
    )

    assert got.refund_amount == money(amount)
