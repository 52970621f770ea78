"""Server time of conversation turns on SQLite: typed turns with the offline model, and clicks.

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
from sqlalchemy import select
from tests.support.sql_store import sql_session

from bench.measure import Latencies, Results
from returndesk.domain import OrderStatus, load_policy
from returndesk.operations.context import Operations, utc_now
from returndesk.operations.queries import orders_with_eligibility
from returndesk.settings import Settings
from returndesk.store.seed_format import demo_data_dir
from returndesk.store.sql.migrate import upgrade_async
from returndesk.store.sql.storage import SqlStorage
from returndesk.store.sql.tables import OrderRow
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
    async with ops.storage.reading() as repositories:
        session = sql_session(repositories)
        customer_ids = (
            await session.scalars(
                select(OrderRow.customer_id)
                .where(OrderRow.status == OrderStatus.DELIVERED.value)
                .distinct()
                .order_by(OrderRow.customer_id)
            )
        ).all()
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


async def run(results: Results, workdir: Path) -> None:
    url = f"sqlite+aiosqlite:///{workdir / 'conversation.db'}"
    await upgrade_async(url)
    storage = SqlStorage(url)
    await storage.seed(demo_data_dir(), now=utc_now())
    stories = await _stories(Operations(storage, load_policy()))
    await storage.close()

    settings = Settings(
        _env_file=None, environment="test", database_url=url, secret_key="bench-secret"
    )
    app = create_app(settings)
    typed: list[float] = []
    clicks: list[float] = []
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        # Each shopper's item can be returned once, so half type and half click.
        for story in stories[::2]:
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
                shopper = Client(http)
                await shopper.start()
                typed.append(await shopper.say(f"hi, my email is {story.email}"))
                typed.append(
                    await shopper.say(f"return the {story.name} from order {story.order_id}")
                )
                typed.append(await shopper.say("it stopped working"))
                typed.append(await shopper.say("refund please"))
                typed.append(await shopper.say("I don't have a printer"))
                typed.append(await shopper.say("yes"))
        for story in stories[1::2]:
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
                shopper = Client(http)
                await shopper.start()
                clicks.append(await shopper.submit("email", {"email": story.email}))
                clicks.append(await shopper.click("Return or exchange items"))
                clicks.append(await shopper.submit(story.order_id, {f"qty:{story.item_id}": True}))
                clicks.append(await shopper.click("Defective"))
                clicks.append(await shopper.click("Refund"))
                clicks.append(await shopper.click("Print a prepaid label"))
                clicks.append(await shopper.click("Change something"))
                clicks.append(await shopper.click("QR code"))
    typed_latency, click_latency = Latencies(tuple(typed)), Latencies(tuple(clicks))
    results.add(
        "conversation",
        f"typed turn p50 ({len(typed)} turns, offline model)",
        typed_latency.p50,
        "ms",
        "<= 30 ms",
    )
    results.add("conversation", "typed turn p99", typed_latency.p99, "ms")
    results.add(
        "conversation", f"click round trip p50 ({len(clicks)} clicks)", click_latency.p50, "ms"
    )
    results.add("conversation", "click round trip p99", click_latency.p99, "ms", "<= 15 ms")
