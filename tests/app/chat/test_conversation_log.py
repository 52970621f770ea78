"""Each applied event is logged with its turn, for the store's analytics: the event, the
step it led to, who the shopper was by then and their yes/no answers; nothing typed."""

from __future__ import annotations

from returndesk.operations.context import Operations
from tests.support.demo import find_line, ordinary
from tests.support.flows import choose_items, verify
from tests.support.shopper import Shopper
from tests.support.stores import LoggedTurn, conversation_log


async def logged(ops: Operations, thread_id: str) -> list[LoggedTurn]:
    return await conversation_log(ops.storage, thread_id)


async def test_a_failed_verification_and_a_declined_offer_are_logged_without_what_was_typed(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(
        ops, lambda p: ordinary(p) and not p.product.hygiene_sealed and p.line.price >= 20
    )
    await shopper.submit(shopper.form_with("email"), {"email": "nobody@example.com"})
    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Not my style")
    await shopper.click("No thanks")

    log = await logged(ops, shopper.thread_id)

    events = [(row.event, row.customer_id) for row in log]
    assert events[:2] == [("verify", None), ("verify", pick.customer.id)]
    steps = [(row.flow, row.step) for row in log]
    assert ("return", "offer") in steps
    [answer] = [row for row in log if row.event == "answer_offer"]
    assert answer.answers == {"accept": False}
    assert "nobody@example.com" not in str([row.answers for row in log])
    assert all(row.at is not None for row in log)
