"""Building the ChatKit server from its parts, once, at start-up.

Everything is checked here: a bad policy file or a flow definition naming a
guard, event or widget the code lacks stops start-up with a message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from returndesk.chat.conversation import Conversation
from returndesk.chat.handoff_desk import HandoffDesk
from returndesk.chat.limits import Limits
from returndesk.chat.server import ReturnDeskServer, TextResponder
from returndesk.chat.typed import AgentResponder
from returndesk.domain import load_policy
from returndesk.domain.business_hours import BusinessHours
from returndesk.llm.providers import build_model
from returndesk.llm.usage import UsageMeter
from returndesk.operations.context import (
    HandoffNotifier,
    Operations,
    VerificationLimits,
    utc_now,
)
from returndesk.request_context import RequestContext
from returndesk.settings import Settings
from returndesk.store.port.storage import Storage
from returndesk.store.port.threads import ThreadStore
from returndesk.usecases.seam import BUILT_IN, UseCases, load_use_cases


def registered_use_cases(settings: Settings) -> UseCases:
    """The built-in use cases, then the settings' extra ones, in the main menu's order."""
    return UseCases(load_use_cases([*BUILT_IN, *settings.use_cases]))


def build_server(
    settings: Settings,
    storage: Storage,
    *,
    usage: UsageMeter,
    clock: Callable[[], datetime] = utc_now,
    notifier: HandoffNotifier | None = None,
) -> ReturnDeskServer:
    store: ThreadStore[RequestContext] = storage.threads
    verification = VerificationLimits(
        settings.verification_max_failures_per_owner,
        settings.verification_max_failures_per_address,
        timedelta(minutes=settings.verification_lockout_minutes),
    )
    ops = Operations(
        storage,
        load_policy(settings.policy_file),
        clock,
        verification,
        handoff_notifier=notifier,
        business_hours=business_hours(settings),
    )
    use_cases = registered_use_cases(settings)
    conversation = Conversation(ops, use_cases, store)
    offline = use_cases.offline_model()
    text: TextResponder = AgentResponder(
        conversation,
        store,
        build_model(settings, offline),
        offline=offline,
        tools=use_cases.tools(),
        hybrid=settings.llm_hybrid,
        usage=usage,
        never_skipped=use_cases.worded_by_the_model,
    )
    limits = Limits(
        settings.max_message_chars, settings.max_items_per_request, settings.max_json_depth
    )
    return ReturnDeskServer(
        store,
        feedback=store,
        conversation=conversation,
        text=text,
        limits=limits,
        locks=storage.thread_locks,
        desk=HandoffDesk(conversation),
    )


def business_hours(settings: Settings) -> BusinessHours | None:
    if not settings.business_hours:
        return None
    return BusinessHours.parse(settings.business_hours, settings.business_timezone)
