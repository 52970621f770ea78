"""Click round trips over real HTTP, measured side by side in one run.

- ReturnDesk on SQLite against the stock SDK server with an in-memory store
  doing the same widget work (lock the card, reply, next card), one client.
- ReturnDesk on PostgreSQL with one server process and with two, eight
  concurrent shoppers, each clicking back and forth between two steps.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import httpx

from bench.conversation_bench import Client, Story, _stories
from bench.measure import Latencies, Results
from bench.scratch_postgres import scratch_database
from returndesk.domain import load_policy
from returndesk.operations.context import Operations
from returndesk.store.sql.storage import SqlStorage

CLICKS = 300
SHOPPERS = 8
CLICKS_EACH = 40
RETURNDESK = Path(sys.executable).with_name("returndesk")
ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server at {url} exited with {process.returncode}")
        try:
            httpx.post(f"{url}/chatkit", content=b"{}", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"server at {url} did not start")


@contextmanager
def _process(command: list[str], env: dict[str, str], workdir: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [part.replace("PORT", str(port)) for part in command],
        env={**os.environ, **env},
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _serve(database_url: str, workdir: Path, workers: int = 1) -> AbstractContextManager[str]:
    return _process(
        [
            str(RETURNDESK),
            *("serve", "--host", "127.0.0.1", "--port", "PORT", "--workers", str(workers)),
        ],
        {
            "RETURNDESK_DATABASE_URL": database_url,
            "RETURNDESK_SECRET_KEY": "bench-secret",
            "RETURNDESK_LOG_LEVEL": "warning",
        },
        workdir,
    )


async def _to_method_step(url: str, story: Story) -> Client:
    shopper = Client(httpx.AsyncClient(base_url=url, timeout=30))
    await shopper.start()
    await shopper.submit("email", {"email": story.email})
    await shopper.click("Return or exchange items")
    await shopper.submit(story.order_id, {f"qty:{story.item_id}": True})
    await shopper.click("Defective")
    await shopper.click("Refund")
    return shopper


async def _back_and_forth(shopper: Client, clicks: int) -> list[float]:
    """Method step → summary → back to the method step, and again."""
    timings = []
    for n in range(clicks):
        label = "Print a prepaid label" if n % 2 == 0 else "Change something"
        timings.append(await shopper.click(label))
    return timings


async def _stock_clicks(url: str, clicks: int = CLICKS) -> list[float]:
    shopper = Client(httpx.AsyncClient(base_url=url, timeout=30))
    await shopper.start()
    labels = ["Print a prepaid label", "QR code", "Schedule a pickup"]
    timings = [await shopper.click(labels[n % 3]) for n in range(clicks)]
    await shopper.http.aclose()
    return timings


def _report(results: Results, name: str, timings: list[float], elapsed: float) -> float:
    latency = Latencies(tuple(timings))
    rate = len(timings) / elapsed
    results.add("http clicks", f"{name} throughput", rate, "clicks/s")
    results.add("http clicks", f"{name} p50", latency.p50, "ms")
    results.add(
        "http clicks", f"{name} p99", latency.p99, "ms", "<= 15 ms" if "ReturnDesk" in name else ""
    )
    return rate


async def _one_client(url: str, story: Story) -> tuple[list[float], float]:
    shopper = await _to_method_step(url, story)
    started = time.perf_counter()
    timings = await _back_and_forth(shopper, CLICKS)
    elapsed = time.perf_counter() - started
    await shopper.http.aclose()
    return timings, elapsed


async def _many_clients(urls: list[str], stories: list[Story]) -> tuple[list[float], float]:
    shoppers = [
        await _to_method_step(urls[n % len(urls)], stories[n % len(stories)])
        for n in range(SHOPPERS)
    ]
    started = time.perf_counter()
    batches = await asyncio.gather(*(_back_and_forth(s, CLICKS_EACH) for s in shoppers))
    elapsed = time.perf_counter() - started
    for shopper in shoppers:
        await shopper.http.aclose()
    return [t for batch in batches for t in batch], elapsed


def _load(database_url: str, workdir: Path) -> None:
    env = {**os.environ, "RETURNDESK_DATABASE_URL": database_url}
    for command in (["db", "upgrade"], ["seed", "demo"]):
        subprocess.run(
            [str(RETURNDESK), *command], env=env, check=True, capture_output=True, cwd=workdir
        )


async def _prepare(database_url: str, workdir: Path) -> list[Story]:
    await asyncio.to_thread(_load, database_url, workdir)
    storage = SqlStorage(database_url)
    try:
        return await _stories(Operations(storage, load_policy()))
    finally:
        await storage.close()


async def run(results: Results, workdir: Path) -> None:
    sqlite_url = f"sqlite+aiosqlite:///{workdir / 'http.db'}"
    stories = await _prepare(sqlite_url, workdir)
    stock = [sys.executable, "-m", "bench.stock_server", "PORT"]
    with _process(stock, {"PYTHONPATH": str(ROOT)}, workdir) as stock_url:
        timings, elapsed = await _stock_clicks_timed(stock_url)
        stock_rate = _report(results, "stock SDK, in-memory store", timings, elapsed)
        floor, floor_elapsed = await _floor_round_trips(stock_url)
        floor_rate = _report(results, "HTTP alone (fixed events, no ChatKit)", floor, floor_elapsed)
        timings, elapsed = await _stock_shoppers(stock_url)
        stock_loaded = _report(results, f"stock SDK, {SHOPPERS} shoppers", timings, elapsed)
    with _process([*stock, "--cached-parser"], {"PYTHONPATH": str(ROOT)}, workdir) as cached_url:
        timings, elapsed = await _stock_clicks_timed(cached_url)
        cached_rate = _report(results, "stock SDK + cached parser", timings, elapsed)
    with _serve(sqlite_url, workdir) as url:
        timings, elapsed = await _one_client(url, stories[0])
        ours = _report(results, "ReturnDesk on SQLite, one client", timings, elapsed)
    # Under load each is run as it can be deployed: the stock server's store lives in
    # its one process; ReturnDesk's workers share the database.
    with _serve(sqlite_url, workdir, workers=2) as url:
        timings, elapsed = await _many_clients([url], stories[1:])
        loaded = _report(results, f"SQLite, 2 workers, {SHOPPERS} shoppers", timings, elapsed)
    results.add("http clicks", "ReturnDesk / stock throughput", ours / stock_rate, "x", ">= 3x")
    results.add(
        "http clicks",
        f"ReturnDesk / stock throughput, {SHOPPERS} shoppers",
        loaded / stock_loaded,
        "x",
    )
    results.add("http clicks", "stock + cached parser / stock", cached_rate / stock_rate, "x")
    # The most any server could reach over this client and framework, for scale.
    results.add("http clicks", "HTTP alone / stock throughput", floor_rate / stock_rate, "x")
    await _postgres(results, workdir)


async def _floor_round_trips(url: str) -> tuple[list[float], float]:
    """The same client posting to an endpoint that streams fixed events: the floor under
    any server's click, so a throughput target can be read against it."""
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        timings = []
        started = time.perf_counter()
        for _ in range(CLICKS):
            begun = time.perf_counter()
            response = await http.post("/floor", content=b"{}")
            for block in response.text.split("\n\n"):
                if block.startswith("data: "):
                    json.loads(block[6:])
            timings.append((time.perf_counter() - begun) * 1000)
        return timings, time.perf_counter() - started


async def _stock_shoppers(url: str) -> tuple[list[float], float]:
    started = time.perf_counter()
    batches = await asyncio.gather(*(_stock_clicks(url, CLICKS_EACH) for _ in range(SHOPPERS)))
    return [t for batch in batches for t in batch], time.perf_counter() - started


async def _stock_clicks_timed(url: str) -> tuple[list[float], float]:
    started = time.perf_counter()
    timings = await _stock_clicks(url)
    return timings, time.perf_counter() - started


async def _postgres(results: Results, workdir: Path) -> None:
    async with scratch_database(results, "http clicks") as url:
        if url is None:
            return
        stories = await _prepare(url, workdir)
        with _serve(url, workdir) as one:
            timings, elapsed = await _many_clients([one], stories)
            single = _report(
                results, f"PostgreSQL, 1 process, {SHOPPERS} shoppers", timings, elapsed
            )
        with _serve(url, workdir) as first, _serve(url, workdir) as second:
            timings, elapsed = await _many_clients([first, second], stories)
            double = _report(
                results, f"PostgreSQL, 2 processes, {SHOPPERS} shoppers", timings, elapsed
            )
        results.add("http clicks", "PostgreSQL 2 processes / 1", double / single, "x")
