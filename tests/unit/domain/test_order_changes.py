"""What may change on a pending order, and what each change would write."""

from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.domain import (
    Address,
    OrderStatus,
    check_order_cancellation,
    check_order_change,
    payment_change_options,
    plan_address_change,
    plan_default_address_change,
    plan_item_change,
    plan_payment_change,
)
from returndesk.errors import InvalidRequest, NotEligible
from tests.support.domain_factories import (
    CARD,
    CATALOG,
    PAYPAL,
    POLICY,
    customer,
    gift_card,
    line,
    order,
)

NEW_ADDRESS = {
    "address1": "12 Oak St",
    "city": "Austin",
    "state": "TX",
    "zip": "78701",
    "country": "USA",
}


@pytest.mark.parametrize(
    ("status", "why"),
    [
        (OrderStatus.PROCESSED, "about to ship"),
        (OrderStatus.DELIVERED, "return or exchange its items instead"),
        (OrderStatus.CANCELLED, "is cancelled"),
        (OrderStatus.PENDING_ITEMS_MODIFIED, "items were already changed"),
    ],
)
def test_only_a_pending_order_changes_and_a_refusal_says_what_is_possible(
    status: OrderStatus, why: str
) -> None:
    check = check_order_change(order(status=status), customer())

    assert not check.allowed
    assert why in check.message
    with pytest.raises(NotEligible, match=why):
        plan_address_change(
            order(status=status), customer=customer(), fields=NEW_ADDRESS, policy=POLICY
        )


def test_another_customers_order_is_not_found_on_the_account() -> None:
    check = check_order_change(order(status=OrderStatus.PENDING), customer(customer_id="someone"))

    assert (check.allowed, check.message) == (False, "I can't find that order on your account.")


def test_an_order_whose_items_changed_can_no_longer_be_cancelled() -> None:
    check = check_order_cancellation(order(status=OrderStatus.PENDING_ITEMS_MODIFIED), customer())

    assert not check.allowed
    assert "can no longer be cancelled" in check.message


def test_an_address_change_keeps_the_old_address_for_the_summary() -> None:
    change = plan_address_change(
        order(status=OrderStatus.PENDING), customer=customer(), fields=NEW_ADDRESS, policy=POLICY
    )

    assert change.new == Address("12 Oak St", "Austin", "TX", "78701", "USA")


def test_an_address_missing_a_field_changes_nothing_and_names_it() -> None:
    with pytest.raises(InvalidRequest, match="needs a city"):
        plan_address_change(
            order(status=OrderStatus.PENDING),
            customer=customer(),
            fields={**NEW_ADDRESS, "city": ""},
            policy=POLICY,
        )


def test_the_payment_moves_to_another_method_and_the_old_one_is_refunded() -> None:
    the_order = order(line(), status=OrderStatus.PENDING)

    change = plan_payment_change(
        the_order, customer=customer(), payment_method_id=PAYPAL.id, policy=POLICY
    )

    assert (change.old, change.new, change.amount) == (CARD, PAYPAL, Decimal("50.00"))
    assert change.refund_timing == POLICY.refund_timing.without_return


def test_a_gift_card_must_hold_the_whole_total() -> None:
    small = gift_card("49.99")
    shopper = customer(payment_methods=(CARD, small))
    the_order = order(line(), status=OrderStatus.PENDING)

    assert payment_change_options(the_order, shopper) == ()
    with pytest.raises(NotEligible, match=r"doesn't cover the order total of \$50.00"):
        plan_payment_change(the_order, customer=shopper, payment_method_id=small.id, policy=POLICY)
    enough = gift_card("50.00")
    assert payment_change_options(the_order, customer(payment_methods=(CARD, enough))) == (enough,)


def test_moving_the_payment_to_the_method_that_pays_is_refused() -> None:
    with pytest.raises(InvalidRequest, match="already paid with Visa ending 4242"):
        plan_payment_change(
            order(status=OrderStatus.PENDING),
            customer=customer(),
            payment_method_id=CARD.id,
            policy=POLICY,
        )


def test_switching_items_totals_the_difference_and_settles_it_on_the_chosen_method() -> None:
    the_order = order(line(1, "shirt-m-blue"), line(2, "kettle-1l"), status=OrderStatus.PENDING)

    change = plan_item_change(
        the_order,
        customer=customer(),
        choices={1: "shirt-m-red", 2: "kettle-2l"},
        payment_method_id=PAYPAL.id,
        catalog=CATALOG,
    )

    # -5.00 for the shirt, +20.00 for the kettle.
    assert change.difference == Decimal("15.00")
    assert change.payment_method == PAYPAL
    assert [s.variant.item_id for s in change.switches] == ["shirt-m-red", "kettle-2l"]


@pytest.mark.parametrize(
    ("item_id", "why"),
    [
        ("shirt-xl-blue", "not available at the moment"),
        ("kettle-2l", "not to a different product"),
        ("shirt-m-blue", "the T-Shirt you already ordered"),
        ("no-such-item", "can't find that item"),
    ],
)
def test_a_line_switches_only_to_an_available_variant_of_its_product(
    item_id: str, why: str
) -> None:
    with pytest.raises(NotEligible, match=why):
        plan_item_change(
            order(line(1, "shirt-m-blue"), status=OrderStatus.PENDING),
            customer=customer(),
            choices={1: item_id},
            payment_method_id=CARD.id,
            catalog=CATALOG,
        )


def test_a_gift_card_paying_a_difference_must_cover_it() -> None:
    small = gift_card("1.00")
    with pytest.raises(NotEligible, match=r"doesn't cover the difference of \$2.00"):
        plan_item_change(
            order(line(1, "shirt-m-blue"), status=OrderStatus.PENDING),
            customer=customer(payment_methods=(CARD, small)),
            choices={1: "shirt-l-blue"},
            payment_method_id=small.id,
            catalog=CATALOG,
        )


def test_a_refund_of_the_difference_may_go_to_any_gift_card() -> None:
    small = gift_card("1.00")
    change = plan_item_change(
        order(line(1, "shirt-m-blue"), status=OrderStatus.PENDING),
        customer=customer(payment_methods=(CARD, small)),
        choices={1: "shirt-m-red"},
        payment_method_id=small.id,
        catalog=CATALOG,
    )

    assert change.difference == Decimal("-5.00")


def test_a_switch_with_a_difference_needs_a_method() -> None:
    with pytest.raises(InvalidRequest, match="Choose a payment method"):
        plan_item_change(
            order(line(1, "shirt-m-blue"), status=OrderStatus.PENDING),
            customer=customer(),
            choices={1: "shirt-l-blue"},
            payment_method_id=None,
            catalog=CATALOG,
        )


def test_a_default_address_change_takes_the_pending_orders_the_shopper_names() -> None:
    first = order(status=OrderStatus.PENDING, order_id="#W1")
    shipped = order(status=OrderStatus.PROCESSED, order_id="#W2")

    change = plan_default_address_change(
        customer(), fields=NEW_ADDRESS, policy=POLICY, orders_following=[first]
    )

    assert change.orders_following == ("#W1",)
    with pytest.raises(NotEligible, match="about to ship"):
        plan_default_address_change(
            customer(), fields=NEW_ADDRESS, policy=POLICY, orders_following=[shipped]
        )
