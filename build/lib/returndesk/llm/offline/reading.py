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
    VERIFY = "verify"
    START_RETURN = "start_return"
    SELECT_ITEMS = "select_items"
    GIVE_REASON = "give_reason"
    GIVE_NOTE = "give_note"
    ANSWER_HYGIENE = "answer_hygiene"
    ANSWER_OFFER = "answer_offer"
    CHOOSE_RESOLUTION = "choose_resolution"
    CHOOSE_VARIANT = "choose_variant"
    CHOOSE_PAYMENT_METHOD = "choose_payment_method"
    CHOOSE_METHOD = "choose_method"
    CONFIRM = "confirm"
    DENY = "deny"
    GO_BACK = "go_back"
    START_OVER = "start_over"
    CANCEL_ORDER = "cancel_order"
    CANCEL_RETURN = "cancel_return"
    STATUS = "status"
    POLICY_QUESTION = "policy_question"
    HANDOFF = "handoff"
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
    intent: Intent
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
            "intent": self.intent.value,
            "slots": {key: _copy(value) for key, value in self.slots.items()},
            "confidence": self.confidence,
            "clarify": self.clarify,
        }


def _copy(value: SlotValue) -> SlotValue:
    return list(value) if isinstance(value, list) else value
