"""What a shopper's message means: an intent, the slots it fills, and how sure we are."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

# Slot values stay JSON-able so a reading can be logged or sent as a tool call as is.
SlotValue = str | int | bool | list[str]
Slots = Mapping[str, SlotValue]

# Below this a reading is a guess; a reading that asks back is always below it.
CONFIDENT = 0.5


class Intent(StrEnum):
    """The frame's intents. A use case's intent is the name of the event it asks for."""

    VERIFY = "verify"
    CONFIRM = "confirm"
    DENY = "deny"
    GO_BACK = "go_back"
    START_OVER = "start_over"
    POLICY_QUESTION = "policy_question"
    GREETING = "greeting"
    UNKNOWN = "unknown"


class PolicyTopic(StrEnum):
    WINDOWS = "windows"
    FEES = "fees"
    REFUND_TIMING = "refund_timing"
    EXCHANGES = "exchanges"
    METHODS = "methods"
    FINAL_SALE = "final_sale"
    HYGIENE = "hygiene"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Reading:
    # An `Intent`, or the name of the event a use case's cue read.
    intent: str
    slots: Slots = field(default_factory=lambda: MappingProxyType({}))
    confidence: float = 1.0
    # A short question to ask back; when set, slots hold no guessed change.
    clarify: str | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence out of range: {self.confidence}")
        if self.clarify is not None and self.confidence >= CONFIDENT:
            object.__setattr__(self, "confidence", min(self.confidence, CONFIDENT - 0.1))
        if not isinstance(self.slots, MappingProxyType):
            object.__setattr__(self, "slots", MappingProxyType(dict(self.slots)))

    def to_json(self) -> dict[str, object]:
        return {
            "intent": str(self.intent),
            "slots": {key: _copy(value) for key, value in self.slots.items()},
            "confidence": self.confidence,
            "clarify": self.clarify,
        }


def _copy(value: SlotValue) -> SlotValue:
    return list(value) if isinstance(value, list) else value
