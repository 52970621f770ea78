"""Nothing lives in one process: a conversation survives restarts and moves between servers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
import pytest

from returndesk.operations.context import Operations
from tests.conftest import DEMO_NOW
from tests.support.app import http_client, running_app, settings_for
from tests.support.chatkit_client import ChatKitClient
from tests.support.demo import demo_operations, find_line, ordinary, returns_of
from tests.support.flows import choose_items, verify
from tests.support.shopper import Shopper
from tests.support.stores import open_test_storage


def moved_to(shopper: Shopper, http: httpx.AsyncClient, previous: httpx.AsyncClient) -> None:
    """The same browser (its cookie) now talking to another server."""
    http.cookies.update(previous.cookies)
    shopper.client = ChatKitClient(http)


async def test_a_conversation_continues_after_the_app_restarts(demo_database_url: str) -> None:
    settings = settings_for(demo_database_url)
    storage = open_test_storage(demo_database_url)
    ops: Operations = demo_operations(storage)
    pick = await find_line(ops, ordinary)

    async with running_app(settings, clock=lambda: DEMO_NOW) as first, http_client(first) as http:
        shopper = Shopper(ChatKitClient(http))
        await shopper.start()
        await verify(shopper, pick.customer)
        await choose_items(shopper, pick)
        first_cookies = http.cookies

    async with running_app(settings, clock=lambda: DEMO_NOW) as second, http_client(second) as http:
        http.cookies.update(first_cookies)
        shopper.client = ChatKitClient(http)
        await shopper.click("Defective")
        await shopper.click("Refund")
        await shopper.click("Print a prepaid label")
        await shopper.click("Confirm return")

    assert len(await returns_of(ops, pick.customer.id)) == 1
    await storage.close()


@pytest.fixture(
    params=[
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param("cosmos", marks=pytest.mark.cosmos),
    ]
)
def shared_store_url(request: pytest.FixtureRequest) -> str:
    """The demo store on a database several servers can share."""
    url: str = request.getfixturevalue(f"demo_{request.param}_url")
    return url


async def test_a_conversation_alternates_between_two_servers_on_one_database(
    shared_store_url: str,
) -> None:
    settings = settings_for(shared_store_url)
    storage = open_test_storage(shared_store_url)
    ops = demo_operations(storage)
    pick = await find_line(ops, ordinary)

    async with (
        running_app(settings, clock=lambda: DEMO_NOW) as app_a,
        running_app(settings, clock=lambda: DEMO_NOW) as app_b,
        http_client(app_a) as http_a,
        http_client(app_b) as http_b,
    ):
        shopper = Shopper(ChatKitClient(http_a))
        await shopper.start()
        servers = [http_b, http_a]
        steps: list[Callable[[], Awaitable[None]]] = [
            lambda: verify(shopper, pick.customer),
            lambda: choose_items(shopper, pick),
            lambda: shopper.click("Defective"),
            lambda: shopper.click("Refund"),
            lambda: shopper.click("Print a prepaid label"),
            lambda: shopper.click("Confirm return"),
        ]
        current = http_a
        for n, step in enumerate(steps):
            nxt = servers[n % 2]
            moved_to(shopper, nxt, current)
            current = nxt
            await step()

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.thread_id == shopper.thread_id
    await storage.close()
