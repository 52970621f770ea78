"""The deterministic offline language understanding: shopper message in, intent and slots out.

reader = Reader(cues)  # the cues of the registered use cases
reading = reader.understand("the blue one, it's too small", Context(step="choose_items", ...))
reading.intent  # "select_items", the event it asks for
reading.slots   # {"item_refs": ["#W9609649:2"], "reason": "SIZE_TOO_SMALL"}
"""

from returndesk.llm.offline.context import (
    Context,
    ItemOption,
    OfferKind,
    PaymentOption,
    ProductOption,
    Step,
    VariantOption,
)
from returndesk.llm.offline.intents import Reader
from returndesk.llm.offline.reading import Intent, PolicyTopic, Reading, SlotValue

__all__ = [
    "Context",
    "Intent",
    "ItemOption",
    "OfferKind",
    "PaymentOption",
    "PolicyTopic",
    "ProductOption",
    "Reader",
    "Reading",
    "SlotValue",
    "Step",
    "VariantOption",
]
