"""Exchanges: the shopper pays a higher price at once, or is refunded a lower one on exchange."""

from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.domain import (
    PaymentMethod,
    ReasonCode,
    Resolution,
    ReturnItem,
    ReturnMethod,
    ReturnStatus,
    TransactionKind,
    exchange_variants,
)
from returndesk.errors import NotEligible
from returndesk.operations.context import Operations
from returndesk.operations.returns import ReturnDraft, cancel_return, create_return
from returndesk.operations.staff import advance_return
from tests.support.demo import Pick, find_line, ordinary


def cheaper_or_dearer(pick: Pick, *, dearer: bool) -> str | None:
    for variant in exchange_variants(pick.line, pick.catalog):
        if (variant.price > pick.line.price) == dearer and variant.price != pick.line.price:
            return variant.item_id
    return None


def covering_card(pick: Pick) -> PaymentMethod | None:
    """A gift card of the shopper that covers the difference to a dearer variant."""
    item_id = cheaper_or_dearer(pick, dearer=True)
    if item_id is None:
        return None
    difference = pick.catalog.variant(item_id).price - pick.line.price
    for card in pick.customer.gift_cards:
        if card.balance is not None and card.balance >= difference:
            return card
    return None


def exchange(pick: Pick, key: str, item_id: str, payment_method_id: str | None) -> ReturnDraft:
    return ReturnDraft(
        customer_id=pick.customer.id,
        order_id=pick.order.id,
        items=(ReturnItem(pick.line.line_no, ReasonCode.SIZE_TOO_SMALL),),
        resolution=Resolution.EXCHANGE,
        method=ReturnMethod.QR_DROP_OFF,
        idempotency_key=key,
        exchange_item_ids={pick.line.line_no: item_id},
        exchange_payment_method_id=payment_method_id,
    )


async def gift_card_balance(ops: Operations, customer_id: str, card_id: str) -> Decimal:
    async with ops.storage.reading() as repositories:
        balance = (await repositories.customers.get(customer_id)).payment_method(card_id).balance
    assert balance is not None
    return balance


async def test_paying_a_higher_price_with_a_gift_card_takes_it_from_the_balance_at_once(
    ops: Operations,
) -> None:
    pick = await find_line(ops, lambda p: ordinary(p) and covering_card(p) is not None)
    item_id = cheaper_or_dearer(pick, dearer=True)
    card = covering_card(pick)
    assert item_id is not None
    assert card is not None
    assert card.balance is not None
    difference = pick.catalog.variant(item_id).price - pick.line.price

    ret = await create_return(ops, exchange(pick, "pay-more", item_id, card.id))

    assert ret.exchange_difference == difference
    assert ret.exchange_item_ids == (item_id,)
    assert ret.fees == 0
    assert await gift_card_balance(ops, pick.customer.id, card.id) == card.balance - difference

    # Cancelling gives the difference back to the same card.
    await cancel_return(ops, ret.rma, customer_id=pick.customer.id)
    assert await gift_card_balance(ops, pick.customer.id, card.id) == card.balance


async def test_a_gift_card_that_cannot_cover_the_difference_is_refused(ops: Operations) -> None:
    pick = await find_line(
        ops,
        lambda p: (
            ordinary(p)
            and cheaper_or_dearer(p, dearer=True) is not None
            and any(card.balance is not None for card in p.customer.gift_cards)
        ),
    )
    item_id = cheaper_or_dearer(pick, dearer=True)
    assert item_id is not None
    difference = pick.catalog.variant(item_id).price - pick.line.price
    poor = [card for card in pick.customer.gift_cards if (card.balance or 0) < difference]
    if not poor:
        pytest.fail("the chosen customer's gift cards all cover the difference")

    with pytest.raises(NotEligible, match="doesn't cover"):
        await create_return(ops, exchange(pick, "too-poor", item_id, poor[0].id))


async def test_a_lower_price_is_refunded_when_the_exchange_completes(ops: Operations) -> None:
    pick = await find_line(
        ops, lambda p: ordinary(p) and cheaper_or_dearer(p, dearer=False) is not None
    )
    item_id = cheaper_or_dearer(pick, dearer=False)
    assert item_id is not None
    refund_to = pick.order.original_payment_method_id
    assert refund_to is not None
    difference = pick.catalog.variant(item_id).price - pick.line.price

    ret = await create_return(ops, exchange(pick, "pay-less", item_id, refund_to))
    for status in (ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED, ReturnStatus.EXCHANGED):
        ret = await advance_return(ops, ret.rma, status)

    assert ret.exchange_difference == difference < 0
    async with ops.storage.reading() as repositories:
        order = await repositories.orders.get(pick.order.id)
    last = order.payments[-1]
    assert (last.kind, last.amount, last.payment_method_id) == (
        TransactionKind.REFUND,
        -difference,
        refund_to,
    )
