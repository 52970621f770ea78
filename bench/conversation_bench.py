"""Server time of conversation turns on SQLite and on the Cosmos DB test server, side by
side: typed turns with the offline model, and clicks; on Cosmos DB also the request units
each turn would cost (computed, see `bench.request_units`).

The app runs in this process and is called through its ASGI interface, so
the figures are the server's own time for a whole request, stream included.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from tests.support.cosmos_server import CosmosServer, cosmos_server
from tests.support.stores import cosmos_url, open_test_storage, storage_options

from bench.measure import Latencies, Results
from bench.request_units import total_request_units
from returndesk.domain import OrderStatus, load_policy
from returndesk.operations.context import Operations, utc_now
from returndesk.operations.queries import orders_with_eligibility
from returndesk.settings import Settings
from returndesk.store.seed_format import demo_data_dir, read_seed_data
from returndesk.web.app import create_app

SHOPPERS = 60


@dataclass(frozen=True)
class Story:
    email: str
    order_id: str
    item_id: str
    name: str


def _user_input(text: str) -> dict[str, Any]:
    return {
        "content": [{"type": "input_text", "text": text}],
        "attachments": [],
        "inference_options": {},
    }


class Client:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.thread_id = ""
        self.widget_id = ""
        self.widget: dict[str, Any] = {}

    async def post(self, body: dict[str, Any]) -> float:
        started = time.perf_counter()
        response = await self.http.post("/chatkit", content=json.dumps(body))
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.text
        for block in response.text.split("\n\n"):
            if not block.startswith("data: "):
                continue
            event = json.loads(block[6:])
            if event["type"] == "thread.created":
                self.thread_id = event["thread"]["id"]
            if event["type"] == "thread.item.done" and event["item"]["type"] == "widget":
                self.widget_id, self.widget = event["item"]["id"], event["item"]["widget"]
        return elapsed

    async def start(self) -> None:
        await self.post({"type": "threads.create", "params": {"input": _user_input("hi")}})

    async def say(self, text: str) -> float:
        return await self.post(
            {
                "type": "threads.add_user_message",
                "params": {"thread_id": self.thread_id, "input": _user_input(text)},
            }
        )

    async def act(self, action: dict[str, Any]) -> float:
        return await self.post(
            {
                "type": "threads.custom_action",
                "params": {
                    "thread_id": self.thread_id,
                    "item_id": self.widget_id,
                    "action": action,
                },
            }
        )

    def find(self, kind: str, text: str) -> dict[str, Any]:
        stack: list[Any] = [self.widget]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                if node.get("type") == kind and text in json.dumps(node):
                    return node
                stack.extend(node.get("children", []))
        raise AssertionError(f"no {kind} with {text!r}")

    async def click(self, label: str) -> float:
        return await self.act(self.find("Button", label)["onClickAction"])

    async def submit(self, text: str, values: dict[str, Any]) -> float:
        action = self.find("Form", text)["onSubmitAction"]
        return await self.act({**action, "payload": {**action["payload"], **values}})


async def _stories(ops: Operations) -> list[Story]:
    """Shoppers with an item that can be refunded by the plainest path."""
    orders = read_seed_data(demo_data_dir()).orders.values()
    customer_ids = sorted(
        {order.user_id for order in orders if order.status is OrderStatus.DELIVERED}
    )
    stories = []
    for customer_id in customer_ids:
        found = await orders_with_eligibility(ops, customer_id)
        names = [line.name for entry in found.orders for line in entry.order.lines]
        for entry in found.orders:
            for line, verdict in zip(entry.order.lines, entry.lines, strict=True):
                product = found.catalog.product(line.product_id)
                plain = (
                    verdict.eligible
                    and 40 < line.price < 1000
                    and product.category != "furniture"
                    and names.count(line.name) == 1
                )
                if plain:
                    stories.append(
                        Story(found.customer.email, entry.order.id, line.item_id, line.name)
                    )
                    break
            else:
                continue
            break
        if len(stories) == SHOPPERS:
            break
    return stories


@dataclass
class Turns:
    typed: list[float]
    clicks: list[float]
    typed_units: list[float]
    click_units: list[float]


async def run(results: Results, workdir: Path) -> None:
    sqlite = await _turns(f"sqlite+aiosqlite:///{workdir / 'conversation.db'}", None)
    with cosmos_server(workdir) as server:
        cosmos = await _turns(cosmos_url(server.endpoint, "conversation-bench"), server)
    for name, turns in (("SQLite", sqlite), ("Cosmos DB test server", cosmos)):
        typed, clicks = Latencies(tuple(turns.typed)), Latencies(tuple(turns.clicks))
        target = "<= 30 ms" if name == "SQLite" else ""
        results.add(
            "conversation",
            f"{name}: typed turn p50 ({len(turns.typed)} turns, offline model)",
            typed.p50,
            "ms",
            target,
        )
        results.add("conversation", f"{name}: typed turn p99", typed.p99, "ms")
        results.add(
            "conversation",
            f"{name}: click round trip p50 ({len(turns.clicks)} clicks)",
            clicks.p50,
            "ms",
        )
        results.add(
            "conversation",
            f"{name}: click round trip p99",
            clicks.p99,
            "ms",
            "<= 15 ms" if name == "SQLite" else "",
        )
    for kind, units in (("click", cosmos.click_units), ("typed turn", cosmos.typed_units)):
        measured = Latencies(tuple(units))
        results.add(
            "conversation",
            f"Cosmos DB: RU per {kind}, mean (computed)",
            sum(units) / len(units),
            "RU",
        )
        results.add("conversation", f"Cosmos DB: RU per {kind}, p99 (computed)", measured.p99, "RU")


async def _turns(url: str, server: CosmosServer | None) -> Turns:
    """Half the stories typed and half clicked, on the store at `url`."""
    storage = open_test_storage(url)
    await storage.upgrade()
    await storage.seed(demo_data_dir(), now=utc_now())
    stories = await _stories(Operations(storage, load_policy()))
    await storage.close()

    settings = Settings(
        _env_file=None, environment="test", secret_key="bench-secret", **storage_options(url)
    )
    app = create_app(settings)
    turns = Turns([], [], [], [])

    def charged(units: list[float]) -> None:
        if server is not None:
            units.append(total_request_units(server.requests()))
            server.clear_requests()

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        # Each shopper's item can be returned once, so half type and half click.
        for story in stories[::2]:
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
                shopper = Client(http)
                await shopper.start()
                if server is not None:
                    server.clear_requests()
                for text in (
                    f"hi, my email is {story.email}",
                    f"return the {story.name} from order {story.order_id}",
                    "it stopped working",
                    "refund please",
                    "I don't have a printer",
                    "yes",
                ):
                    turns.typed.append(await shopper.say(text))
                    charged(turns.typed_units)
        for story in stories[1::2]:
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
                shopper = Client(http)
                await shopper.start()
                if server is not None:
                    server.clear_requests()
                turns.clicks.append(await shopper.submit("email", {"email": story.email}))
                charged(turns.click_units)
                turns.clicks.append(await shopper.click("Return or exchange items"))
                charged(turns.click_units)
                turns.clicks.append(
                    await shopper.submit(story.order_id, {f"qty:{story.item_id}": True})
                )
                charged(turns.click_units)
                for label in (
                    "Defective",
                    "Refund",
                    "Print a prepaid label",
                    "Change something",
                    "QR code",
                ):
                    turns.clicks.append(await shopper.click(label))
                    charged(turns.click_units)
    return turns
