"""The FastAPI application factory (`uvicorn returndesk.web.app:create_app --factory`)."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from returndesk import __version__
from returndesk.chat.assembly import build_server
from returndesk.errors import SchemaNotCurrent
from returndesk.llm.usage import UsageMeter
from returndesk.operations.context import utc_now
from returndesk.operations.handoff_webhook import HandoffWebhook
from returndesk.settings import Settings, get_settings
from returndesk.store.backends import open_storage
from returndesk.store.live_feed import LiveFeed
from returndesk.store.port.errors import Unavailable
from returndesk.store.port.storage import Storage
from returndesk.web.embedded import EmbeddedIdentity
from returndesk.web.errors import install_error_handlers
from returndesk.web.identity import OwnerCookie
from returndesk.web.middleware import RequestTelemetry
from returndesk.web.routes import (
    chatkit,
    health,
    labels,
    metrics,
    staff,
    staff_analytics,
    staff_customers,
    staff_handoffs,
    staff_members,
    staff_returns,
    ui,
)
from returndesk.web.routes import live as live_routes
from returndesk.web.security import SecurityHeaders
from returndesk.web.staff_session import StaffSessions
from returndesk.web.state import AppState

logger = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None, *, clock: Callable[[], datetime] = utc_now
) -> FastAPI:
    """`clock` is the time the app's rules run at; tests fix it to the demo store's day."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        storage = open_storage(**settings.storage_options())
        await _warn_unless_schema_current(storage)
        usage = UsageMeter()
        webhook = (
            HandoffWebhook(
                settings.handoff_webhook_url,
                timeout_seconds=settings.handoff_webhook_timeout_seconds,
                console_url=settings.console_url,
            )
            if settings.handoff_webhook_url
            else None
        )
        live = LiveFeed(storage, clock)
        app.state.returndesk = AppState(
            settings=settings,
            storage=storage,
            server=build_server(settings, storage, usage=usage, clock=clock, notifier=webhook),
            live=live,
            usage=usage,
            embedded=EmbeddedIdentity(settings),
            identity=OwnerCookie(
                settings.signing_secret(), secure=settings.environment == "production"
            ),
            staff_sessions=StaffSessions(
                settings.signing_secret(),
                secure=settings.environment == "production",
                idle_seconds=settings.staff_idle_minutes * 60,
            ),
        )
        # What start-up built (policy, flow, language data, pydantic schemas) lives as long
        # as the app: kept out of the collector's full passes, which otherwise walked all of
        # it and paused requests for over 100 ms.
        gc.collect()
        gc.freeze()
        await live.start()
        try:
            yield
        finally:
            gc.unfreeze()
            await live.stop()
            if webhook is not None:
                await webhook.close()
            await app.state.returndesk.server.close()
            await storage.close()

    app = FastAPI(title="ReturnDesk", version=__version__, lifespan=lifespan)
    install_error_handlers(app)
    if settings.cors_allow_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_allow_origins,
            allow_credentials=True,
            allow_methods=["GET", "POST"],
            allow_headers=["content-type", "x-customer-token", "x-request-id"],
        )
    app.add_middleware(SecurityHeaders, settings=settings)
    app.add_middleware(RequestTelemetry)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(chatkit.router)
    app.include_router(labels.router)
    app.include_router(staff.router)
    app.include_router(staff_returns.router)
    app.include_router(staff_members.router)
    app.include_router(staff_customers.router)
    app.include_router(staff_analytics.router)
    app.include_router(staff_handoffs.router)
    app.include_router(live_routes.router)
    app.include_router(ui.router)
    ui.mount_ui(app, settings)
    return app


async def _warn_unless_schema_current(storage: Storage) -> None:
    """Say at start-up what /readyz will say: serving can start before a migration job ends."""
    try:
        await storage.check_schema()
    except SchemaNotCurrent as exc:
        logger.error(exc.message)
    except Unavailable as exc:
        logger.error("The database cannot be reached: %s", exc)
