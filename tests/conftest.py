"""Database fixtures shared by every test.

Each test gets an empty, migrated database of its own: a copy of a SQLite file
migrated once per run, or a PostgreSQL database cloned from a migrated template.
PostgreSQL tests skip with a message when no server answers, unless
RETURNDESK_REQUIRE_POSTGRES=1 (set by CI), where they fail instead.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest

from returndesk.domain import load_policy
from returndesk.store.port.storage import Storage
from returndesk.store.seed_format import demo_data_dir
from returndesk.store.sql.db import SessionFactory, create_engine, create_session_factory
from returndesk.store.sql.migrate import upgrade
from returndesk.store.sql.storage import SqlStorage
from tests.support.cosmos_server import CosmosServer, cosmos_server
from tests.support.stores import cosmos_parts, cosmos_url, open_test_storage

POSTGRES_ADMIN_URL = os.environ.get(
    "RETURNDESK_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
REQUIRE_POSTGRES = os.environ.get("RETURNDESK_REQUIRE_POSTGRES") == "1"
SHARED_DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "tau-retail"
# The demo store is loaded as of this moment, and tests of it run at this moment:
# a weekday in March, far from the holiday rule's months.
DEMO_NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def _with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


async def _admin(sql: str) -> None:
    connection = await asyncpg.connect(_dsn(POSTGRES_ADMIN_URL), timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@contextmanager
def postgres_database_from(template: str) -> Iterator[str]:
    """A database of its own cloned from `template`, for fixtures wider than one test."""
    name = f"rd_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield _with_database(POSTGRES_ADMIN_URL, name)
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "returndesk.db"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    name = f"rd_template_{uuid.uuid4().hex[:10]}"
    try:
        asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        message = f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {exc}"
        if REQUIRE_POSTGRES:
            pytest.fail(message)
        pytest.skip(message)
    upgrade(_with_database(POSTGRES_ADMIN_URL, name))
    yield name
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def postgres_url(postgres_template: str) -> AsyncIterator[str]:
    name = f"rd_test_{uuid.uuid4().hex[:12]}"
    await _admin(f'CREATE DATABASE "{name}" TEMPLATE "{postgres_template}"')
    yield _with_database(POSTGRES_ADMIN_URL, name)
    await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Runs the test once on SQLite and once on PostgreSQL."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture
async def storage(database_url: str) -> AsyncIterator[SqlStorage]:
    opened = SqlStorage(database_url)
    yield opened
    await opened.close()


@pytest.fixture
def sessions(storage: SqlStorage) -> SessionFactory:
    return storage.sessions


@pytest.fixture
async def sqlite_sessions(sqlite_url: str) -> AsyncIterator[SessionFactory]:
    engine = create_engine(sqlite_url)
    yield create_session_factory(engine)
    await engine.dispose()


async def _seed(url: str) -> None:
    storage = SqlStorage(url)
    try:
        await storage.seed(demo_data_dir(), now=DEMO_NOW)
    finally:
        await storage.close()


@pytest.fixture(scope="session")
def demo_sqlite_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(sqlite_template, path)
    asyncio.run(_seed(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture
def demo_sqlite_url(demo_sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture(scope="session")
def demo_postgres_template(postgres_template: str) -> Iterator[str]:
    name = f"rd_demo_{uuid.uuid4().hex[:10]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}" TEMPLATE "{postgres_template}"'))
    asyncio.run(_seed(_with_database(POSTGRES_ADMIN_URL, name)))
    yield name
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def demo_postgres_url(demo_postgres_template: str) -> AsyncIterator[str]:
    name = f"rd_test_{uuid.uuid4().hex[:12]}"
    await _admin(f'CREATE DATABASE "{name}" TEMPLATE "{demo_postgres_template}"')
    yield _with_database(POSTGRES_ADMIN_URL, name)
    await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def demo_database_url(request: pytest.FixtureRequest) -> str:
    """A database holding the demo store, once on SQLite and once on PostgreSQL."""
    url: str = request.getfixturevalue(f"demo_{request.param}_url")
    return url


async def _seed_history(url: str) -> None:
    storage = SqlStorage(url)
    try:
        await storage.seed_history(now=DEMO_NOW, policy=load_policy())
    finally:
        await storage.close()


@pytest.fixture(scope="session")
def history_sqlite_template(
    demo_sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    path = tmp_path_factory.mktemp("history") / "history.db"
    shutil.copyfile(demo_sqlite_template, path)
    asyncio.run(_seed_history(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture
def history_sqlite_url(history_sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "history.db"
    shutil.copyfile(history_sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture(scope="session")
def history_postgres_template(demo_postgres_template: str) -> Iterator[str]:
    name = f"rd_history_{uuid.uuid4().hex[:10]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}" TEMPLATE "{demo_postgres_template}"'))
    asyncio.run(_seed_history(_with_database(POSTGRES_ADMIN_URL, name)))
    yield name
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def history_postgres_url(history_postgres_template: str) -> AsyncIterator[str]:
    name = f"rd_test_{uuid.uuid4().hex[:12]}"
    await _admin(f'CREATE DATABASE "{name}" TEMPLATE "{history_postgres_template}"')
    yield _with_database(POSTGRES_ADMIN_URL, name)
    await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def history_database_url(request: pytest.FixtureRequest) -> str:
    """The demo store with its 90 days of history, once on SQLite and once on PostgreSQL."""
    url: str = request.getfixturevalue(f"history_{request.param}_url")
    return url


@pytest.fixture
async def demo_storage(demo_database_url: str) -> AsyncIterator[SqlStorage]:
    opened = SqlStorage(demo_database_url)
    yield opened
    await opened.close()


@pytest.fixture
def demo_sessions(demo_storage: SqlStorage) -> SessionFactory:
    return demo_storage.sessions


# Azure Cosmos DB: databases on one test server per worker, made from seeded templates by
# the server's in-memory copy (tests/support/cosmos_server/copy.mjs).


@pytest.fixture(scope="session")
def cosmos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CosmosServer]:
    with cosmos_server(tmp_path_factory.mktemp("cosmos")) as server:
        yield server


async def _cosmos_storage_ready(url: str, *, seeded: bool) -> None:
    storage = open_test_storage(url)
    try:
        await storage.upgrade()
        if seeded:
            await storage.seed(demo_data_dir(), now=DEMO_NOW)
    finally:
        await storage.close()


@pytest.fixture(scope="session")
def cosmos_template(cosmos: CosmosServer) -> str:
    url = cosmos_url(cosmos.endpoint, f"template-{uuid.uuid4().hex[:10]}")
    asyncio.run(_cosmos_storage_ready(url, seeded=False))
    return url


@pytest.fixture(scope="session")
def demo_cosmos_template(cosmos: CosmosServer) -> str:
    url = cosmos_url(cosmos.endpoint, f"demo-{uuid.uuid4().hex[:10]}")
    asyncio.run(_cosmos_storage_ready(url, seeded=True))
    return url


@contextmanager
def _cosmos_copy(cosmos: CosmosServer, template: str) -> Iterator[str]:
    _, source = cosmos_parts(template)
    name = f"test-{uuid.uuid4().hex[:12]}"
    cosmos.copy_database(source, name)
    cosmos.throttle(0, 0)
    cosmos.clear_fan_outs()
    try:
        yield cosmos_url(cosmos.endpoint, name)
    finally:
        cosmos.throttle(0, 0)
        cosmos.drop_database(name)


@pytest.fixture
def cosmos_store_url(cosmos: CosmosServer, cosmos_template: str) -> Iterator[str]:
    """An empty Cosmos database of its own, its containers made."""
    with _cosmos_copy(cosmos, cosmos_template) as url:
        yield url


@pytest.fixture
def demo_cosmos_url(cosmos: CosmosServer, demo_cosmos_template: str) -> Iterator[str]:
    """A Cosmos database of its own holding the demo store."""
    with _cosmos_copy(cosmos, demo_cosmos_template) as url:
        yield url


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param("cosmos", marks=pytest.mark.cosmos),
    ]
)
def every_store_url(request: pytest.FixtureRequest) -> str:
    """An empty store, once on each backend: SQLite, PostgreSQL and Cosmos DB."""
    name = "cosmos_store" if request.param == "cosmos" else request.param
    url: str = request.getfixturevalue(f"{name}_url")
    return url


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param("cosmos", marks=pytest.mark.cosmos),
    ]
)
def every_demo_store_url(request: pytest.FixtureRequest) -> str:
    """The demo store, once on each backend."""
    url: str = request.getfixturevalue(f"demo_{request.param}_url")
    return url


@pytest.fixture
async def every_demo_storage(every_demo_store_url: str) -> AsyncIterator[Storage]:
    opened = open_test_storage(every_demo_store_url)
    yield opened
    await opened.close()
