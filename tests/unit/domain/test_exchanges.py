"""Exchanges: same product, other options, and who settles the price difference."""

from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.domain import (
    OrderLine,
    PaymentMethod,
    ReasonCode,
    Resolution,
    ReturnMethod,
    Tier,
    check_settlement_method,
    choose_variants,
    exchange_candidates,
    exchange_variants,
    offered_variants,
    quote_return,
    settlement_methods,
    total_difference,
)
from returndesk.domain.catalog import Variant
from returndesk.domain.options import ReturnQuote
from returndesk.errors import InvalidRequest, NotEligible
from tests.support.domain_factories import (
    CARD,
    CATALOG,
    PAYPAL,
    POLICY,
    customer,
    gift_card,
    line,
    money,
    order,
    request,
)


@pytest.mark.parametrize(
    ("item_id", "expected"),
    [
        # Every available blue or red shirt except the one ordered; XL blue is sold out.
        ("shirt-m-blue", {"shirt-s-blue", "shirt-l-blue", "shirt-m-red"}),
        ("shirt-m-red", {"shirt-s-blue", "shirt-m-blue", "shirt-l-blue"}),
        ("kettle-1l", {"kettle-2l"}),
        ("chair-grey", {"chair-black"}),
        ("phone-128", set()),
    ],
)
def test_exchange_offers_other_available_variants_of_the_same_product(
    item_id: str, expected: set[str]
) -> None:
    got = exchange_variants(line(1, item_id), CATALOG)

    assert {v.item_id for v in got} == expected
    assert all(v.product_id == line(1, item_id).product_id for v in got)


def test_closest_match_comes_first() -> None:
    # Two shirts differing in one option keep the other: sorted by price among equals.
    got = exchange_variants(line(1, "shirt-m-blue"), CATALOG)

    assert [v.item_id for v in got] == ["shirt-m-red", "shirt-s-blue", "shirt-l-blue"]


@pytest.mark.parametrize(
    ("ordered", "paid", "wanted", "difference"),
    [
        ("shirt-m-blue", "50.00", "shirt-l-blue", "2.00"),  # 52.00 - 50.00: the shopper pays
        ("shirt-m-blue", "50.00", "shirt-m-red", "-5.00"),  # 45.00 - 50.00: refunded
        ("shirt-m-blue", "52.00", "shirt-l-blue", "0.00"),
        ("kettle-1l", "55.50", "kettle-2l", "24.50"),  # paid less than today's price
    ],
)
def test_price_difference_is_new_price_minus_what_was_paid(
    ordered: str, paid: str, wanted: str, difference: str
) -> None:
    candidates = exchange_candidates(
        line(1, ordered, price=paid), catalog=CATALOG, customer=customer()
    )
    chosen = next(c for c in candidates if c.variant.item_id == wanted)

    assert chosen.difference == money(difference)
    assert chosen.shopper_pays is (money(difference) > 0)


def offered(*lines: OrderLine) -> dict[int, tuple[Variant, ...]]:
    return {each.line_no: exchange_variants(each, CATALOG) for each in lines}


def test_differences_of_several_lines_add_up_both_ways() -> None:
    lines = [line(1, "shirt-m-blue"), line(2, "kettle-1l")]
    chosen = choose_variants(lines, {1: "shirt-m-red", 2: "kettle-2l"}, offered(*lines))

    assert total_difference(lines, chosen) == money("15.00")  # -5.00 + 20.00


@pytest.mark.parametrize(
    ("difference", "balance", "gift_card_allowed"),
    [
        ("2.00", "2.00", True),  # exactly enough
        ("2.00", "1.99", False),
        ("2.00", "100.00", True),
        ("-5.00", "0.00", True),  # a refund may go to any gift card
        ("-5.00", "1.00", True),
    ],
)
def test_a_gift_card_pays_a_difference_only_with_enough_balance(
    difference: str, balance: str, gift_card_allowed: bool
) -> None:
    card = gift_card(balance)
    shopper = customer(payment_methods=(CARD, PAYPAL, card))

    methods = settlement_methods(money(difference), shopper)

    expected: tuple[PaymentMethod, ...] = (
        (CARD, PAYPAL, card) if gift_card_allowed else (CARD, PAYPAL)
    )
    assert methods == expected


def test_nothing_is_settled_when_prices_match() -> None:
    shopper = customer(payment_methods=(CARD, gift_card("0.00")))

    assert settlement_methods(Decimal("0.00"), shopper) == ()
    assert check_settlement_method(Decimal("0.00"), None, shopper) is None


