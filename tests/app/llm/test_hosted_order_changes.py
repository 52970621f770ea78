"""Order changes and several requests through a hosted model: the tools generated from the
use cases' events carry them out, as clicks and the offline model do."""

from __future__ import annotations

import pytest

from returndesk.domain import OrderStatus
from returndesk.operations.context import Operations
from tests.support.demo import find_order
from tests.support.fake_openai import FakeModelServer, Text, ToolCall
from tests.support.shopper import Shopper


@pytest.mark.parametrize("hybrid", [False], ids=["every-turn-to-the-model"])
async def test_an_address_change_then_the_queued_request_starts(
    shopper: Shopper, fake: FakeModelServer, ops: Operations, hybrid: bool
) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    fake.answer(ToolCall("verify", {"email": customer.email}), Text("You're verified."))
    await shopper.say(f"it's {customer.email}")

    fake.answer(
        ToolCall(
            "start_address_change",
            {
                "order_id": order.id,
                "address1": "12 Oak St",
                "city": "Austin",
                "state": "TX",
                "zip": "78701",
            },
        ),
        ToolCall("queue_requests", {"requests": ["start_payment_change"]}),
        Text("First the address change, then the payment change. Shall I change the address?"),
    )
    await shopper.say(f"ship {order.id} to 12 Oak St, Austin TX 78701, and then pay it by card")
    assert "Change the address" in shopper.labels()
    tools = {tool["function"]["name"] for tool in fake.requests[-1].body["tools"]}
    assert {"start_item_change", "start_address_change", "ask_product", "queue_requests"} <= tools

    fake.answer(ToolCall("confirm", {}), Text("Done. Now the payment change."))
    await shopper.say("yes")

    async with ops.storage.reading() as repositories:
        changed = await repositories.orders.get(order.id)
    assert changed.address is not None
    assert changed.address.one_line() == "12 Oak St, Austin, TX 78701, USA"
    # The queued request started by itself, with no new verification.
    assert "Which order should be paid another way?" in str(shopper.widget)


@pytest.mark.parametrize("hybrid", [False], ids=["every-turn-to-the-model"])
async def test_a_tool_asking_for_another_product_is_refused_with_why(
    shopper: Shopper, fake: FakeModelServer, hybrid: bool
) -> None:
    fake.answer(
        ToolCall("ask_product", {"product": "flux capacitor", "topic": "stock"}),
        Text("Sorry, we don't sell that."),
    )

    await shopper.say("do you sell flux capacitors?")

    tool_result = fake.requests[-1].body["messages"][-1]["content"]
    assert "I could not find that product." in tool_result
