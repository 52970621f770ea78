"""What the running app holds: built once at start-up, shared by every request."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request

from returndesk.chat.server import ReturnDeskServer
from returndesk.llm.usage import UsageMeter
from returndesk.settings import Settings
from returndesk.store.db import SessionFactory
from returndesk.store.live_feed import LiveFeed
from returndesk.web.embedded import EmbeddedIdentity
from returndesk.web.identity import OwnerCookie
from returndesk.web.staff_session import StaffSessions


@dataclass(slots=True)
class AppState:
    settings: Settings
    engine: AsyncEngine
    sessions: SessionFactory
    server: ReturnDeskServer
    identity: OwnerCookie
    usage: UsageMeter
    embedded: EmbeddedIdentity
    staff_sessions: StaffSessions
    # New hand-offs and staff replies, for the browsers this process serves.
    live: LiveFeed


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.returndesk
    return state
