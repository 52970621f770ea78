"""A server killed outright (SIGKILL) loses nothing: the conversation goes on where it was,
and a return is either written whole or not at all."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from returndesk.domain import load_policy
from returndesk.operations.context import Operations
from tests.support.chatkit_client import ChatKitClient
from tests.support.demo import find_line, ordinary, returns_of
from tests.support.flows import choose_items, to_summary, verify
from tests.support.servers import Server, run_cli
from tests.support.shopper import Shopper
from tests.support.stores import open_test_storage


@pytest.fixture(params=["sqlite", pytest.param("cosmos_store", marks=pytest.mark.cosmos)])
def store_url(request: pytest.FixtureRequest) -> str:
    url: str = request.getfixturevalue(f"{request.param}_url")
    run_cli(url, "seed", "demo", "--no-history")
    return url


@pytest.fixture
async def ops(store_url: str) -> AsyncIterator[Operations]:
    storage = open_test_storage(store_url)
    yield Operations(storage, load_policy())
    await storage.close()


def reconnect(shopper: Shopper, server: Server) -> None:
    old = shopper.client.http
    shopper.client = ChatKitClient(
        httpx.AsyncClient(base_url=server.base_url, cookies=old.cookies, timeout=30)
    )


async def test_after_a_kill_the_conversation_continues_at_the_same_step(
    store_url: str, tmp_path: Path, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    server = Server(store_url, tmp_path)
    server.start()
    shopper = Shopper(ChatKitClient(httpx.AsyncClient(base_url=server.base_url, timeout=30)))
    try:
        await shopper.start()
        await verify(shopper, pick.customer)
        await choose_items(shopper, pick)
        await shopper.click("Defective")
        await shopper.click("Refund")
        assert "How would you like to send it back?" in str(shopper.widget)

        server.kill()
        server.start()
        await shopper.client.http.aclose()
        reconnect(shopper, server)

        await shopper.click("QR code")
        await shopper.click("Confirm return")
    finally:
        await shopper.client.http.aclose()
        server.stop()

    assert len(await returns_of(ops, pick.customer.id)) == 1


async def whole_returns(ops: Operations) -> list[tuple[int, int]]:
    """For each return: how many lines and history events it has."""
    async with ops.storage.reading() as repositories:
        every = await repositories.returns.newest_first()
    return [(len(ret.lines), len(ret.events)) for ret in every]


@pytest.mark.parametrize("delay", [0.0, 0.01, 0.03])
async def test_a_kill_during_confirm_never_leaves_half_a_return(
    store_url: str, tmp_path: Path, ops: Operations, delay: float
) -> None:
    pick = await find_line(ops, ordinary)
    server = Server(store_url, tmp_path)
    server.start()
    shopper = Shopper(ChatKitClient(httpx.AsyncClient(base_url=server.base_url, timeout=30)))
    try:
        await shopper.start()
        await to_summary(shopper, pick)
        summary_id, summary = shopper.widget_id, shopper.widget
        confirm = shopper.button("Confirm return")["onClickAction"]

        pending = asyncio.ensure_future(shopper.send(confirm, expect_ok=False))
        await asyncio.sleep(delay)
        server.kill()
        with contextlib.suppress(httpx.HTTPError):  # the connection died with the server
            await pending

        made = await whole_returns(ops)
        assert len(made) <= 1
        assert all(lines == 1 and events >= 3 for lines, events in made)

        server.start()
        await shopper.client.http.aclose()
        reconnect(shopper, server)
        if not made:
            # Nothing was written, so the summary still confirms.
            shopper.widget_id, shopper.widget = summary_id, summary
            await shopper.click("Confirm return")
    finally:
        await shopper.client.http.aclose()
        server.stop()

    assert [(lines, events >= 3) for lines, events in await whole_returns(ops)] == [(1, True)]
