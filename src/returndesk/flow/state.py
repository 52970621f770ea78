"""A thread's conversation state: what the shopper has told us so far.

It holds references (order ids, line numbers, codes) and never facts such as
prices or eligibility, which are derived again from the database each turn.
Stored as JSON per thread with a version number. Each flow keeps its answers
under its own name, in a model its use case declares, so a new request type
adds its answers without touching this module.
"""

from __future__ import annotations

import secrets
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny, model_validator


def new_token() -> str:
    return secrets.token_urlsafe(12)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Answers(BaseModel):
    """A flow's answers. Subclasses name their flow in `flow` and forbid unknown keys;
    this base keeps, unread, the stored answers of a flow no use case has asked for yet."""

    model_config = ConfigDict(extra="allow")
    flow: ClassVar[str] = ""


AnswersT = TypeVar("AnswersT", bound=Answers)


class PendingRequest(_Model):
    """A request made before verification: its event's name and arguments."""

    event: str
    arguments: dict[str, str | None] = Field(default_factory=dict)


# Stored states written before answers were kept per flow held one field per flow.
_FIELDS_BEFORE_ANSWERS_BY_FLOW = {
    "returns": "return",
    "cancel_order": "cancel_order",
    "cancel_return": "cancel_return",
    "status": "status",
    "handoff": "handoff",
}


class FlowState(_Model):
    flow: str
    customer_id: str | None = None
    # Changes with every accepted event; a click drawn with an older token is stale.
    token: str = Field(default_factory=new_token)
    # The widget that currently accepts clicks; older widgets are locked.
    widget_item_id: str | None = None
    # Each flow's answers, by flow name; only the current request's are ever non-empty.
    answers_by_flow: dict[str, SerializeAsAny[Answers]] = Field(default_factory=dict)
    # Step ids visited in the current flow, newest last, so "go back" knows where to go.
    trail: list[str] = Field(default_factory=list)
    pending: PendingRequest | None = None
    # Requests asked for in the same message as the current one, by the events that start
    # them: each starts when the one before is over.
    queued: list[str] = Field(default_factory=list)
    # Typed turns in a row that changed nothing: the question is not working as asked.
    unanswered: int = 0

    @model_validator(mode="before")
    @classmethod
    def _answers_by_flow(cls, data: Any) -> Any:
        if not isinstance(data, dict) or not _FIELDS_BEFORE_ANSWERS_BY_FLOW.keys() & data:
            return data
        data = dict(data)
        by_flow = dict(data.get("answers_by_flow") or {})
        for field_name, flow in _FIELDS_BEFORE_ANSWERS_BY_FLOW.items():
            stored = data.pop(field_name, None)
            if isinstance(stored, dict) and stored:
                by_flow.setdefault(flow, stored)
        data["answers_by_flow"] = by_flow
        return data

    def answers(self, kind: type[AnswersT]) -> AnswersT:
        """The answers of `kind`'s flow, in that model; empty ones when none are kept."""
        found = self.answers_by_flow.get(kind.flow)
        if isinstance(found, kind):
            return found
        upgraded = kind.model_validate(found.model_dump() if found is not None else {})
        self.answers_by_flow[kind.flow] = upgraded
        return upgraded

    def replace_answers(self, answers: Answers) -> None:
        self.answers_by_flow[answers.flow] = answers

    def forget_answers(self, kind: type[Answers], names: tuple[str, ...]) -> None:
        """Put the named answers of `kind`'s flow back to their defaults."""
        answers = self.answers(kind)
        blank = kind()
        for name in names:
            setattr(answers, name, getattr(blank, name))

    def reset_answers(self) -> None:
        self.answers_by_flow = {}
        self.trail = []

    def enter(self, flow: str) -> None:
        """Begin `flow` afresh: nothing answered, nowhere to go back to."""
        self.reset_answers()
        self.flow = flow
