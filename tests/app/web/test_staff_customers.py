"""Customers in the staff console: found by what staff know, with all they did; lock-outs
that an admin may lift."""

from __future__ import annotations

from returndesk.domain.audit import AuditAction
from returndesk.operations.context import Operations
from tests.support.demo import find_line, ordinary, returns_of
from tests.support.flows import to_summary, verify
from tests.support.shopper import Shopper
from tests.support.staff import StaffConsole


async def test_a_customer_is_found_and_shows_orders_returns_and_conversations(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    pick = await find_line(ops, ordinary)
    await to_summary(shopper, pick)
    await shopper.click("Confirm return")
    [ret] = await returns_of(ops, pick.customer.id)
    customer = pick.customer

    for query in (
        customer.email.upper(),
        f"{customer.first_name} {customer.last_name}",
        pick.order.id.lstrip("#"),
        ret.rma,
        customer.id,
    ):
        found = (await agent.get("/staff/api/customers", q=query)).json()["customers"]
        assert customer.id in [c["customer_id"] for c in found], query

    page = (await agent.get(f"/staff/api/customers/{customer.id}")).json()
    assert page["email"] == customer.email
    assert pick.order.id in [order["order_id"] for order in page["orders"]]
    assert [r["rma"] for r in page["returns"]] == [ret.rma]
    [conversation] = page["conversations"]
    assert conversation["thread_id"] == shopper.thread_id
    assert page["lockouts"] == []

    shown = (await agent.get(f"/staff/api/conversations/{shopper.thread_id}")).json()
    said = [item for item in shown["transcript"] if item["type"] == "user_message"]
    assert said[0]["content"][0]["text"] == "hi"
    missing = await agent.get("/staff/api/conversations/thr_missing")
    assert missing.status_code == 404
    assert (await agent.get("/staff/api/customers/nobody_1234")).status_code == 404
    assert (await agent.get("/staff/api/customers", q="   ")).json()["customers"] == []


async def test_an_admin_lifts_a_verification_lockout_and_the_shopper_may_try_again(
    shopper: Shopper, ops: Operations, agent: StaffConsole, admin: StaffConsole
) -> None:
    for _ in range(5):
        await shopper.submit(shopper.form_with("email"), {"email": "nobody@example.com"})
    await shopper.say("my email is nobody@example.com")
    assert "too many attempts" in shopper.said
    [lockout] = [
        lock
        for lock in (await agent.get("/staff/api/lockouts")).json()["lockouts"]
        if lock["kind"] == "owner"
    ]

    refused = await agent.post("/staff/api/lockouts/lift", {"key": lockout["key"]})
    assert refused.status_code == 403
    lifted = await admin.post("/staff/api/lockouts/lift", {"key": lockout["key"]})
    assert lifted.status_code == 200
    again = await admin.post("/staff/api/lockouts/lift", {"key": lockout["key"]})
    assert again.status_code == 404

    pick = await find_line(ops, ordinary)
    await shopper.say("menu")
    await verify(shopper, pick.customer)
    async with ops.storage.reading() as repositories:
        [entry] = await repositories.audit.entries(limit=5, subject=lockout["key"])
    assert entry.action is AuditAction.LOCKOUT_LIFTED
    assert entry.staff_email == "ana@example.com"
