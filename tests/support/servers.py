"""Real `returndesk serve` processes for tests that need real processes.

Each server writes its JSON log to a file, so a test can read what it said,
and can be stopped politely or killed outright.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support.stores import store_environment

RETURNDESK = Path(sys.executable).with_name("returndesk")
SECRET = "integration-test-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def run_cli(store_url: str, *args: str) -> str:
    env = {**os.environ, **store_environment(store_url)}
    done = subprocess.run(
        [str(RETURNDESK), *args], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout


@dataclass
class Server:
    database_url: str
    workdir: Path
    name: str = "server"
    workers: int = 1
    process: subprocess.Popen[bytes] | None = None
    port: int = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.workdir / f"{self.name}.log"

    def start(self) -> None:
        self.port = self.port or free_port()
        env = {
            **os.environ,
            **store_environment(self.database_url),
            "RETURNDESK_SECRET_KEY": SECRET,
        }
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    str(RETURNDESK),
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--workers",
                    str(self.workers),
                ],
                env=env,
                cwd=self.workdir,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        self._wait_until_healthy()

    def _wait_until_healthy(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"{self.name} exited with {self.process.returncode}:\n"
                    + self.log_path.read_text()
                )
            try:
                if httpx.get(f"{self.base_url}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError(f"{self.name} did not become ready within 60 s")

    def kill(self) -> None:
        """SIGKILL the whole process group: no shutdown code runs, as in a crash."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


@contextmanager
def serving(
    database_url: str, workdir: Path, name: str = "server", workers: int = 1
) -> Iterator[Server]:
    server = Server(database_url, workdir, name, workers)
    server.start()
    try:
        yield server
    finally:
        server.stop()
