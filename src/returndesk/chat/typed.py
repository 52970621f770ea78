"""Answering typed messages."""

from __future__ import annotations

from collections.abc import AsyncIterator

from chatkit.types import ThreadMetadata, ThreadStreamEvent

from returndesk.chat.context import RequestContext
from returndesk.chat.conversation import Conversation
from returndesk.flow.facts import load_facts


class StepReminder:
    """Answers any typed message with the question the conversation is waiting on."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation

    async def respond(
        self, thread: ThreadMetadata, text: str, context: RequestContext
    ) -> AsyncIterator[ThreadStreamEvent]:
        state, _ = await self.conversation.state_of(thread.id)
        facts = await load_facts(self.conversation.ops, state)
        step = self.conversation.engine.current_step(state, facts)
        async for event in self.conversation.say(thread, context, step.hint):
            yield event
