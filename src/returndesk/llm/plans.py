"""From a reading of the shopper's message to the tool calls that carry it out.

This is what the offline model "decides": the same calls, with the same
arguments, that a hosted model would make from the brief. Several facts in
one message become several calls, made one after another. A use case's
intent is planned by its planner, or else as one call of the tool of the
same name with the reading's slots as arguments.
"""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.llm.offline.context import Context
from returndesk.llm.offline.reading import Intent, Reading
from returndesk.llm.offline.rules import Planner, ToolCall, slot

_IDENTITY = ("email", "first_name", "last_name", "zip")


class Plans:
    def __init__(self, planners: Mapping[str, Planner]) -> None:
        self._planners = planners

    def plan(self, reading: Reading, context: Context, flow: str) -> list[ToolCall]:
        """The calls for `reading` in `context` of `flow`; empty when there is nothing to do."""
        then = slot(reading, "then")
        if then:
            # Two requests in one message: the first now, the next noted for after it.
            first = Reading(
                reading.intent,
                {k: v for k, v in reading.slots.items() if k != "then"},
                reading.confidence,
                reading.clarify,
            )
            return [
                *self.plan(first, context, flow),
                ToolCall("queue_requests", {"requests": then}),
            ]
        planner = self._planners.get(reading.intent)
        if planner is not None:
            return planner(reading, context, flow)
        if reading.clarify is not None:
            return []
        match reading.intent:
            case Intent.VERIFY:
                calls = []
                request = slot(reading, "request")
                if request:
                    # Asked first, the request waits for the verification that follows and
                    # then goes ahead, as when the shopper asks before giving their details.
                    # Only the event that starts it can wait: what follows needs the account.
                    kept = (*_IDENTITY, "request")
                    details = {k: v for k, v in reading.slots.items() if k not in kept}
                    calls += self.plan(Reading(str(request), details), context, flow)[:1]
                verify = ToolCall(Intent.VERIFY, {key: slot(reading, key) for key in _IDENTITY})
                return [*calls, verify]
            case Intent.CONFIRM:
                return [ToolCall("confirm", {})] if context.confirming else []
            case Intent.DENY:
                if context.confirming:
                    return [ToolCall(context.if_declined or Intent.START_OVER, {})]
                return []
            case Intent.GO_BACK | Intent.START_OVER:
                return [ToolCall(reading.intent, {})]
            case Intent.POLICY_QUESTION:
                return [ToolCall("policy_question", {"topic": slot(reading, "topic") or "other"})]
            case Intent.GREETING | Intent.UNKNOWN:
                return []
            case _:
                return [ToolCall(reading.intent, dict(reading.slots))]
