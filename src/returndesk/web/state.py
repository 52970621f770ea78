"""What the running app holds: built once at start-up, shared by every request."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from returndesk.chat.server import ReturnDeskServer
from returndesk.llm.usage import UsageMeter
from returndesk.settings import Settings
from returndesk.store.live_feed import LiveFeed
from returndesk.store.port.storage import Storage
from returndesk.web.embedded import EmbeddedIdentity
from returndesk.web.identity import OwnerCookie
from returndesk.web.staff_session import StaffSessions


@dataclass(slots=True)
class AppState:
    settings: Settings
    storage: Storage
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
