"""Cancellations, status, hand-off, verification and navigation, by clicks alone."""

from __future__ import annotations

from returndesk.domain import OrderStatus, ReturnStatus
from returndesk.domain.handoffs import HandoffStatus
from returndesk.operations.context import Operations
from tests.support.demo import find_line, find_order, ordinary, returns_of
from tests.support.flows import choose_items, to_summary, verify
from tests.support.shopper import Shopper


async def test_failed_verification_reveals_nothing(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    customer = pick.customer
    form = shopper.form_with("email")

    await shopper.submit(form, {"email": "nobody@example.com"})
    wrong_email = shopper.texts
    await shopper.submit(
        shopper.form_with("email"),
        {"first_name": customer.first_name, "last_name": customer.last_name, "zip": "00000"},
    )
    wrong_zip = shopper.texts

    assert wrong_email == wrong_zip
    assert customer.first_name not in shopper.said
    assert "email" in str(shopper.widget)


async def test_verification_by_name_and_zip(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    customer = pick.customer

    await shopper.submit(
        shopper.form_with("email"),
        {
            "first_name": customer.first_name.upper(),
            "last_name": customer.last_name,
            "zip": customer.zip,
        },
    )

    assert f"Thanks, {customer.first_name}" in shopper.said
    assert "Return or exchange items" in shopper.labels()


async def test_cancelling_a_return_by_clicks(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    await to_summary(shopper, pick)
    await shopper.click("Confirm return")
    [created] = await returns_of(ops, pick.customer.id)

    await shopper.click("Something else")
    await shopper.click("Cancel a return")
    await shopper.click(f"Cancel {created.rma}")
    await shopper.click("Cancel the return")

    [cancelled] = await returns_of(ops, pick.customer.id)
    assert cancelled.status is ReturnStatus.CANCELLED
    assert "Cancelled" in str(shopper.widget)


async def test_cancelling_a_pending_order_by_clicks(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    await verify(shopper, customer)

    await shopper.click("Cancel an order")
    await shopper.click(f"Cancel {order.id}")
    await shopper.click("Ordered by mistake")
    assert "Cancel the order" in shopper.labels()
    await shopper.click("Cancel the order")

    async with ops.storage.reading() as repositories:
        cancelled = await repositories.orders.get(order.id)
    assert cancelled.status is OrderStatus.CANCELLED
    assert f"Order {order.id}" in str(shopper.widget)


async def test_status_of_an_order_shows_its_tracking(shopper: Shopper, ops: Operations) -> None:
    order = await find_order(ops, lambda o, c: bool(o.tracking_ids))
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    await verify(shopper, customer)

    await shopper.click("Check an order or return")
    await shopper.click(f"Order {order.id}")

    shown = str(shopper.widget)
    assert order.tracking_ids[0] in shown
    assert order.status.value.capitalize() in shown
    assert "Status: " in (await shopper.title() or "")


async def test_status_of_a_return_says_what_happens_next(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    await to_summary(shopper, pick, "QR code")
    await shopper.click("Confirm return")
    [created] = await returns_of(ops, pick.customer.id)

    await shopper.click("Something else")
    await shopper.click("Check an order or return")
    await shopper.click(f"Return {created.rma}")

    assert "Show your QR code" in str(shopper.widget)


async def test_another_customers_order_is_refused_and_nothing_changes(
    shopper: Shopper, ops: Operations
) -> None:
    mine = await find_line(ops, ordinary)
    theirs = await find_line(ops, lambda p: ordinary(p) and p.customer.id != mine.customer.id)
    await verify(shopper, mine.customer)
    await shopper.click("Return or exchange items")
    form = shopper.form_with(mine.order.id)

    await shopper.submit(form, {"order_id": theirs.order.id, f"qty:{theirs.line.item_id}": True})

    assert f"I can't find order {theirs.order.id} on your account." in shopper.said
    assert await returns_of(ops, theirs.customer.id) == []
    # The picker is still the active card and still works.
    await shopper.submit(form, {f"qty:{mine.line.item_id}": True})
    assert f"Why are you returning the {mine.line.name}?" in str(shopper.widget)


async def test_a_tampered_price_in_a_click_is_refused(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Defective")
    refund = shopper.button("Refund")["onClickAction"]

    await shopper.send({**refund, "payload": {**refund["payload"], "amount": "9999.00"}})

    assert shopper.notices == ["That choice isn't valid; please use the options shown."]
    # Nothing moved on: the untampered click still answers the same question.
    await shopper.send(refund)
    assert "How would you like to send it back?" in str(shopper.widget)


async def test_a_click_on_an_old_widget_gets_a_notice_and_changes_nothing(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    reason_id, reason_widget = shopper.widget_id, shopper.widget
    await shopper.click("Defective")
    current_id = shopper.widget_id

    old = shopper.button("Wrong item sent", reason_widget)["onClickAction"]
    await shopper.send(old, item_id=reason_id)

    assert shopper.notices == [
        "That card is no longer current, so nothing changed. Please use the latest one below."
    ]
    assert shopper.texts == []
    # The resolution card is still the one that answers.
    shopper.widget_id = current_id
    await shopper.click("Refund")
    assert "How would you like to send it back?" in str(shopper.widget)


async def test_two_clicks_on_confirm_make_one_return(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    await to_summary(shopper, pick)
    confirm, summary_id = shopper.button("Confirm return")["onClickAction"], shopper.widget_id

    await shopper.send(confirm, item_id=summary_id)
    await shopper.send(confirm, item_id=summary_id)

    assert len(await returns_of(ops, pick.customer.id)) == 1
    assert shopper.notices  # the second click was told it came too late


async def test_going_back_asks_the_previous_question_again(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    await to_summary(shopper, pick)

    await shopper.click("Change something")
    assert "How would you like to send it back?" in str(shopper.widget)
    await shopper.click("Drop it off at one of our stores")
    await shopper.click("Confirm return")

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.method is not None
    assert ret.method.value == "STORE_DROP_OFF"


async def test_asking_for_a_person_is_recorded(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    await verify(shopper, pick.customer)

    await shopper.click("Talk to a person")

    async with ops.storage.reading() as repositories:
        handoffs = await repositories.handoffs.listed(
            list(HandoffStatus), newest_first=False, limit=100
        )
    assert [h.customer_id for h in handoffs] == [pick.customer.id]
    assert "Return or exchange items" in shopper.labels()