def test_check_settlement_method_refuses_a_short_gift_card() -> None:
    shopper = customer(payment_methods=(CARD, gift_card("1.99")))

    with pytest.raises(NotEligible, match=r"doesn't cover the difference of \$2\.00"):
        check_settlement_method(money("2.00"), "gift_card_1", shopper)
    assert check_settlement_method(money("2.00"), CARD.id, shopper) == CARD
    assert check_settlement_method(money("-2.00"), "gift_card_1", shopper) == gift_card("1.99")


def test_check_settlement_method_asks_for_a_method_when_money_moves() -> None:
    with pytest.raises(InvalidRequest, match="Choose a payment method"):
        check_settlement_method(money("-1.00"), None, customer())


@pytest.mark.parametrize(
    ("choice", "error"),
    [
        pytest.param("shirt-m-blue", NotEligible, id="same-variant"),
        pytest.param("shirt-xl-blue", NotEligible, id="sold-out"),
        pytest.param("kettle-2l", NotEligible, id="another-product"),
        pytest.param("nope", NotEligible, id="unknown"),
        pytest.param(None, InvalidRequest, id="no-choice"),
    ],
)
def test_choose_variants_refuses_what_is_not_an_exchange(
    choice: str | None, error: type[Exception]
) -> None:
    choices = {} if choice is None else {1: choice}

    with pytest.raises(error):
        choose_variants([line(1, "shirt-m-blue")], choices, offered(line(1, "shirt-m-blue")))


@pytest.mark.parametrize("tier", list(Tier))
@pytest.mark.parametrize("method", [ReturnMethod.PREPAID_LABEL, ReturnMethod.SCHEDULE_PICKUP])
def test_an_exchange_carries_no_fees(tier: Tier, method: ReturnMethod) -> None:
    got = quote_return(
        request(order(line(1, "shirt-m-blue")), ReasonCode.SIZE_TOO_SMALL),
        resolution=Resolution.EXCHANGE,
        method=method,
        customer=customer(tier),
        catalog=CATALOG,
        policy=POLICY,
        exchange_item_ids={1: "shirt-l-blue"},
    )

    assert got.fees == ()
    assert got.fees_total == 0
    assert got.refund_amount == 0
    assert got.exchange_difference == money("2.00")
    assert got.exchange_item_ids == {1: "shirt-l-blue"}


STORE_AT_FAULT = sorted(POLICY.exchanges.replacement_reasons)
SHOPPER_AT_FAULT = sorted(
    reason for reason in ReasonCode if reason not in POLICY.exchanges.replacement_reasons
)
AVAILABLE_ITEMS = sorted(
    v.item_id for p in CATALOG.products.values() for v in p.variants if v.available
)


@pytest.mark.parametrize("reason", STORE_AT_FAULT)
@pytest.mark.parametrize("item_id", AVAILABLE_ITEMS)
def test_the_store_at_fault_offers_the_very_same_variant_first(
    reason: ReasonCode, item_id: str
) -> None:
    got = offered_variants(request(order(line(1, item_id)), reason), CATALOG, POLICY)[1]
    assert got[0].item_id == item_id
    assert [v.item_id for v in got[1:]] == [
        v.item_id for v in exchange_variants(line(1, item_id), CATALOG)
    ]


@pytest.mark.parametrize("reason", SHOPPER_AT_FAULT)
@pytest.mark.parametrize("item_id", AVAILABLE_ITEMS)
def test_otherwise_only_other_variants_are_offered(reason: ReasonCode, item_id: str) -> None:
    the_order = order(line(1, item_id))
    got = offered_variants(request(the_order, reason), CATALOG, POLICY)[1]
    assert item_id not in {v.item_id for v in got}


def test_a_sold_out_variant_is_never_offered_as_its_own_replacement() -> None:
    got = offered_variants(
        request(order(line(1, "shirt-xl-blue")), ReasonCode.DEFECTIVE), CATALOG, POLICY
    )
    assert "shirt-xl-blue" not in {v.item_id for v in got[1]}


@pytest.mark.parametrize("reason", [*STORE_AT_FAULT, *SHOPPER_AT_FAULT])
def test_a_replacement_is_quoted_only_when_the_store_was_at_fault(reason: ReasonCode) -> None:
    the_request = request(order(line(1, "shirt-m-blue")), reason, notes={1: "a note"})

    def quote() -> ReturnQuote:
        return quote_return(
            the_request,
            resolution=Resolution.EXCHANGE,
            method=ReturnMethod.PREPAID_LABEL,
            customer=customer(),
            catalog=CATALOG,
            policy=POLICY,
            exchange_item_ids={1: "shirt-m-blue"},
        )

    if reason in POLICY.exchanges.replacement_reasons:
        assert quote().exchange_difference == 0
    else:
        with pytest.raises(NotEligible):
            quote()
