"""The deterministic offline language understanding: shopper message in, intent and slots out.

reading = understand("the blue one, it's too small", Context(step="choose_items", items=...))
reading.intent  # Intent.SELECT_ITEMS
reading.slots   # {"item_refs": ["#W9609649:2"], "reason": "SIZE_TOO_SMALL"}
"""

from returndesk.llm.offline.context import (
    Context,
    ItemOption,
    OfferKind,
    PaymentOption,
    Step,
    VariantOption,
)
from returndesk.llm.offline.nlu import understand
from returndesk.llm.offline.reading import Intent, PolicyTopic, Reading, SlotValue

__all__ = [
    "Context",
    "Intent",
    "ItemOption",
    "OfferKind",
    "PaymentOption",
    "PolicyTopic",
    "Reading",
    "SlotValue",
    "Step",
    "VariantOption",
    "understand",
]
