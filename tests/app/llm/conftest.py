"""The hosted-model tests' app: the demo store with a local fake OpenAI-compatible or Azure
server as its model."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from fastapi import FastAPI

from tests.conftest import DEMO_NOW
from tests.support.app import http_client, running_app, settings_for
from tests.support.chatkit_client import ChatKitClient
from tests.support.fake_openai import FakeModelServer, fake_model_server
from tests.support.shopper import Shopper


@pytest.fixture
def fake() -> Iterator[FakeModelServer]:
    with fake_model_server() as server:
        yield server


@pytest.fixture(params=["openai-compatible", "azure"])
def provider(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


@pytest.fixture
def hybrid() -> bool:
    """Confident offline readings skip the hosted model; a test may turn that off."""
    return True


@pytest.fixture
async def app(
    demo_sqlite_url: str, fake: FakeModelServer, provider: str, hybrid: bool
) -> AsyncIterator[FastAPI]:
    if provider == "azure":
        settings = settings_for(
            demo_sqlite_url,
            llm_provider="azure",
            azure_openai_endpoint=fake.base_url,
            azure_openai_deployment="rd-chat",
            azure_openai_api_version="2024-10-21",
            llm_api_key="azure-key",
            llm_hybrid=hybrid,
        )
    else:
        settings = settings_for(
            demo_sqlite_url,
            llm_provider="openai-compatible",
            llm_base_url=f"{fake.base_url}/v1",
            llm_api_key="local-key",
            llm_model="served-model",
            llm_hybrid=hybrid,
        )
    async with running_app(settings, clock=lambda: DEMO_NOW) as app:
        yield app


@pytest.fixture
async def shopper(app: FastAPI) -> AsyncIterator[Shopper]:
    async with http_client(app) as http:
        shopper = Shopper(ChatKitClient(http))
        await shopper.start()
        yield shopper
