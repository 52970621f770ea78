"""Answering typed messages through the language layer.

Every typed turn runs the agent: its tools feed the same conversation engine
as clicks, each tool call shows as a workflow task, and the new card follows
the reply. With a hosted model, a confident offline reading of a simple
answer ("yes", "full refund", "the blue one") is carried out by the offline
model instead, so it costs no call. If the provider fails, the shopper gets a
short apology and may retry; the state is as the last completed tool left it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from typing import Any

from agents import Agent, FunctionTool, ModelSettings, Runner
from agents.exceptions import AgentsException
from agents.models.interface import Model
from chatkit.agents import stream_agent_response
from chatkit.store import Store
from chatkit.types import (
    AssistantMessageItem,
    ErrorEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
)
from openai import APIError

from returndesk.chat.conversation import Conversation, shown_now
from returndesk.chat.item_ids import with_own_ids
from returndesk.flow.facts import request_facts
from returndesk.llm.brief import Brief, build_brief
from returndesk.llm.instructions import instructions_for
from returndesk.llm.offline.model import OfflineModel, function_call, message, stream_events
from returndesk.llm.offline.reading import Intent
from returndesk.llm.turn import TurnContext
from returndesk.llm.usage import UsageMeter
from returndesk.request_context import RequestContext

# Enough for the longest plan (start, pick, reason) plus the reply.
MAX_TURNS = 8
HISTORY_ITEMS = 12
SURE_ENOUGH = 0.85
NEVER_SKIPPED = frozenset({Intent.POLICY_QUESTION, Intent.UNKNOWN, Intent.GREETING})
APOLOGY = (
    "Sorry, I couldn't reach my language service just now. Please try again in a moment; "
    "the buttons on the cards still work."
)


class AgentResponder:
    def __init__(
        self,
        conversation: Conversation,
        store: Store[RequestContext],
        model: Model,
        *,
        offline: OfflineModel,
        tools: list[FunctionTool],
        hybrid: bool,
        usage: UsageMeter,
        never_skipped: frozenset[str] = frozenset(),
    ) -> None:
        """`offline` carries out confident readings in hybrid mode, except the intents in
        `never_skipped`, which the hosted model always words."""
        self.conversation = conversation
        self.store = store
        self.model = model
        self.offline = offline
        self.tools = tools
        self.hybrid = hybrid
        self.never_skipped = NEVER_SKIPPED | never_skipped
        self.usage = usage
        # The Responses event models build their validators on first use, tens of
        # milliseconds; pay that at start-up rather than in the first shopper's turn.
        stream_events(message(""))
        stream_events(function_call("start_over", {}))

    async def close(self) -> None:
        await self.model.close()

    def asks_for_something(self, text: str) -> bool:
        reading = self.offline.reader.understand(text)
        return reading.intent not in {Intent.GREETING, Intent.UNKNOWN}

    async def respond(
        self, thread: ThreadMetadata, text: str, context: RequestContext
    ) -> AsyncIterator[ThreadStreamEvent]:
        conversation = self.conversation
        state, _ = await conversation.state_of(thread.id, context)
        async with conversation.ops.storage.reading() as repositories:
            brief = await build_brief(
                conversation.ops,
                conversation.engine,
                state,
                request_facts(context.memo),
                repositories,
                conversation.use_cases.briefs,
            )
            # The history `_history` and the SDK's workflow check then read from the memo.
            await conversation.store.read_ahead_latest(
                repositories, thread.id, HISTORY_ITEMS, context
            )
        model = self._model_for(text, brief)
        hosted = model is not self.offline
        if not hosted:
            self.usage.offline_turn()
        turn = TurnContext(
            thread=thread,
            store=self.store,
            request_context=context,
            runner=conversation,
            policy=conversation.ops.policy,
        )
        agent = Agent[TurnContext](
            name="ReturnDesk",
            instructions=instructions_for(brief),
            tools=list(self.tools),
            model=model,
            model_settings=ModelSettings(parallel_tool_calls=False),
        )
        result = Runner.run_streamed(
            agent, await self._history(thread, context), context=turn, max_turns=MAX_TURNS
        )
        try:
            events = stream_agent_response(turn, result)
            new_id = partial(self.store.generate_item_id, "message", thread, context)
            async for event in with_own_ids(events, new_id):
                yield event
        except (APIError, AgentsException, TimeoutError):
            self.usage.provider_error()
            result.cancel()
            yield ErrorEvent(code="custom", message=APOLOGY, allow_retry=True)
        if hosted:
            spent = result.context_wrapper.usage
            self.usage.llm_calls(spent.requests, spent.input_tokens, spent.output_tokens)
        for event in shown_now(turn.deferred):
            yield event
        after, _ = await conversation.state_of(thread.id, context)
        if after.token == state.token and not turn.answered:
            async for event in conversation.after_no_progress(thread, context):
                yield event

    def _model_for(self, text: str, brief: Brief) -> Model:
        if self.model is self.offline or not self.hybrid:
            return self.model
        context = brief.nlu_context()
        reading = self.offline.reader.understand(text, context)
        simple = (
            reading.clarify is None
            and reading.confidence >= SURE_ENOUGH
            and reading.intent not in self.never_skipped
            and self.offline.plans.plan(reading, context, brief.flow)
        )
        return self.offline if simple else self.model

    async def _history(self, thread: ThreadMetadata, context: RequestContext) -> list[Any]:
        """The last messages of the thread, oldest first, ending with the shopper's new one."""
        page = await self.store.load_thread_items(thread.id, None, HISTORY_ITEMS, "desc", context)
        messages: list[Any] = []
        for item in reversed(page.data):
            if isinstance(item, UserMessageItem):
                said = " ".join(part.text for part in item.content if part.type == "input_text")
                messages.append({"role": "user", "content": said})
            elif isinstance(item, AssistantMessageItem):
                said = " ".join(part.text for part in item.content)
                messages.append({"role": "assistant", "content": said})
        return messages
