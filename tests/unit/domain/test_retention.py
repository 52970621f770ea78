"""The retention offer: at most one per return, never for merchant-fault reasons."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from returndesk.domain import (
    Catalog,
    OfferKind,
    OrderLine,
    Product,
    ReasonCode,
    RetentionOffer,
    Tier,
    retention_offer,
)
from tests.support.domain_factories import (
    CATALOG,
    POLICY,
    customer,
    line,
    money,
    order,
    policy_with,
    request,
    variant,
)

R = ReasonCode


def offer_for(
    item_ids_and_prices: list[tuple[str, str | None]],
    reasons: ReasonCode | dict[int, ReasonCode],
    tier: Tier = Tier.STANDARD,
    catalog: Catalog = CATALOG,
) -> RetentionOffer | None:
    lines = [
        line(n, item_id, price=price) for n, (item_id, price) in enumerate(item_ids_and_prices, 1)
    ]
    return retention_offer(
        request(order(*lines), reasons), customer=customer(tier), catalog=catalog, policy=POLICY
    )


def offered_sizes(offer: RetentionOffer | None) -> list[list[str]]:
    assert offer is not None
    assert offer.kind is OfferKind.SIZE_EXCHANGE
    return [[v.item_id for v in choice.variants] for choice in offer.sizes]


@pytest.mark.parametrize(
    ("item_id", "reason", "sizes"),
    [
        # Blue shirts: S and M and L are available, XL is not.
        ("shirt-m-blue", R.SIZE_TOO_SMALL, ["shirt-l-blue"]),
        ("shirt-m-blue", R.SIZE_TOO_LARGE, ["shirt-s-blue"]),
        ("shirt-s-blue", R.SIZE_TOO_SMALL, ["shirt-m-blue", "shirt-l-blue"]),
        ("bike-m", R.SIZE_TOO_SMALL, ["bike-l"]),
        ("bike-l", R.SIZE_TOO_LARGE, ["bike-m"]),
    ],
)
def test_size_reasons_offer_another_available_size_of_the_same_product(
    item_id: str, reason: ReasonCode, sizes: list[str]
) -> None:
    offer = offer_for([(item_id, None)], reason)

    assert offered_sizes(offer) == [sizes]
    assert offer is not None
    assert offer.amount == 0
    assert "for another size instead" in offer.message


@pytest.mark.parametrize(
    ("item_id", "reason"),
    [
        pytest.param("shirt-l-blue", R.SIZE_TOO_SMALL, id="only-larger-size-unavailable"),
        pytest.param("shirt-s-blue", R.SIZE_TOO_LARGE, id="no-smaller-size"),
        pytest.param("kettle-1l", R.SIZE_TOO_SMALL, id="product-has-no-size"),
        pytest.param("shirt-m-red", R.SIZE_TOO_SMALL, id="no-other-size-in-red"),
    ],
)
def test_no_offer_for_a_size_reason_without_another_size(item_id: str, reason: ReasonCode) -> None:
    assert offer_for([(item_id, None)], reason) is None


def test_an_unavailable_size_is_never_offered() -> None:
    only_unavailable = Product(
        "p1",
        "Jacket",
        "apparel",
        (
            variant("j-m", "p1", "80.00", size="M"),
            variant("j-l", "p1", "80.00", False, size="L"),
        ),
    )
    catalog = Catalog.of([only_unavailable])
    jacket_line = OrderLine(1, "j-m", "p1", "Jacket", {"size": "M"}, money("80.00"))

    offer = retention_offer(
        request(order(jacket_line), R.SIZE_TOO_SMALL),
        customer=customer(),
        catalog=catalog,
        policy=POLICY,
    )

    assert offer is None


@pytest.mark.parametrize(
    ("tier", "reason", "price", "amount", "percent"),
    [
        (Tier.STANDARD, R.UNWANTED, "50.00", "5.00", "10"),
        (Tier.MEMBER, R.UNWANTED, "50.00", "5.00", "10"),
        (Tier.VIP, R.UNWANTED, "50.00", "7.50", "15"),
        (Tier.STANDARD, R.STYLE, "50.00", "5.00", "10"),
        (Tier.VIP, R.COLOR, "50.00", "7.50", "15"),
        (Tier.STANDARD, R.UNWANTED, "20.00", "2.00", "10"),
        (Tier.VIP, R.UNWANTED, "20.00", "3.00", "15"),
        (Tier.STANDARD, R.UNWANTED, "20.05", "2.01", "10"),  # 2.005 rounds half up
        (Tier.VIP, R.UNWANTED, "33.33", "5.00", "15"),  # 4.9995
        (Tier.MEMBER, R.COLOR, "1234.56", "123.46", "10"),  # 123.456
    ],
)
def test_keep_with_discount_for_items_of_20_dollars_or_more(
    tier: Tier, reason: ReasonCode, price: str, amount: str, percent: str
) -> None:
    offer = offer_for([("shirt-m-blue", price)], reason, tier)

    assert offer is not None
    assert offer.kind is OfferKind.KEEP_WITH_DISCOUNT
    assert offer.amount == money(amount)
    assert offer.percent == Decimal(percent)
    assert f"${amount} ({percent}%) back" in offer.message
    assert "Nothing needs to be sent back" in offer.message


def test_keep_with_discount_covers_every_line_of_the_return() -> None:
    offer = offer_for([("shirt-m-blue", "50.00"), ("kettle-1l", "45.00")], R.UNWANTED, Tier.VIP)

    assert offer is not None
    assert offer.amount == money("14.25")  # 15% of 95.00
    assert "keep them" in offer.message


@pytest.mark.parametrize(
    ("items", "reasons"),
    [
        pytest.param([("shirt-m-blue", "19.99")], R.UNWANTED, id="under-20"),
        pytest.param(
            [("shirt-m-blue", "50.00"), ("kettle-1l", "19.99")], R.UNWANTED, id="one-line-under-20"
        ),
        pytest.param([("shirt-m-blue", "50.00")], R.OTHER, id="other"),
        pytest.param([("shirt-m-blue", "50.00")], R.DEFECTIVE, id="defective"),
        pytest.param([("shirt-m-blue", "50.00")], R.DAMAGED, id="damaged"),
        pytest.param([("shirt-m-blue", "50.00")], R.WRONG_ITEM, id="wrong-item"),
        pytest.param([("shirt-m-blue", "50.00")], R.NOT_AS_DESCRIBED, id="not-as-described"),
        pytest.param(
            [("shirt-m-blue", "50.00"), ("kettle-1l", "60.00")],
            {1: R.UNWANTED, 2: R.DEFECTIVE},
            id="unwanted-with-merchant-fault",
        ),
        pytest.param(
            [("shirt-m-blue", "50.00"), ("kettle-1l", "60.00")],
            {1: R.SIZE_TOO_SMALL, 2: R.UNWANTED},
            id="size-with-unwanted",
        ),
    ],
)
def test_no_offer(
    items: list[tuple[str, str | None]], reasons: ReasonCode | dict[int, ReasonCode]
) -> None:
    assert offer_for(items, reasons, Tier.VIP) is None


@pytest.mark.parametrize("reason", [R.DEFECTIVE, R.DAMAGED, R.WRONG_ITEM, R.NOT_AS_DESCRIBED])
def test_merchant_fault_on_a_sized_item_gets_no_size_offer(reason: ReasonCode) -> None:
    assert offer_for([("shirt-m-blue", None)], reason) is None


def test_size_offer_needs_every_line_to_have_another_size() -> None:
    both = offer_for([("shirt-m-blue", None), ("bike-m", None)], R.SIZE_TOO_SMALL)
    one_without = offer_for([("shirt-m-blue", None), ("kettle-1l", None)], R.SIZE_TOO_SMALL)

    assert offered_sizes(both) == [["shirt-l-blue"], ["bike-l"]]
    assert one_without is None


def _without(resolution: str) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["resolutions"].remove(resolution)

    return edit


@pytest.mark.parametrize(
    ("disabled", "reason"),
    [("EXCHANGE", R.SIZE_TOO_SMALL), ("KEEP_WITH_DISCOUNT", R.UNWANTED)],
)
def test_a_store_without_the_resolution_makes_no_such_offer(
    disabled: str, reason: ReasonCode
) -> None:
    the_request = request(order(line(1, "shirt-m-blue")), reason)

    offer = retention_offer(
        the_request, customer=customer(), catalog=CATALOG, policy=policy_with(_without(disabled))
    )

    assert offer is None
    assert retention_offer(the_request, customer=customer(), catalog=CATALOG, policy=POLICY)


def test_the_discount_percent_and_threshold_come_from_the_policy_file() -> None:
    def edit(data: dict[str, Any]) -> None:
        rule = data["retention"]["keep_with_discount"]
        rule["min_item_price"] = "60.00"
        rule["percent"]["member"] = "12.5"

    policy = policy_with(edit)

    def offer(price: str) -> RetentionOffer | None:
        the_request = request(order(line(1, "shirt-m-blue", price=price)), R.UNWANTED)
        return retention_offer(
            the_request, customer=customer(Tier.MEMBER), catalog=CATALOG, policy=policy
        )

    assert offer("59.99") is None
    got = offer("60.00")
    assert got is not None
    assert got.amount == money("7.50")
    assert "(12.5%)" in got.message
