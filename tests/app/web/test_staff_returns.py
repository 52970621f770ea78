"""The staff console's returns: a shopper's return reaches the queue, a person decides,
and the shopper's chat shows where it stands."""

from __future__ import annotations

from decimal import Decimal

from returndesk.domain import Outcome
from returndesk.operations.context import Operations
from tests.support.demo import Pick, find_line, ordinary, returns_of
from tests.support.flows import to_summary
from tests.support.shopper import Shopper
from tests.support.staff import StaffConsole

QUEUE = "/staff/api/returns"


def costly(pick: Pick) -> bool:
    """An eligible line expensive enough that its return waits for a person."""
    return (
        pick.eligibility.outcome is Outcome.ELIGIBLE
        and pick.line.price >= Decimal(1000)
        and pick.product.category != "furniture"
        and not pick.product.hygiene_sealed
    )


async def returned_for_review(shopper: Shopper, ops: Operations) -> tuple[Pick, str]:
    pick = await find_line(ops, costly)
    await to_summary(shopper, pick)
    await shopper.click("Confirm return")
    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.status.value == "needs_review"
    return pick, ret.rma


async def test_a_return_in_review_is_approved_received_and_refunded_and_the_shopper_sees_it(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    pick, rma = await returned_for_review(shopper, ops)

    review = (await agent.get(QUEUE, status="needs_review")).json()
    assert rma in [entry["rma"] for entry in review["returns"]]
    assert review["waiting_for_review"] >= 1
    found = (await agent.get(QUEUE, q=pick.customer.email)).json()["returns"]
    assert [entry["rma"] for entry in found] == [rma]
    assert found[0]["customer_name"] == f"{pick.customer.first_name} {pick.customer.last_name}"

    page = (await agent.get(f"{QUEUE}/{rma}")).json()
    assert page["customer"]["email"] == pick.customer.email
    assert page["order"]["order_id"] == pick.order.id
    assert [item["name"] for item in page["items"]] == [pick.line.name]
    assert page["items"][0]["reason_code"] == "DEFECTIVE"
    assert page["moves"] == ["approved", "rejected"]
    kinds = [item["type"] for item in page["transcript"]]
    assert "widget" in kinds
    assert "user_message" in kinds

    approved = await agent.move(rma, "approved")
    assert approved.status_code == 200, approved.text
    moved = approved.json()
    assert moved["status"] == "awaiting_shipment"
    by_staff = [event for event in moved["events"] if event["actor"] == "staff"]
    assert [(e["to"], e["staff_name"]) for e in by_staff] == [("approved", "Sam Lee")]
    assert moved["shipment"] is not None
    assert "has been approved" in (await shopper.reloaded_messages())[-1]

    for status in ("in_transit", "received", "refunded"):
        response = await agent.move(rma, status)
        assert response.status_code == 200, response.text
    done = response.json()
    assert done["status"] == "refunded"
    assert done["moves"] == ["closed"]
    messages = await shopper.reloaded_messages()
    assert "received the items" in messages[-2]
    assert f"is refunded: ${Decimal(done['refund_amount']):,.2f}" in messages[-1]
    assert [entry["detail"]["to"] for entry in done["audit"]] == [
        "refunded",
        "received",
        "in_transit",
        "approved",
    ]
    assert {entry["staff_email"] for entry in done["audit"]} == {"sam@example.com"}


async def test_a_rejection_needs_a_reason_which_the_shopper_is_told(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    _pick, rma = await returned_for_review(shopper, ops)

    without = await agent.move(rma, "rejected", "  ")
    assert without.status_code == 422
    assert "reason" in without.json()["error"]["message"]
    assert (await agent.get(f"{QUEUE}/{rma}")).json()["status"] == "needs_review"

    rejected = await agent.move(rma, "rejected", "The serial number does not match our records.")
    assert rejected.status_code == 200
    assert rejected.json()["moves"] == []
    last = (await shopper.reloaded_messages())[-1]
    assert "was not approved" in last
    assert "The serial number does not match our records." in last


async def test_a_move_the_lifecycle_forbids_is_refused_with_the_reason(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    pick = await find_line(ops, ordinary)
    await to_summary(shopper, pick)
    await shopper.click("Confirm return")
    [ret] = await returns_of(ops, pick.customer.id)
    told = len(await shopper.reloaded_messages())

    refused = await agent.move(ret.rma, "refunded")

    assert refused.status_code == 422
    assert "cannot become refunded" in refused.json()["error"]["message"]
    [unchanged] = await returns_of(ops, pick.customer.id)
    assert unchanged.status is ret.status
    assert len(await shopper.reloaded_messages()) == told


async def test_moves_need_the_sessions_security_token(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    _pick, rma = await returned_for_review(shopper, ops)

    forged = await agent.http.post(f"{QUEUE}/{rma}/moves", json={"to": "approved"})

    assert forged.status_code == 403
    assert (await agent.get(f"{QUEUE}/{rma}")).json()["status"] == "needs_review"
