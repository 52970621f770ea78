"""A real Cosmos DB for NoSQL server for tests and benchmarks, run from Node.

It is @vercel/cosmosdb-server, in memory and speaking the Cosmos REST protocol over
HTTPS, with the fixes and test controls of tests/support/cosmos_server/ (serve.mjs says
what they are). `make cosmos-server` installs it; this module installs nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import httpx
from azure.cosmos.aio import CosmosClient

SERVER_DIR = Path(__file__).with_name("cosmos_server")
LAUNCHER = SERVER_DIR / "serve.mjs"
# The Cosmos DB emulator's published key. The server checks no signature, but the SDK
# signs every request with the key and so needs a valid base64 one.
EMULATOR_KEY = (
    "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="
)
READY = re.compile(r"cosmosdb-server ready at (https://\S+)")
START_WITHIN = 30.0


class CosmosServerMissing(RuntimeError):
    """Node or the server's packages are not installed."""


@dataclass(frozen=True)
class FanOut:
    """A request that read a whole container instead of one partition."""

    database: str
    container: str
    kind: Literal["query", "read_feed", "change_feed"]
    query: str | None


@dataclass(frozen=True)
class LoggedRequest:
    """One data request the server answered (see `CosmosServer.requests`)."""

    method: str
    path: str
    # read, query, feed, create, upsert, replace, delete, patch or batch.
    operation: str
    status: int
    request_bytes: int
    response_bytes: int
    # A batch's operations: {"operation": ..., "bytes": size of the document written}.
    operations: list[dict[str, Any]]


@dataclass
class CosmosServer:
    endpoint: str
    log_path: Path
    key: str = EMULATOR_KEY

    def client(self, **options: Any) -> CosmosClient:
        """An SDK client for this server.

        Endpoint discovery is off: the server advertises itself as the account's only
        region at the address it listens on, and the SDK would otherwise switch to it
        by name. The SDK skips certificate checks for 127.0.0.1 by itself.
        """
        return CosmosClient(
            self.endpoint, credential=self.key, enable_endpoint_discovery=False, **options
        )

    def fan_outs(self) -> list[FanOut]:
        """Queries and feeds without a partition key since the last clear, oldest first."""
        rows: list[dict[str, Any]] = self._control("GET", "fan-outs").json()
        return [FanOut(**row) for row in rows]

    def clear_fan_outs(self) -> None:
        self._control("DELETE", "fan-outs")

    def throttle(self, requests: int, retry_after_ms: int) -> None:
        """Answer the next `requests` requests under /dbs with 429, as Cosmos throttles."""
        self._control("POST", "throttle", {"requests": requests, "retry_after_ms": retry_after_ms})

    def pending_throttles(self) -> int:
        """How many of the throttled answers asked for have not been given yet."""
        remaining: int = self._control("GET", "throttle").json()["requests"]
        return remaining

    def requests(self) -> list[LoggedRequest]:
        """Data requests since the last clear, in the order they were answered."""
        rows: list[dict[str, Any]] = self._control("GET", "requests").json()
        return [LoggedRequest(**row) for row in rows]

    def clear_requests(self) -> None:
        self._control("DELETE", "requests")

    def copy_database(self, source: str, target: str) -> None:
        """A new database `target` holding everything `source` holds (made in memory)."""
        self._control("POST", f"databases/{source}/copy", {"to": target})

    def drop_database(self, name: str) -> None:
        response = httpx.delete(f"{self.endpoint}/dbs/{name}", verify=False, timeout=10)
        if response.status_code not in (204, 404):
            response.raise_for_status()

    def _control(self, method: str, path: str, body: object = None) -> httpx.Response:
        response = httpx.request(
            method, f"{self.endpoint}/_test/{path}", json=body, verify=False, timeout=10
        )
        response.raise_for_status()
        return response


@contextmanager
def cosmos_server(workdir: Path) -> Iterator[CosmosServer]:
    """A server of its own, logging to `workdir`, stopped on exit."""
    node = shutil.which("node")
    if node is None:
        raise CosmosServerMissing("Node.js is not installed: the Cosmos test server runs on it.")
    if not (SERVER_DIR / "node_modules").is_dir():
        raise CosmosServerMissing(
            f"The Cosmos test server's packages are not installed in {SERVER_DIR}: "
            "run `make cosmos-server`."
        )
    log_path = workdir / "cosmos-server.log"
    # The log may hold an earlier server's lines, its address among them: read past them.
    logged_before = log_path.stat().st_size if log_path.exists() else 0
    with log_path.open("ab") as log:
        # Port 0: the server picks a free port and says which, so no two workers race.
        # Its standard input is a pipe that closes if this process dies, and then it stops.
        process = subprocess.Popen(
            [node, str(LAUNCHER), "--port", "0", "--exit-with-stdin"],
            cwd=SERVER_DIR,
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=log,
        )
    try:
        yield CosmosServer(_wait_until_ready(process, log_path, logged_before), log_path)
    finally:
        _stop(process)


def _wait_until_ready(process: subprocess.Popen[bytes], log_path: Path, offset: int) -> str:
    def logged() -> str:
        return log_path.read_bytes()[offset:].decode(errors="replace")

    deadline = time.monotonic() + START_WITHIN
    endpoint: str | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"the Cosmos test server exited with {process.returncode}:\n" + logged()
            )
        if endpoint is None:
            ready = READY.search(logged())
            endpoint = ready.group(1) if ready else None
        if endpoint is not None:
            try:
                # Listening is not answering: wait for a whole TLS request.
                if httpx.get(f"{endpoint}/", verify=False, timeout=1).status_code == 200:
                    return endpoint
            except httpx.TransportError:
                pass
        time.sleep(0.05)
    raise AssertionError(f"the Cosmos test server did not answer within {START_WITHIN:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    if process.stdin is not None:
        process.stdin.close()
