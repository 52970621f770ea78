"""Running the real app in-process for tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

import httpx
from fastapi import FastAPI

from returndesk.operations.context import utc_now
from returndesk.settings import Settings
from returndesk.web.app import create_app
from tests.support.stores import storage_options


def settings_for(store_url: str, **overrides: object) -> Settings:
    """Settings of an app on this store (a SQL URL or a Cosmos test server's, see
    `tests.support.stores`)."""
    return Settings(
        _env_file=None,
        environment="test",
        **storage_options(store_url),
        secret_key="test-secret-key-not-for-production",
        **overrides,  # type: ignore[arg-type]
    )


@asynccontextmanager
async def running_app(
    settings: Settings, *, clock: Callable[[], datetime] = utc_now
) -> AsyncIterator[FastAPI]:
    app = create_app(settings, clock=clock)
    async with app.router.lifespan_context(app):
        yield app


def http_client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
