"""Returns completed by clicks alone, checked in the database afterwards."""

from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.domain import Outcome, ReturnStatus, Tier, exchange_variants
from returndesk.operations.context import Operations
from tests.support.demo import (
    Pick,
    cheaper_variant,
    dearer_variant,
    find_line,
    ordinary,
    returns_of,
    second_ordinary_line,
)
from tests.support.flows import choose_items, verify
from tests.support.shopper import Shopper


async def test_a_one_item_refund_by_clicks(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, lambda p: ordinary(p) and p.customer.tier is Tier.STANDARD)

    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    assert f"Why are you returning the {pick.line.name}?" in str(shopper.widget)
    await shopper.click("Defective")
    refund = pick.line.price  # merchant fault: no fees, no offer
    await shopper.click(f"Refund ${refund:,.2f}")
    await shopper.click("Print a prepaid label")
    assert "Confirm return" in shopper.labels()
    await shopper.click("Confirm return")

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.status is ReturnStatus.AWAITING_SHIPMENT
    assert ret.refund_amount == refund
    assert [(line.line_no, line.reason.value) for line in ret.lines] == [
        (pick.line.line_no, "DEFECTIVE")
    ]
    assert ret.rma in str(shopper.widget)
    assert "tracking number" in str(shopper.widget)


