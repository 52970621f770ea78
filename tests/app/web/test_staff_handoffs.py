"""The hand-off inbox and takeover: a shopper asks for a person, one member of the team
claims it, answers in the shopper's chat, and hands the conversation back or closes it."""

from __future__ import annotations

from typing import Any

from returndesk.operations.context import Operations
from returndesk.web.staff_session import CSRF_HEADER
from tests.support.demo import find_line, ordinary, returns_of
from tests.support.flows import verify
from tests.support.handoffs import ASK, asked_for_a_person
from tests.support.shopper import Shopper, ShopperFactory
from tests.support.staff import StaffConsole


async def the_handoff(agent: StaffConsole, shopper: Shopper) -> dict[str, Any]:
    inbox = await agent.handoffs()
    found: list[dict[str, Any]] = [
        h for h in inbox["handoffs"] if h["thread_id"] == shopper.thread_id
    ]
    assert len(found) == 1, found
    return found[0]


async def items_of(shopper: Shopper) -> list[dict[str, Any]]:
    page = await shopper.client.call(
        {"type": "items.list", "params": {"thread_id": shopper.thread_id, "limit": 100}}
    )
    items: list[dict[str, Any]] = page["data"]
    return items


async def claimed(shopper: Shopper, ops: Operations, agent: StaffConsole) -> int:
    """The shopper asks for a person and `agent` claims it: the hand-off's number."""
    await asked_for_a_person(shopper, ops)
    handoff_id: int = (await the_handoff(agent, shopper))["id"]
    response = await agent.handoff(handoff_id, "claim")
    assert response.status_code == 200, response.text
    return handoff_id


def staff_replies(items: list[dict[str, Any]]) -> list[str]:
    """Each staff reply card as the shopper reads it: the name line, then the words."""
    return [
        " | ".join(
            node["value"]
            for node in _nodes(item["widget"])
            if node.get("type") in ("Caption", "Text")
        )
        for item in items
        if item["type"] == "widget" and item["widget"].get("key") == "staff-reply"
    ]


