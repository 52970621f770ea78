"""What the shopper is told: when the money arrives and what happens next."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from returndesk.domain import (
    PaymentMethod,
    ReasonCode,
    Resolution,
    ReturnMethod,
    ReturnStatus,
    Tier,
    next_step,
    quote_return,
    refund_timing,
    return_refund_timing,
)
from tests.support.domain_factories import (
    CARD,
    CATALOG,
    PAYPAL,
    POLICY,
    customer,
    gift_card,
    line,
    order,
    request,
)

AT_ONCE = "The money is on your gift card at once."
AFTER_ARRIVAL = "Card and PayPal refunds arrive 5-7 business days after the items reach us."
WITHOUT_RETURN = "Card and PayPal refunds arrive within 5-7 business days."
GIFT_CARD = gift_card("25.00")


@pytest.mark.parametrize(
    ("destination", "waits", "sentence"),
    [
        (CARD, True, AFTER_ARRIVAL),
        (PAYPAL, True, AFTER_ARRIVAL),
        (CARD, False, WITHOUT_RETURN),
        (PAYPAL, False, WITHOUT_RETURN),
        (GIFT_CARD, True, AT_ONCE),
        (GIFT_CARD, False, AT_ONCE),
    ],
)
def test_gift_cards_at_once_cards_and_paypal_in_5_to_7_business_days(
    destination: PaymentMethod, waits: bool, sentence: str
) -> None:
    assert refund_timing(destination, waits_for_items=waits, policy=POLICY) == sentence


@pytest.mark.parametrize(
    ("item", "reason", "resolution", "method", "exchange", "destination", "sentence"),
    [
        pytest.param(
            "shirt-m-blue",
            ReasonCode.UNWANTED,
            Resolution.REFUND,
            ReturnMethod.PREPAID_LABEL,
            None,
            CARD,
            AFTER_ARRIVAL,
            id="refund-to-card-after-arrival",
        ),
        pytest.param(
            "shirt-m-blue",
            ReasonCode.UNWANTED,
            Resolution.REFUND,
            ReturnMethod.QR_DROP_OFF,
            None,
            GIFT_CARD,
            AT_ONCE,
            id="refund-to-gift-card",
        ),
        pytest.param(
            "kettle-1l",
            ReasonCode.DAMAGED,
            Resolution.REFUND,
            None,
            None,
            PAYPAL,
            WITHOUT_RETURN,
            id="keep-it-refund-to-paypal",
        ),
        pytest.param(
            "shirt-m-blue",
            ReasonCode.UNWANTED,
            Resolution.STORE_CREDIT,
            ReturnMethod.PREPAID_LABEL,
            None,
            None,
            AT_ONCE,
            id="store-credit-at-once",
        ),
        pytest.param(
            "shirt-m-blue",
            ReasonCode.UNWANTED,
            Resolution.KEEP_WITH_DISCOUNT,
            None,
            None,
            CARD,
            WITHOUT_RETURN,
            id="keep-with-discount-to-card",
        ),
        pytest.param(
            "shirt-m-blue",
            ReasonCode.COLOR,
            Resolution.EXCHANGE,
            ReturnMethod.PREPAID_LABEL,
            {1: "shirt-m-red"},
            CARD,
            AFTER_ARRIVAL,
            id="exchange-difference-back-to-card",
        ),
        pytest.param(
            "shirt-m-blue",
            ReasonCode.COLOR,
            Resolution.EXCHANGE,
            ReturnMethod.PREPAID_LABEL,
            {1: "shirt-m-red"},
            GIFT_CARD,
            AT_ONCE,
            id="exchange-difference-to-gift-card",
        ),
        pytest.param(
            "shirt-m-blue",
            ReasonCode.SIZE_TOO_SMALL,
            Resolution.EXCHANGE,
            ReturnMethod.PREPAID_LABEL,
            {1: "shirt-l-blue"},
            CARD,
            None,
            id="exchange-shopper-pays-nothing-comes-back",
        ),
        pytest.param(
            "shirt-m-blue",
            ReasonCode.UNWANTED,
            Resolution.REFUND,
            ReturnMethod.PREPAID_LABEL,
            None,
            None,
            None,
            id="refund-without-destination",
        ),
    ],
)
def test_return_refund_timing(
    item: str,
    reason: ReasonCode,
    resolution: Resolution,
    method: ReturnMethod | None,
    exchange: Mapping[int, str] | None,
    destination: PaymentMethod | None,
    sentence: str | None,
) -> None:
    quote = quote_return(
        request(order(line(1, item, price="30.00" if item == "kettle-1l" else None)), reason),
        resolution=resolution,
        method=method,
        customer=customer(Tier.MEMBER),
        catalog=CATALOG,
        policy=POLICY,
        exchange_item_ids=exchange,
    )

    assert return_refund_timing(quote, destination, POLICY) == sentence


@pytest.mark.parametrize(
    ("status", "method", "keep_item", "words"),
    [
        (ReturnStatus.REQUESTED, None, False, "checking your return request"),
        (ReturnStatus.NEEDS_REVIEW, None, False, "review your return"),
        (ReturnStatus.APPROVED, None, False, "what you need to send the items"),
        (ReturnStatus.APPROVED, None, True, "nothing to send back"),
        (ReturnStatus.AWAITING_SHIPMENT, ReturnMethod.PREPAID_LABEL, False, "Print the label"),
        (ReturnStatus.AWAITING_SHIPMENT, ReturnMethod.QR_DROP_OFF, False, "QR code"),
        (ReturnStatus.AWAITING_SHIPMENT, ReturnMethod.SCHEDULE_PICKUP, False, "pickup"),
        (ReturnStatus.AWAITING_SHIPMENT, ReturnMethod.STORE_DROP_OFF, False, "return number"),
        (ReturnStatus.AWAITING_SHIPMENT, None, False, "return confirmation"),
        (ReturnStatus.IN_TRANSIT, None, False, "on their way back"),
        (ReturnStatus.RECEIVED, None, False, "have arrived"),
        (ReturnStatus.REFUNDED, None, False, "money has been sent back"),
        (ReturnStatus.EXCHANGED, None, False, "replacement is on its way"),
        (ReturnStatus.CLOSED, None, False, "complete"),
        (ReturnStatus.CANCELLED, None, False, "cancelled"),
        (ReturnStatus.REJECTED, None, False, "wasn't approved"),
        (ReturnStatus.EXPIRED, None, False, "expired because the items weren't sent in time"),
    ],
)
def test_next_step_tells_the_shopper_what_happens_next(
    status: ReturnStatus, method: ReturnMethod | None, keep_item: bool, words: str
) -> None:
    assert words in next_step(status, method=method, keep_item=keep_item)


@pytest.mark.parametrize("method", [ReturnMethod.PREPAID_LABEL, ReturnMethod.SCHEDULE_PICKUP])
def test_no_timing_sentence_when_fees_leave_nothing_to_refund(method: ReturnMethod) -> None:
    # A $5.00 item returned by a standard shopper: $5.95 shipping leaves $0.00.
    quote = quote_return(
        request(order(line(1, "shirt-m-blue", price="5.00")), ReasonCode.UNWANTED),
        resolution=Resolution.REFUND,
        method=method,
        customer=customer(Tier.STANDARD),
        catalog=CATALOG,
        policy=POLICY,
    )

    assert quote.refund_amount == 0
    assert return_refund_timing(quote, CARD, POLICY) is None
