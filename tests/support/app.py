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


def settings_for(database_url: str, **overrides: object) -> Settings:
    return Settings(
        _env_file=None,
        environment="test",
        database_url=database_url,
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
