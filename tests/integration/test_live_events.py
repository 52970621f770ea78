"""Live events across real server processes sharing one database: the team hears of a new
hand-off, and the shopper of the team's replies, whichever process each is connected to;
a shopper hears only of their own thread; a browser that reconnects catches up."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
import pytest

from returndesk.domain.staff import StaffRole
from returndesk.operations.context import Operations
from returndesk.store.sql.storage import SqlStorage
from tests.support.chatkit_client import ChatKitClient
from tests.support.demo import demo_operations
from tests.support.handoffs import asked_for_a_person
from tests.support.live_events import Heard, LiveListener
from tests.support.servers import Server, serving
from tests.support.shopper import Shopper
from tests.support.staff import StaffConsole, signed_in_staff


@pytest.fixture
def two_servers(demo_database_url: str, tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    """Two processes on one database: PostgreSQL, or one SQLite file on this machine."""
    with (
        serving(demo_database_url, tmp_path, "a") as a,
        serving(demo_database_url, tmp_path, "b") as b,
    ):
        yield a, b


@pytest.fixture
async def ops(demo_database_url: str) -> AsyncIterator[Operations]:
    storage = SqlStorage(demo_database_url)
    yield demo_operations(storage)
    await storage.close()


def client(server: Server) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=server.base_url, timeout=30)


def live_path(shopper: Shopper) -> str:
    return f"/chatkit/live?thread_id={shopper.thread_id}"


async def staff_on(server: Server, ops: Operations) -> StaffConsole:
    return await signed_in_staff(
        ops, client(server), role=StaffRole.AGENT, email="sam@example.com", name="Sam Lee"
    )


def is_reply(text: str) -> Callable[[Heard], bool]:
    def matches(heard: Heard) -> bool:
        return heard.kind == "item" and text in str(heard.data["item"])

    return matches


def handed_back(heard: Heard) -> bool:
    # Not the first event, which has no id: the change, which has one.
    return heard.kind == "person" and heard.data["name"] is None and heard.id is not None


@pytest.fixture
async def apart(
    two_servers: tuple[Server, Server], ops: Operations
) -> AsyncIterator[tuple[Shopper, StaffConsole]]:
    """A shopper talking to process a, and a member of the team signed in on process b."""
    a, b = two_servers
    shopper = Shopper(ChatKitClient(client(a)))
    await shopper.start()
    agent = await staff_on(b, ops)
    yield shopper, agent
    await agent.http.aclose()
    await shopper.client.http.aclose()


async def test_a_handoff_and_the_teams_replies_cross_from_one_process_to_the_other(
    apart: tuple[Shopper, StaffConsole], ops: Operations
) -> None:
    shopper, agent = apart

    async with LiveListener(agent.http, "/staff/api/live") as team:
        await asked_for_a_person(shopper, ops)
        opened = await team.wait_for(lambda heard: heard.kind == "handoff")
        assert opened.data["thread_id"] == shopper.thread_id
        assert opened.data["status"] == "open"
        handoff_id = opened.data["id"]

        async with LiveListener(shopper.client.http, live_path(shopper)) as chat:
            first = await chat.wait_for(lambda heard: heard.kind == "person")
            assert first.data == {"name": None}
            assert (await agent.handoff(handoff_id, "claim")).status_code == 200
            await chat.wait_for(lambda heard: heard.data == {"name": "Sam Lee"})
            await agent.handoff(handoff_id, "reply", {"text": "Hello, I'm on it."})
            await chat.wait_for(is_reply("Hello, I'm on it."))

            # The shopper's answer, typed on process a, reaches the team on process b.
            await shopper.say("Thank you, the order number is on the invoice")
            await team.wait_for(is_reply("the order number is on the invoice"))
            assert shopper.texts == []

            await agent.handoff(handoff_id, "hand-back")
            await chat.wait_for(handed_back)


async def test_a_reconnecting_shopper_receives_the_replies_missed_meanwhile(
    apart: tuple[Shopper, StaffConsole], ops: Operations
) -> None:
    shopper, agent = apart
    await asked_for_a_person(shopper, ops)
    handoff_id = (await agent.handoffs())["handoffs"][0]["id"]
    await agent.handoff(handoff_id, "claim")

    async with LiveListener(shopper.client.http, live_path(shopper)) as chat:
        await agent.handoff(handoff_id, "reply", {"text": "First answer"})
        await chat.wait_for(is_reply("First answer"))
    # Away: the connection dropped.
    await agent.handoff(handoff_id, "reply", {"text": "Second answer"})
    await agent.handoff(handoff_id, "reply", {"text": "Third answer"})

    async with LiveListener(
        shopper.client.http, live_path(shopper), last_id=chat.last_id
    ) as resumed:
        await resumed.wait_for(is_reply("Third answer"))
        replies = [
            answer
            for item in resumed.items()
            for answer in ("First answer", "Second answer", "Third answer")
            if answer in str(item)
        ]
    # The missed ones, in order; the last seen may come again (it is recent, and a reply
    # committed late below it would come with it): the chat shows each item once by id.
    assert replies[-2:] == ["Second answer", "Third answer"]
    assert replies.count("Second answer") == 1


async def test_nobody_can_listen_to_another_shoppers_thread(
    two_servers: tuple[Server, Server], ops: Operations
) -> None:
    a, _ = two_servers
    owner = Shopper(ChatKitClient(client(a)))
    await owner.start()
    other = Shopper(ChatKitClient(client(a)))
    await other.start()

    async with client(a) as stranger:
        for http in (other.client.http, stranger):
            response = await http.get(live_path(owner))
            assert response.status_code == 404
    mine = await other.client.http.get("/chatkit/live?thread_id=thr_doesnotexist")
    assert mine.status_code == 404
    garbled = await other.client.http.get(
        live_path(other), headers={"Last-Event-ID": "12; DROP TABLE"}
    )
    assert garbled.status_code == 400
    await owner.client.http.aclose()
    await other.client.http.aclose()
