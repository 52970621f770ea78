from __future__ import annotations

import pytest

from returndesk.domain.codes import Resolution, ReturnMethod
from returndesk.llm.offline.choices import (
    credit_destination,
    find_method,
    find_resolution,
    offer_answer,
    pick_payment,
    seal_answer,
    yes_or_no,
)
from returndesk.llm.offline.normalize import normalize
from tests.support.nlu_contexts import GIFT_CARD, MASTERCARD, PAYPAL, VISA, WALLET


@pytest.mark.parametrize(
    ("typed", "resolution"),
    [
        ("full refund", Resolution.REFUND),
        ("money back please", Resolution.REFUND),
        ("make it store credit instead", Resolution.STORE_CREDIT),
        ("swap it for a medium", Resolution.EXCHANGE),
        ("not a refund, store credit", Resolution.STORE_CREDIT),
        ("I don't want store credit, just refund it", Resolution.REFUND),
        ("refund to my credit card", Resolution.REFUND),
    ],
)
def test_resolutions(typed: str, resolution: Resolution) -> None:
    found = find_resolution(normalize(typed))

    assert found is not None
    assert found.resolution is resolution


def test_refund_or_exchange_asks() -> None:
    found = find_resolution(normalize("refund or exchange, not sure"))

    assert found is not None
    assert found.resolution is None
    assert found.question is not None


def test_store_credit_goes_to_the_gift_card_or_a_new_one() -> None:
    existing = credit_destination(normalize("on my gift card"), WALLET)
    new = credit_destination(normalize("a new gift card please"), WALLET)

    assert existing is not None
    assert existing.method_id == GIFT_CARD.id
    assert new is not None
    assert new.method_id == "new_gift_card"


@pytest.mark.parametrize(
    ("typed", "method_id"),
    [
        ("my gift card", GIFT_CARD.id),
        ("pay pal", PAYPAL.id),
        ("the visa ending 9858", VISA.id),
        ("master card", MASTERCARD.id),
        ("2378", MASTERCARD.id),
        ("the first one", VISA.id),
    ],
)
def test_payment_methods(typed: str, method_id: str) -> None:
    found = pick_payment(normalize(typed), WALLET)

    assert found is not None
    assert found.method_id == method_id


@pytest.mark.parametrize("typed", ["my credit card", "the visa ending 1111", "the amex"])
def test_unclear_payment_methods_ask(typed: str) -> None:
    found = pick_payment(normalize(typed), WALLET)

    assert found is not None
    assert found.method_id is None
    assert found.question is not None


@pytest.mark.parametrize(
    ("typed", "method"),
    [
        ("I don't have a printer", ReturnMethod.QR_DROP_OFF),
        ("can you pick it up", ReturnMethod.SCHEDULE_PICKUP),
        ("I'll drop it at the store", ReturnMethod.STORE_DROP_OFF),
        ("print a label", ReturnMethod.PREPAID_LABEL),
        ("show a code at ups", ReturnMethod.QR_DROP_OFF),
        ("not a pickup, a label", ReturnMethod.PREPAID_LABEL),
    ],
)
def test_return_methods(typed: str, method: ReturnMethod) -> None:
    assert find_method(normalize(typed)) is method


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("yep", True),
        ("sure thing", True),
        ("no problem", True),
        ("👍", True),
        ("nah", False),
        ("no thanks", False),
        ("wait, no", False),
        ("hmm", None),
    ],
)
def test_yes_and_no(typed: str, answer: bool | None) -> None:
    assert yes_or_no(normalize(typed)) is answer


@pytest.mark.parametrize(
    ("typed", "accept"),
    [
        ("keep it", True),
        ("ok deal", True),
        ("I'd rather return it", False),
        ("continue with the return", False),
        ("no thanks, just refund me", False),
    ],
)
def test_the_retention_offer(typed: str, accept: bool) -> None:
    assert offer_answer(normalize(typed)) is accept


@pytest.mark.parametrize(
    ("typed", "opened"),
    [
        ("yes", False),
        ("no", True),
        ("never opened it", False),
        ("still in shrink wrap", False),
        ("seal's broken", True),
        ("the box is open but I never used them", True),
    ],
)
def test_the_hygiene_seal(typed: str, opened: bool) -> None:
    assert seal_answer(normalize(typed)) is opened


# Ways of pointing at a gift card, and of asking for each resolution, combined below so
# the rules are tested as a class rather than as a few sentences.
GIFT_CARD_PHRASES = ["my gift card", "the gift card", "the gift card i paid with"]
REFUND_PHRASES = ["refund it to {card}", "refund please, back on {card}", "money back to {card}"]
ORIGINAL_PHRASES = ["back to the original payment, {card}", "the way i paid, {card}"]
CREDIT_PHRASES = [
    "store credit on {card}",
    "put it on {card} as store credit",
    "{card} with the bonus",
]


@pytest.mark.parametrize("card", GIFT_CARD_PHRASES)
@pytest.mark.parametrize("phrase", REFUND_PHRASES + ORIGINAL_PHRASES)
def test_refund_words_to_a_gift_card_that_paid_are_a_refund(phrase: str, card: str) -> None:
    found = find_resolution(normalize(phrase.format(card=card)), paid_with="gift_card")
    assert found is not None
    assert found.resolution is Resolution.REFUND


@pytest.mark.parametrize("card", GIFT_CARD_PHRASES)
@pytest.mark.parametrize("paid_with", ["gift_card", "credit_card", "paypal", None])
@pytest.mark.parametrize("phrase", CREDIT_PHRASES)
def test_store_credit_words_are_store_credit_however_the_order_was_paid(
    phrase: str, card: str, paid_with: str | None
) -> None:
    found = find_resolution(normalize(phrase.format(card=card)), paid_with=paid_with)
    assert found is not None
    assert found.resolution is Resolution.STORE_CREDIT


@pytest.mark.parametrize("phrase", ["put it on my gift card", "on the gift card please"])
def test_a_gift_card_alone_asks_when_the_order_was_paid_by_gift_card(phrase: str) -> None:
    asked = find_resolution(normalize(phrase), paid_with="gift_card")
    assert asked is not None
    assert asked.resolution is None
    assert asked.question is not None
    assert "refund" in asked.question
    assert "store credit" in asked.question
    paid_by_card = find_resolution(normalize(phrase), paid_with="credit_card")
    assert paid_by_card is not None
    assert paid_by_card.resolution is Resolution.STORE_CREDIT


@pytest.mark.parametrize(
    "phrase",
    ["refund me as store credit", "refund or credit, whichever", "money back or a voucher"],
)
def test_refund_and_store_credit_together_ask(phrase: str) -> None:
    found = find_resolution(normalize(phrase), paid_with="gift_card")
    assert found is not None
    assert found.resolution is None
    assert found.question
