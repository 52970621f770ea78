"""Several real server processes on one PostgreSQL or Cosmos DB database need no sticky
sessions."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import httpx
import pytest

from returndesk.domain import OrderStatus, load_policy
from returndesk.operations.context import Operations
from tests.support.chatkit_client import ChatKitClient
from tests.support.demo import Pick, find_line, find_order, ordinary, returns_of
from tests.support.flows import choose_items, to_summary, verify
from tests.support.servers import Server, run_cli, serving
from tests.support.shopper import Shopper
from tests.support.stores import open_test_storage


@pytest.fixture(
    params=[
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param("cosmos_store", marks=pytest.mark.cosmos),
    ]
)
def store_url(request: pytest.FixtureRequest) -> str:
    """An empty database loaded with the demo store now, as `make run` does."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    run_cli(url, "seed", "demo", "--no-history")
    return url


@pytest.fixture
def two_servers(store_url: str, tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    with serving(store_url, tmp_path, "a") as a, serving(store_url, tmp_path, "b") as b:
        yield a, b


@pytest.fixture
async def ops(store_url: str) -> AsyncIterator[Operations]:
    storage = open_test_storage(store_url)
    yield Operations(storage, load_policy())
    await storage.close()


def on(server: Server, cookies: httpx.Cookies) -> ChatKitClient:
    http = httpx.AsyncClient(base_url=server.base_url, cookies=cookies, timeout=30)
    return ChatKitClient(http)


async def test_a_conversation_alternating_between_two_processes_completes(
    two_servers: tuple[Server, Server], ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    a, b = two_servers
    first = on(a, httpx.Cookies())
    shopper = Shopper(first)
    await shopper.start()
    clients = [on(b, first.http.cookies), on(a, first.http.cookies)]
    steps: list[Callable[[], Awaitable[None]]] = [
        lambda: verify(shopper, pick.customer),
        lambda: choose_items(shopper, pick),
        lambda: shopper.click("Defective"),
        lambda: shopper.click("Refund"),
        lambda: shopper.click("Print a prepaid label"),
        lambda: shopper.click("Confirm return"),
    ]
    for n, step in enumerate(steps):
        shopper.client = clients[n % 2]
        await step()
    for client in (first, *clients):
        await client.http.aclose()

    [ret] = await returns_of(ops, pick.customer.id)
    assert ret.thread_id == shopper.thread_id


async def test_an_address_change_alternating_between_two_processes_writes_once(
    two_servers: tuple[Server, Server], ops: Operations
) -> None:
    order = await find_order(ops, lambda o, c: o.status is OrderStatus.PENDING)
    async with ops.storage.reading() as repositories:
        customer = await repositories.customers.get(order.customer_id)
    a, b = two_servers
    first = on(a, httpx.Cookies())
    shopper = Shopper(first)
    await shopper.start()
    clients = [on(b, first.http.cookies), on(a, first.http.cookies)]
    oak_street = {
        "address1": "12 Oak St",
        "address2": "",
        "city": "Austin",
        "state": "TX",
        "zip": "78701",
        "country": "USA",
    }
    steps: list[Callable[[], Awaitable[None]]] = [
        lambda: verify(shopper, customer),
        lambda: shopper.click("Change a delivery address"),
        lambda: shopper.click(f"Change {order.id}"),
        lambda: shopper.submit(shopper.form_with("Street address"), oak_street),
        lambda: shopper.click("Change the address"),
    ]
    for n, step in enumerate(steps):
        shopper.client = clients[n % 2]
        await step()
    for client in (first, *clients):
        await client.http.aclose()

    async with ops.storage.reading() as repositories:
        changed = await repositories.orders.get(order.id)
    assert changed.address is not None
    assert changed.address.one_line() == "12 Oak St, Austin, TX 78701, USA"
    assert changed.status is OrderStatus.PENDING


async def at_summary(server: Server, pick: Pick) -> Shopper:
    shopper = Shopper(on(server, httpx.Cookies()))
    await shopper.start()
    await to_summary(shopper, pick, "QR code")
    return shopper


async def test_twenty_concurrent_confirms_over_two_processes_make_one_return(
    two_servers: tuple[Server, Server], ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    a, b = two_servers
    shopper = await at_summary(a, pick)
    confirm = shopper.button("Confirm return")["onClickAction"]
    body = {
        "type": "threads.custom_action",
        "params": {"thread_id": shopper.thread_id, "item_id": shopper.widget_id, "action": confirm},
    }
    clients = [on(server, shopper.client.http.cookies) for server in (a, b)]

    responses = await asyncio.gather(*(clients[n % 2].post(body) for n in range(20)))
    for client in (*clients, shopper.client):
        await client.http.aclose()

    assert {response.status_code for response in responses} == {200}
    assert len(await returns_of(ops, pick.customer.id)) == 1
    # The thread's turns queued one behind another: the first confirmed, and every
    # later one found the summary already answered instead of racing it.
    stale = [r for r in responses if "no longer current" in r.text]
    assert len(stale) == 19
