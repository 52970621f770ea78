"""Building the ChatKit server from its parts, once, at start-up.

Everything is checked here: a bad policy file or a flow definition naming a
guard, event or widget the code lacks stops start-up with a message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from returndesk.chat.conversation import Conversation
from returndesk.chat.server import ReturnDeskServer, TextResponder
from returndesk.chat.typed import AgentResponder
from returndesk.domain import load_policy
from returndesk.flow.definition import load_definition
from returndesk.flow.engine import FlowEngine
from returndesk.flow.guards import GUARDS
from returndesk.flow.handlers import HANDLERS
from returndesk.llm.providers import build_model
from returndesk.llm.usage import UsageMeter
from returndesk.operations.context import Operations, utc_now
from returndesk.settings import Settings
from returndesk.store.chatkit_store import SQLAlchemyStore
from returndesk.store.db import SessionFactory
from returndesk.widgets.registry import BUILDERS


def build_flow_engine() -> FlowEngine:
    return FlowEngine(load_definition(), guards=GUARDS, handlers=HANDLERS, widgets=BUILDERS.keys())


def build_server(
    settings: Settings,
    sessions: SessionFactory,
    *,
    usage: UsageMeter,
    clock: Callable[[], datetime] = utc_now,
) -> ReturnDeskServer:
    store = SQLAlchemyStore(sessions)
    ops = Operations(sessions, load_policy(settings.policy_file), clock)
    conversation = Conversation(ops, build_flow_engine(), store)
    text: TextResponder = AgentResponder(
        conversation, store, build_model(settings), hybrid=settings.llm_hybrid, usage=usage
    )
    return ReturnDeskServer(store, feedback=store, conversation=conversation, text=text)
