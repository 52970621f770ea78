"""Fixtures: the real app on the demo store, at the demo store's day, and shoppers to
drive it, for the tests that talk to the app over its HTTP interface."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from fastapi import FastAPI

from returndesk.domain.staff import StaffRole
from returndesk.operations.context import Operations
from returndesk.web.state import AppState
from tests.conftest import DEMO_NOW
from tests.support.app import http_client, running_app, settings_for
from tests.support.chatkit_client import ChatKitClient
from tests.support.cosmos_server import CosmosServer
from tests.support.demo import demo_operations
from tests.support.shopper import Shopper, ShopperFactory
from tests.support.staff import StaffConsole, signed_in_staff


@pytest.fixture
def app_settings() -> dict[str, object]:
    """Settings the app runs with besides the test defaults; a test module overrides it."""
    return {}


@pytest.fixture
async def app(demo_database_url: str, app_settings: dict[str, object]) -> AsyncIterator[FastAPI]:
    settings = settings_for(demo_database_url, **app_settings)
    async with running_app(settings, clock=lambda: DEMO_NOW) as app:
        yield app


@pytest.fixture
def ops(app: FastAPI) -> Operations:
    state: AppState = app.state.returndesk
    return demo_operations(state.storage)


@pytest.fixture
async def new_shopper(app: FastAPI) -> AsyncIterator[ShopperFactory]:
    clients = []

    async def make() -> Shopper:
        http = http_client(app)
        clients.append(http)
        return Shopper(ChatKitClient(http))

    yield make
    for http in clients:
        await http.aclose()


@pytest.fixture
async def shopper(new_shopper: ShopperFactory) -> Shopper:
    """A shopper who has opened a conversation with "hi"."""
    shopper = await new_shopper()
    await shopper.start()
    return shopper


@pytest.fixture
async def agent(app: FastAPI, ops: Operations) -> AsyncIterator[StaffConsole]:
    """A staff member with the agent role, signed in to the console."""
    async with http_client(app) as http:
        yield await signed_in_staff(
            ops, http, role=StaffRole.AGENT, email="sam@example.com", name="Sam Lee"
        )


@pytest.fixture
async def admin(app: FastAPI, ops: Operations) -> AsyncIterator[StaffConsole]:
    """A staff member with the admin role, signed in to the console."""
    async with http_client(app) as http:
        yield await signed_in_staff(
            ops, http, role=StaffRole.ADMIN, email="ana@example.com", name="Ana Ruiz"
        )


# The staff console reads across customers (its queue, its searches): a test that signs
# staff in may fan out across partitions; a shopper's requests alone never may.
STAFF_FIXTURES = frozenset({"agent", "admin"})


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param("cosmos", marks=pytest.mark.cosmos),
    ]
)
def shopper_path_store_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The demo store on each backend; on Cosmos DB the test fails if a request read
    across partitions, unless it signed staff in."""
    url: str = request.getfixturevalue(f"demo_{request.param}_url")
    yield url
    if request.param == "cosmos" and not STAFF_FIXTURES & set(request.fixturenames):
        cosmos: CosmosServer = request.getfixturevalue("cosmos")
        fan_outs = cosmos.fan_outs()
        assert fan_outs == [], f"a shopper's request read across partitions: {fan_outs}"