def _nodes(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [found for child in node for found in _nodes(child)]
    if isinstance(node, dict):
        return [node, *_nodes(node.get("children", []))]
    return []


async def test_a_shoppers_request_for_a_person_waits_in_the_inbox_with_who_and_why(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    customer = await asked_for_a_person(shopper, ops)

    inbox = await agent.handoffs()
    found = await the_handoff(agent, shopper)
    assert found["status"] == "open"
    assert found["customer"]["name"] == f"{customer.first_name} {customer.last_name}"
    assert found["customer"]["email"] == customer.email
    assert found["summary"]
    assert found["claimed_by"] is None
    assert inbox["counts"] == {"open": 1, "claimed": 0}
    assert "someone will answer you in this chat" in str(shopper.widget)


async def test_asking_again_while_waiting_adds_no_second_handoff(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    await asked_for_a_person(shopper, ops)
    await shopper.say(ASK)

    inbox = await agent.handoffs()
    assert [h["thread_id"] for h in inbox["handoffs"]] == [shopper.thread_id]


async def test_a_second_claim_is_refused_and_told_who_has_it(
    shopper: Shopper, ops: Operations, agent: StaffConsole, admin: StaffConsole
) -> None:
    await asked_for_a_person(shopper, ops)
    handoff_id = (await the_handoff(agent, shopper))["id"]

    first = await agent.handoff(handoff_id, "claim")
    second = await admin.handoff(handoff_id, "claim")

    assert first.status_code == 200, first.text
    assert first.json()["handoff"]["claimed_by"]["name"] == "Sam Lee"
    assert second.status_code == 409
    assert "Sam Lee has this hand-off" in second.json()["error"]["message"]
    assert (await the_handoff(agent, shopper))["claimed_by"]["name"] == "Sam Lee"
    # Only the holder writes to the shopper.
    refused = await admin.handoff(handoff_id, "reply", {"text": "Hello from Ana"})
    assert refused.status_code == 409
    assert staff_replies(await items_of(shopper)) == []


async def test_while_a_person_holds_the_thread_the_assistant_stays_silent_and_cards_wait(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    handoff_id = await claimed(shopper, ops, agent)

    await shopper.say("My parcel arrived damaged, the box was crushed")
    assert shopper.texts == []
    await shopper.click("Return or exchange items")
    assert shopper.notices == [
        "Sam Lee from our team is handling this conversation now: write here and they will "
        "answer. The cards work again once they hand the conversation back."
    ]

    page = (await agent.get(f"/staff/api/handoffs/{handoff_id}")).json()
    said = [
        part["text"]
        for item in page["items"]
        if item["type"] == "user_message"
        for part in item["content"]
    ]
    assert said[-1] == "My parcel arrived damaged, the box was crushed"
    messages = await shopper.reloaded_messages()
    assert "Sam Lee from our team has joined the conversation" in messages[-1]


async def test_a_reply_reaches_the_shoppers_thread_marked_with_the_staff_members_name(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    handoff_id = await claimed(shopper, ops, agent)

    replied = await agent.handoff(handoff_id, "reply", {"text": "  I'm sorry! Let me check.  "})

    assert replied.status_code == 200, replied.text
    assert replied.json()["handoff"]["first_reply_at"] is not None
    assert staff_replies(await items_of(shopper)) == [
        "Sam Lee · Store team | I'm sorry! Let me check."
    ]


async def test_an_empty_or_overlong_reply_is_refused_and_nothing_reaches_the_shopper(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    handoff_id = await claimed(shopper, ops, agent)

    bodies = [b'{"text": "   "}', b'{"text": "%s"}' % (b"x" * 4001), b'{"text": 12}', b"[]",
              b'{"text": "\\ud800"}', b'{"text": ', b"\xff"]  # fmt: skip
    for body in bodies:
        response = await agent.http.post(
            f"/staff/api/handoffs/{handoff_id}/reply",
            content=body,
            headers={CSRF_HEADER: agent.csrf_token},
        )
        assert response.status_code == 400, (body, response.text)
    assert staff_replies(await items_of(shopper)) == []


async def test_handed_back_the_assistant_answers_again_from_where_the_flow_stood(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    handoff_id = await claimed(shopper, ops, agent)

    handed = await agent.handoff(handoff_id, "hand-back")

    assert handed.json()["handoff"]["status"] == "handed_back"
    assert "handed the conversation back to me" in (await shopper.reloaded_messages())[-1]
    # The hand-off card drawn before the takeover works again: the flow stood there.
    await shopper.click("Return or exchange items")
    assert shopper.notices == []
    assert shopper.forms(), "the return's order form is shown"
    assert (await agent.handoffs())["counts"] == {"open": 0, "claimed": 0}


async def test_closing_keeps_the_note_lists_it_as_over_and_audits_every_step(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    handoff_id = await claimed(shopper, ops, agent)
    await agent.handoff(handoff_id, "reply", {"text": "Refund sent."})

    closed = await agent.handoff(handoff_id, "close", {"note": "Refunded by hand."})

    assert closed.status_code == 200, closed.text
    assert closed.json()["handoff"]["close_note"] == "Refunded by hand."
    assert (await agent.handoffs())["handoffs"] == []
    [over] = (await agent.handoffs("closed"))["handoffs"]
    assert over["id"] == handoff_id
    assert over["status"] == "closed"
    async with ops.storage.reading() as repositories:
        entries = await repositories.audit.entries(limit=10, subject=f"handoff:{handoff_id}")
    assert [(e.action.value, e.staff_name) for e in reversed(entries)] == [
        ("handoff.claimed", "Sam Lee"),
        ("handoff.replied", "Sam Lee"),
        ("handoff.closed", "Sam Lee"),
    ]
    # Once it is over, nobody holds it: the assistant answers again.
    await shopper.say("thanks")
    assert shopper.texts


async def test_an_unclaimed_handoff_may_be_closed_by_anyone_but_an_over_one_not_claimed(
    shopper: Shopper, ops: Operations, agent: StaffConsole, admin: StaffConsole
) -> None:
    await asked_for_a_person(shopper, ops)
    handoff_id = (await the_handoff(agent, shopper))["id"]

    assert (await admin.handoff(handoff_id, "close", {"note": "Duplicate"})).status_code == 200
    late = await agent.handoff(handoff_id, "claim")
    assert late.status_code == 409
    assert "over" in late.json()["error"]["message"]


async def test_the_inbox_and_its_moves_need_a_staff_session(
    shopper: Shopper, ops: Operations, agent: StaffConsole, new_shopper: ShopperFactory
) -> None:
    await asked_for_a_person(shopper, ops)
    handoff_id = (await the_handoff(agent, shopper))["id"]
    stranger = (await new_shopper()).client.http

    assert (await stranger.get("/staff/api/handoffs")).status_code == 403
    assert (await stranger.get(f"/staff/api/handoffs/{handoff_id}")).status_code == 403
    assert (await stranger.post(f"/staff/api/handoffs/{handoff_id}/claim")).status_code == 403
    assert (await stranger.get("/staff/api/live")).status_code == 403
    # Signed in, a change still needs the session's CSRF token.
    assert (await agent.http.post(f"/staff/api/handoffs/{handoff_id}/claim")).status_code == 403
    assert (await agent.get("/staff/api/handoffs/999999")).status_code == 404
    assert (await agent.get("/staff/api/handoffs", view="everything")).status_code == 400


def metric(text: str, name: str) -> float:
    """One sample's value in the Prometheus exposition, 0 when it is not there yet."""
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[-1])
    return 0.0


async def test_metrics_count_handoffs_and_the_time_to_a_first_reply(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    names = [
        'returndesk_handoffs_total{event="opened"}',
        'returndesk_handoffs_total{event="claimed"}',
        'returndesk_handoffs_total{event="closed"}',
        "returndesk_handoff_first_reply_seconds_count",
    ]
    before = (await agent.http.get("/metrics")).text
    handoff_id = await claimed(shopper, ops, agent)
    await agent.handoff(handoff_id, "reply", {"text": "One"})
    await agent.handoff(handoff_id, "reply", {"text": "Two"})
    await agent.handoff(handoff_id, "close", {"note": None})

    after = (await agent.http.get("/metrics")).text
    assert [metric(after, name) - metric(before, name) for name in names] == [1, 1, 1, 1]


async def test_a_return_started_by_the_team_is_confirmed_by_the_shopper_by_clicking(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    pick = await find_line(ops, ordinary)
    await verify(shopper, pick.customer)
    await shopper.say(ASK)
    handoff_id = (await the_handoff(agent, shopper))["id"]
    await agent.handoff(handoff_id, "claim")

    started = await agent.handoff(
        handoff_id, "start", {"request": "return", "order_id": pick.order.id}
    )

    assert started.status_code == 200, started.text
    assert started.json()["handoff"]["status"] == "handed_back"
    assert await returns_of(ops, pick.customer.id) == []
    messages = await shopper.reloaded_messages()
    assert f"Sam Lee started a return of order {pick.order.id} for you" in messages[-1]
    await shopper.catch_up()
    item = f"qty:{pick.line.item_id}"
    await shopper.submit(shopper.form_with(item), {item: True})
    await shopper.click("Defective")
    await shopper.click("Refund")
    await shopper.click("Print a prepaid label")
    await shopper.click("Confirm return")
    [made] = await returns_of(ops, pick.customer.id)
    assert made.order_id == pick.order.id


async def test_the_team_cannot_start_what_the_shopper_could_not(
    shopper: Shopper, ops: Operations, agent: StaffConsole
) -> None:
    await asked_for_a_person(shopper, ops)
    handoff_id = (await the_handoff(agent, shopper))["id"]
    unclaimed = await agent.handoff(
        handoff_id, "start", {"request": "return", "order_id": "#W0000000"}
    )
    assert unclaimed.status_code == 409
    await agent.handoff(handoff_id, "claim")

    unknown = await agent.handoff(
        handoff_id, "start", {"request": "return", "order_id": "#W0000000"}
    )
    odd = await agent.handoff(handoff_id, "start", {"request": "refund", "order_id": "#W1"})

    assert unknown.status_code == 422, unknown.text
    assert odd.status_code == 400
    # Refused, it is still the holder's, and nothing reached the shopper.
    assert (await the_handoff(agent, shopper))["status"] == "claimed"


async def test_odd_handoff_numbers_and_resume_ids_are_refused_cleanly(
    agent: StaffConsole,
) -> None:
    for odd in ("99999999999999999999999", "9" * 5000, "-1", "1.5", "%00", "０"):
        response = await agent.get(f"/staff/api/handoffs/{odd}")
        assert response.status_code in (400, 404), (odd, response.text)
        claimed = await agent.handoff(odd, "claim")  # type: ignore[arg-type]
        assert claimed.status_code in (400, 404), (odd, claimed.text)
    for resume in ("x", "-1", "9" * 40):
        response = await agent.http.get("/staff/api/live", headers={"Last-Event-ID": resume})
        assert response.status_code == 400, resume
