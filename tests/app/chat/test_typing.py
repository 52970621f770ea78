"""Whole conversations by typing alone, through the offline model, checked in the database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.domain import OrderStatus, ReturnStatus, exchange_variants
from returndesk.operations.context import Operations
from tests.support.demo import (
    Pick,
    find_line,
    find_order,
    ordinary,
    returns_of,
    second_ordinary_line,
)
from tests.support.shopper import Shopper, ShopperFactory


def workflow_tasks(shopper: Shopper) -> list[str]:
    done = [
        e["item"]
        for e in shopper.events
        if e["type"] == "thread.item.done" and e["item"]["type"] == "workflow"
    ]
    return [task["title"] for item in done for task in item["workflow"]["tasks"]]


async def test_a_refund_of_two_items_by_typing(shopper: Shopper, ops: Operations) -> None:
    first = await find_line(
        ops,
        lambda p: (
            ordinary(p)
            and not p.product.hygiene_sealed
            and second_ordinary_line(p) is not None
            and p.line.name != (second_ordinary_line(p) or p).line.name
        ),
    )
    second = second_ordinary_line(first)
    assert second is not None

    await shopper.say(f"hi! my email is {first.customer.email}")
    assert "workflow" in str(shopper.events)
    assert "Checked your details" in workflow_tasks(shopper)
    await shopper.say(
        f"I'd like to return the {first.line.name.lower()} and the {second.line.name.lower()} "
        f"from order {first.order.id.lstrip('#')}"
    )
    assert f"You've chosen: {first.line.name}, {second.line.name}" in shopper.said
    await shopper.say("they both stopped working")
    await shopper.say("full refund please")
    await shopper.say("i'll drop them off at the store")
    assert "Confirm return" in shopper.labels()
    await shopper.say("yes, go ahead")

    [ret] = await returns_of(ops, first.customer.id)
    assert {line.line_no for line in ret.lines} == {first.line.line_no, second.line.line_no}
    assert {line.reason.value for line in ret.lines} == {"DEFECTIVE"}
    assert ret.refund_amount == first.line.price + second.line.price
    assert ret.method is not None
    assert ret.method.value == "STORE_DROP_OFF"


def size_pick(pick: Pick) -> bool:
    """An ordinary line of a product sold in sizes, with another size available."""
    if not ordinary(pick) or pick.product.hygiene_sealed or "size" not in pick.line.options:
        return False
    return any(
        v.available
        and v.options.get("size") != pick.line.options["size"]
        and all(v.options.get(k) == val for k, val in pick.line.options.items() if k != "size")
        for v in pick.product.variants
    )


async def test_an_exchange_for_another_size_by_typing(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, size_pick)
    other = next(
        v
        for v in pick.product.variants
        if v.available
        and v.options.get("size") != pick.line.options["size"]
        and all(v.options.get(k) == val for k, val in pick.line.options.items() if k != "size")
    )

    await shopper.say(
        f"{pick.customer.first_name} {pick.customer.last_name}, zip {pick.customer.zip}"
    )
    await shopper.say(f"return the {pick.line.name} from {pick.order.id}")
    await shopper.say("it's way too tight")
    if "Before you send it back" in str(shopper.widget):
        await shopper.say("yes please, exchange it")
    else:
        await shopper.say("exchange it")
    await shopper.say(f"size {other.options['size']}")
    if "How would you like to pay" in str(shopper.widget) or "send the difference" in str(
        shopper.widget
    ):
        method = pick.customer.payment_methods[0]
        spoken = {
            "paypal": "paypal please",
            "gift_card": "my gift card",
            "credit_card": f"the {method.brand} ending {method.last_four}",
        }
        await shopper.say(spoken[method.source.value])
    await shopper.say("print a label")
    await shopper.say("yes")

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.resolution.value == "EXCHANGE"
    assert ret.exchange_item_ids == (other.item_id,)
    assert ret.lines[0].reason.value == "SIZE_TOO_SMALL"


async def test_store_credit_after_declining_the_offer_by_typing(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(
        ops, lambda p: ordinary(p) and not p.product.hygiene_sealed and p.line.price >= 20
    )
    bonus = min((pick.line.price * Decimal("0.10")).quantize(Decimal("0.01")), Decimal(50))

    await shopper.say(pick.customer.email)
    await shopper.say(f"I want to send back the {pick.line.name}, order {pick.order.id}")
    await shopper.say("changed my mind")
    assert "Before you send it back" in str(shopper.widget)
    await shopper.say("no thanks")
    await shopper.say("store credit on a new gift card")
    await shopper.say("print a label")
    await shopper.say("yep")

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.resolution.value == "STORE_CREDIT"
    assert ret.refund_amount == pick.line.price + bonus


async def test_store_credit_without_saying_where_asks_a_shopper_with_a_gift_card(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(
        ops,
        lambda p: (
            ordinary(p)
            and not p.product.hygiene_sealed
            and len(p.customer.gift_cards) == 1
            and p.line.price >= 20
        ),
    )
    await shopper.say(pick.customer.email)
    await shopper.say(f"I want to send back the {pick.line.name}, order {pick.order.id}")
    await shopper.say("it arrived broken")
    card_id = shopper.widget_id

    await shopper.say("store credit")
    assert "new gift card?" in shopper.said
    # Nothing was chosen on a guess: the card still offers every store-credit button.
    credit = [b for b in shopper.buttons() if b["label"].startswith("Store credit")]
    assert len(credit) == 2
    assert not any(b.get("disabled") for b in credit)
    assert shopper.widget_id == card_id

    await shopper.say("on my existing gift card")
    await shopper.say("print a label")
    await shopper.say("yes")
    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.resolution.value == "STORE_CREDIT"
    assert ret.refund_payment_method_id == pick.customer.gift_cards[0].id


async def test_cancelling_a_pending_order_by_typing(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)

    await shopper.say(f"hello, I'm {customer.email}")
    await shopper.say(f"please cancel order {order.id}, I ordered it by mistake")
    assert "Cancel the order" in shopper.labels()
    await shopper.say("yes, cancel it")

    async with ops.storage.reading() as repositories:
        cancelled = await repositories.orders.get(order.id)
    assert cancelled.status is OrderStatus.CANCELLED
    assert cancelled.payments[-1].kind.value == "refund"


async def test_a_status_question_by_typing(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: bool(o.tracking_ids))
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)

    await shopper.say(customer.email)
    await shopper.say(f"where is my order {order.id}?")

    assert order.tracking_ids[0] in str(shopper.widget)


async def test_typing_and_clicking_mix_at_every_step(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(
        ops, lambda p: ordinary(p) and not p.product.hygiene_sealed and p.line.price >= 20
    )

    await shopper.submit(shopper.form_with("email"), {"email": pick.customer.email})
    await shopper.say("I need to return something")
    await shopper.submit(shopper.form_with(pick.order.id), {f"qty:{pick.line.item_id}": True})
    await shopper.say("the colour is off")
    await shopper.click("No thanks")
    await shopper.say("refund")
    await shopper.click("QR code")
    await shopper.say("actually, go back")
    assert "How would you like to send it back?" in str(shopper.widget)
    await shopper.click("Drop it off at one of our stores")
    await shopper.say("yes confirm")

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.status is ReturnStatus.AWAITING_SHIPMENT
    assert ret.lines[0].reason.value == "COLOR"
    assert ret.method is not None
    assert ret.method.value == "STORE_DROP_OFF"


async def test_a_first_message_with_the_email_is_greeted_and_followed(
    new_shopper: ShopperFactory, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    shopper = await new_shopper()

    await shopper.start(f"hello, I'm {pick.customer.email} and I want to return something")

    assert shopper.texts[0].startswith("Hi, I'm ReturnDesk.")
    assert f"Thanks, {pick.customer.first_name}" in shopper.said


def paid_by_gift_card(pick: Pick) -> bool:
    """An ordinary line of an order paid by the shopper's one gift card, defective enough
    that no offer comes first."""
    cards = [card.id for card in pick.customer.gift_cards]
    return (
        ordinary(pick)
        and not pick.product.hygiene_sealed
        and cards == [pick.order.original_payment_method_id]
    )


@pytest.mark.parametrize(
    ("typed", "resolution"),
    [
        ("refund it to my gift card, the original payment", "REFUND"),
        ("refund please, back on the gift card i paid with", "REFUND"),
        ("money back to the original payment", "REFUND"),
        ("store credit on my gift card", "STORE_CREDIT"),
        ("put it on the gift card i paid with, with the bonus", "STORE_CREDIT"),
    ],
)
async def test_refund_or_store_credit_on_the_gift_card_that_paid(
    shopper: Shopper, ops: Operations, typed: str, resolution: str
) -> None:
    pick = await find_line(ops, paid_by_gift_card)
    card = pick.customer.gift_cards[0]
    await shopper.say(pick.customer.email)
    await shopper.say(f"I want to send back the {pick.line.name}, order {pick.order.id}")
    await shopper.say("it stopped working")
    await shopper.say(typed)
    await shopper.say("print a label")
    await shopper.say("yes")
    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.resolution.value == resolution
    assert ret.refund_payment_method_id == card.id
    assert (ret.bonus > 0) == (resolution == "STORE_CREDIT")


async def test_only_a_gift_card_named_asks_refund_or_credit_when_it_paid(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(ops, paid_by_gift_card)
    await shopper.say(pick.customer.email)
    await shopper.say(f"I want to send back the {pick.line.name}, order {pick.order.id}")
    await shopper.say("it stopped working")
    await shopper.say("put it back on my gift card")
    assert "refund to the gift card you paid with, or store credit" in shopper.said
    await shopper.say("the refund")
    await shopper.say("print a label")
    await shopper.say("yes")
    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.resolution.value == "REFUND"


def shared_value(pick: Pick) -> tuple[str, str] | None:
    """An option value that two or more of the line's exchange options share, but not all."""
    offered = exchange_variants(pick.line, pick.catalog)
    for key in pick.line.options:
        for value in {v.options.get(key) for v in offered}:
            sharing = [v for v in offered if v.options.get(key) == value]
            if value and 2 <= len(sharing) < len(offered) and value not in ("yes", "no"):
                return key, value
    return None


async def test_several_variants_fitting_a_description_are_offered_as_buttons(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(
        ops,
        lambda p: ordinary(p) and not p.product.hygiene_sealed and shared_value(p) is not None,
    )
    found = shared_value(pick)
    assert found is not None
    key, value = found
    fitting = {
        v.item_id for v in exchange_variants(pick.line, pick.catalog) if v.options[key] == value
    }
    await shopper.say(pick.customer.email)
    await shopper.say(f"I want to exchange the {pick.line.name}, order {pick.order.id}")
    await shopper.say("I changed my mind")
    if "No thanks" in " ".join(shopper.labels()):
        await shopper.say("no thanks")
    await shopper.say("an exchange")
    await shopper.say(f"the {value} one")

    offered = {
        b["onClickAction"]["payload"]["item_id"]
        for b in shopper.buttons()
        if b.get("onClickAction", {}).get("type") == "choose_variant"
    }
    assert offered == fitting
    assert "These fit" in shopper.said
    await shopper.click("Show all options")
    everything = {
        b["onClickAction"]["payload"]["item_id"]
        for b in shopper.buttons()
        if b.get("onClickAction", {}).get("type") == "choose_variant"
    }
    assert fitting < everything