async def test_answered_widgets_are_locked_with_the_choice_marked(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    reason_widget_id = shopper.widget_id

    await shopper.click("Arrived damaged")

    [update] = [
        e
        for e in shopper.events
        if e["type"] == "thread.item.updated" and e["item_id"] == reason_widget_id
    ]
    locked = update["update"]["widget"]
    buttons = shopper.buttons(locked)
    assert all(button["disabled"] for button in buttons)
    assert [b["label"] for b in buttons if b.get("iconStart") == "check"] == ["Arrived damaged"]


async def test_several_items_with_different_reasons(shopper: Shopper, ops: Operations) -> None:
    first = await find_line(
        ops,
        lambda p: (
            ordinary(p)
            and sum(1 for line in p.order.lines if line.item_id == p.line.item_id) == 1
            and second_ordinary_line(p) is not None
        ),
    )
    second = second_ordinary_line(first)
    assert second is not None

    await verify(shopper, first.customer)
    await choose_items(shopper, first, second)
    await shopper.click("Defective")
    await shopper.click("Wrong item sent")
    await shopper.click("Refund")
    await shopper.click("Drop it off at one of our stores")
    await shopper.click("Confirm return")

    [ret] = await returns_of(ops, first.customer.id)
    reasons = {line.line_no: line.reason.value for line in ret.lines}
    assert reasons == {first.line.line_no: "DEFECTIVE", second.line.line_no: "WRONG_ITEM"}
    assert ret.refund_amount == first.line.price + second.line.price
    assert f"Return: {first.line.name}" in str(await shopper.title())


async def test_an_exchange_paying_the_difference(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(
        ops,
        lambda p: (
            ordinary(p)
            and not p.product.hygiene_sealed
            and dearer_variant(p) is not None
            and any(m.source.value == "credit_card" for m in p.customer.payment_methods)
        ),
    )
    item_id = dearer_variant(pick)
    assert item_id is not None
    variant = pick.catalog.variant(item_id)
    card = next(m for m in pick.customer.payment_methods if m.source.value == "credit_card")

    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Defective")
    await shopper.click("Replace it with the same, or exchange it")
    choose = next(
        b for b in shopper.buttons() if b["onClickAction"]["payload"].get("item_id") == item_id
    )
    await shopper.send(choose["onClickAction"])
    await shopper.click(f"with {card.describe()}")
    await shopper.click("QR code")
    await shopper.click("Confirm return")

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.exchange_item_ids == (item_id,)
    assert ret.exchange_difference == variant.price - pick.line.price
    assert ret.exchange_payment_method_id == card.id
    assert ret.fees == 0


async def test_an_exchange_receiving_a_refund(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(
        ops,
        lambda p: ordinary(p) and not p.product.hygiene_sealed and cheaper_variant(p) is not None,
    )
    item_id = cheaper_variant(pick)
    assert item_id is not None
    refund_to = pick.customer.payment_methods[0]

    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Not as described")
    await shopper.click("Exchange")
    choose = next(
        b for b in shopper.buttons() if b["onClickAction"]["payload"].get("item_id") == item_id
    )
    await shopper.send(choose["onClickAction"])
    assert "costs" in str(shopper.widget)
    assert "less" in str(shopper.widget)
    await shopper.click(f"with {refund_to.describe()}")
    await shopper.click("Print a prepaid label")
    await shopper.click("Confirm return")

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.exchange_difference < 0
    assert ret.exchange_payment_method_id == refund_to.id


async def test_a_retention_offer_accepted_keeps_the_item_with_money_back(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(
        ops, lambda p: ordinary(p) and not p.product.hygiene_sealed and p.line.price >= 20
    )
    percent = Decimal(15) if pick.customer.tier is Tier.VIP else Decimal(10)
    amount = (pick.line.price * percent / 100).quantize(Decimal("0.01"))

    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Changed my mind")
    await shopper.click(f"Keep it and get ${amount:,.2f} back")
    await shopper.click("Confirm return")

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.resolution.value == "KEEP_WITH_DISCOUNT"
    assert ret.keep_item
    assert ret.refund_amount == amount
    assert ret.status is ReturnStatus.REFUNDED


async def test_a_retention_offer_declined_goes_on_to_store_credit(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(
        ops, lambda p: ordinary(p) and not p.product.hygiene_sealed and p.line.price >= 20
    )
    bonus = min((pick.line.price * Decimal("0.10")).quantize(Decimal("0.01")), Decimal(50))

    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Not my style")
    await shopper.click("No thanks")
    assert "No problem" in shopper.said
    await shopper.click("on a new gift card")
    await shopper.click("Print a prepaid label")
    await shopper.click("Confirm return")

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.resolution.value == "STORE_CREDIT"
    assert ret.refund_amount == pick.line.price + bonus
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(pick.customer.id)
    assert customer.payment_method(ret.refund_payment_method_id or "").is_gift_card


async def test_an_ineligible_item_is_explained_and_cannot_be_chosen(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(ops, lambda p: p.eligibility.outcome is Outcome.WINDOW_EXPIRED)

    await verify(shopper, pick.customer)
    await shopper.click("Return or exchange items")
    assert pick.eligibility.message in str(shopper.widget)
    # A hand-made click naming the line anyway is refused with the same reason.
    await shopper.submit(shopper.form_with(pick.order.id), {"line_nos": [pick.line.line_no]})

    assert "return window for this item closed" in shopper.said
    assert await returns_of(ops, pick.customer.id) == []


async def to_seal_question(shopper: Shopper, ops: Operations) -> Pick:
    """A sealed item chosen with a reason, up to the question about its seal."""
    pick = await find_line(
        ops,
        lambda p: (
            p.eligibility.outcome is Outcome.NEEDS_HYGIENE_ANSWER and p.line.price > Decimal(40)
        ),
    )
    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Defective")
    return pick


async def test_a_hygiene_sealed_item_asks_about_the_seal_once(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await to_seal_question(shopper, ops)
    assert f"Is the seal on the {pick.line.name} unbroken?" in str(shopper.widget)
    await shopper.click("Yes, it's still sealed")
    await shopper.click("Refund")
    await shopper.click("Drop it off at one of our stores")
    await shopper.click("Confirm return")

    assert len(await returns_of(ops, pick.customer.id)) == 1


async def test_an_opened_seal_takes_the_item_out_of_the_return(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await to_seal_question(shopper, ops)
    await shopper.click("No, it's been opened")

    assert "can only be returned with the seal unbroken" in shopper.said
    assert "Which items would you like to return?" in str(shopper.widget)
    assert await returns_of(ops, pick.customer.id) == []


async def test_something_else_asks_for_a_short_note(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, lambda p: ordinary(p) and not p.product.hygiene_sealed)

    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Something else")
    assert f"Tell us what's wrong with the {pick.line.name}" in str(shopper.widget)
    await shopper.submit(shopper.form_with("note"), {"note": "The handle squeaks loudly"})
    if "Before you send it back" in str(shopper.widget):
        await shopper.click("No thanks")
    await shopper.click("Refund")
    await shopper.click("Print a prepaid label")
    await shopper.click("Confirm return")

    [ret] = await returns_of(ops, pick.customer.id)
    assert (ret.lines[0].reason.value, ret.lines[0].note) == ("OTHER", "The handle squeaks loudly")


def same_variant_available(pick: Pick) -> bool:
    return (
        ordinary(pick)
        and not pick.product.hygiene_sealed
        and pick.catalog.variant(pick.line.item_id).available
    )


@pytest.mark.parametrize("reason", ["Defective", "Arrived damaged", "Wrong item sent"])
async def test_a_replacement_by_the_very_same_item_when_the_store_was_at_fault(
    shopper: Shopper, ops: Operations, reason: str
) -> None:
    pick = await find_line(ops, same_variant_available)
    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click(reason)
    await shopper.click("Replace it with the same, or exchange it")
    # The replacement comes first, before any other variant.
    first = shopper.buttons()[0]
    assert first["label"] == "Replace with the same"
    await shopper.click("Replace with the same")
    await shopper.click("QR code")
    await shopper.click("Confirm return")

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.exchange_item_ids == (pick.line.item_id,)
    assert ret.exchange_difference == 0


async def test_no_replacement_by_the_same_item_when_the_shopper_changed_their_mind(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(
        ops, lambda p: same_variant_available(p) and bool(exchange_variants(p.line, p.catalog))
    )
    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Style")
    if "No thanks" in " ".join(shopper.labels()):
        await shopper.click("No thanks")
    await shopper.click("Exchange for another size or colour")
    assert "Replace with the same" not in shopper.labels()
    assert all(
        b["onClickAction"]["payload"].get("item_id") != pick.line.item_id
        for b in shopper.buttons()
        if b.get("onClickAction")
    )
