"""How the offline model reads a request to switch items of an order not shipped yet.

Items of a delivered order are returned or exchanged (the returns request); this
one reads only lines of pending orders, which the brief lists apart.
"""

from __future__ import annotations

import re

from returndesk.llm.offline import cues
from returndesk.llm.offline.context import ItemOption
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.normalize import Text, singular
from returndesk.llm.offline.products import asked_options
from returndesk.llm.offline.reading import Reading, SlotValue
from returndesk.llm.offline.rules import (
    LIKELY,
    SURE,
    UNSURE,
    Cue,
    Stage,
    confirm_or_deny,
    named_order,
)
from returndesk.llm.offline.variants import exchange_target, pick_variant
from returndesk.usecases.item_change.events import StartItemChange

ORDER_STEP = "items_order"
LINES_STEP = "items_lines"
VARIANT_STEP = "items_variant"
COMPLETE_STEP = "items_complete"
PAYMENT_STEP = "items_payment"
SUMMARY_STEP = "items_summary"

_CHANGE = re.compile(
    r"\b(?:change|changing|switch|swap|exchange|modify|update|replace)\w*\b"
    r"|\binstead\b|\brather than\b"
)
# What the shopper asks for comes before "instead of the black one".
_INSTEAD = re.compile(r"\b(?:instead of|rather than)\b.*$")
_NOT_SHIPPED = re.compile(
    r"\bpending\b|\b(?:hasn't|has not|hasnt|haven't|not|hasn't yet|not yet) (?:been )?"
    r"(?:shipped|sent|arrived|delivered|received)\b|\bbefore it (?:ships|goes out|is sent)\b"
    r"|\bjust (?:ordered|bought|placed)\b|\bnot shipped\b"
)
_DELIVERED = re.compile(r"\b(?:got|received|arrived|delivered|came)\b")
_ITEMS = re.compile(r"\b(?:items?|products?|sizes?|colou?rs?|orders?)\b")
_CHANGE_ORDER = re.compile(
    r"\b(?:change|modify|update|edit)\w* (?:the |my |some )?(?:items?|products?|order)\b"
)
_NOTHING_MORE = re.compile(
    r"\b(?:that's|that is|thats) (?:all|everything|it)\b|\bnothing (?:else|more)\b"
    r"|\ball (?:done|set)\b|\b(?:just|only) (?:that|this|those|these|the one)\b"
)
# Other requests about a pending order, which their repositories requests read.
_OTHER_REQUEST = re.compile(
    r"\baddress\b|\bpay(?:ment|ing|s)?\b|\bcharge\b|\b(?:ship|send|deliver)\b(?: \S+){0,3} to\b"
)


def _pending_orders(message: Message) -> frozenset[str]:
    return frozenset(item.order_id for item in message.context.changeable_items)


def _wanted(message: Message, item: ItemOption) -> tuple[str, ...]:
    """The options asked for the new variant: "for a size 9", "in black rather than white",
    "to 256GB" (any value the catalogue's product takes that the line has not)."""
    target = exchange_target(message.text)
    clean = _INSTEAD.sub("", target.clean).strip()
    wanted = Text(target.raw, clean, tuple(clean.split()))
    pick = pick_variant(wanted, (), item)
    if pick is not None and pick.options:
        return pick.options
    product = next((p for p in message.context.products if p.name == item.name), None)
    if product is None:
        return ()
    current = {f"{name}={value}" for name, value in item.options.items()}
    return tuple(option for option in asked_options(wanted, product) if option not in current)


def _slots(message: Message, refs: tuple[str, ...]) -> dict[str, SlotValue]:
    slots: dict[str, SlotValue] = {}
    pending = _pending_orders(message)
    named = [order_id for order_id in message.order_ids if order_id in pending]
    if named:
        slots["order_id"] = named[0]
    if refs:
        slots["item_refs"] = list(refs)
    if len(refs) == 1:
        item = next(i for i in message.context.changeable_items if i.ref == refs[0])
        options = _wanted(message, item)
        if options:
            slots["variant_options"] = list(options)
    return slots


def _changeable_lines(message: Message) -> tuple[str, ...]:
    """The pending lines named; when the picker is unsure ("the luggage set in red" is not
    the silver one ordered: the red describes the new one), the one line named by its
    product's name."""
    pick = message.changeable
    if pick.refs or pick.question is None:
        return pick.refs
    said = set(message.text.words)
    candidates = message.context.changeable_items
    if message.order_ids:
        candidates = tuple(i for i in candidates if i.order_id in message.order_ids)
    named = [i.ref for i in candidates if _head(i.name) in said or f"{_head(i.name)}s" in said]
    return (named[0],) if len(named) == 1 else ()


def _by_name(message: Message, refs: tuple[str, ...]) -> bool:
    """Whether the message says the name of a picked line's product ("kettle")."""
    said = set(message.text.words)
    items = (*message.context.items, *message.context.changeable_items)
    names = {item.name for item in items if item.ref in refs}
    return any(_head(name) in said or f"{_head(name)}s" in said for name in names)


def _head(name: str) -> str:
    """The word a product is called by: "Electric Kettle" → "kettle"."""
    return singular(name.lower().split()[-1])


def _asks_for_item_change(message: Message) -> Reading | None:
    text = message.text
    if not text.has(_CHANGE) or text.has(_OTHER_REQUEST) or cues.mentions_cancel(text):
        return None
    if message.address or (message.payment is not None and message.payment.method_id):
        return None
    pending = _pending_orders(message)
    named_pending = any(order_id in pending for order_id in message.order_ids)
    if not (message.context.open_step or named_pending):
        # Inside another request, its repositories words ("meant to get a different keyboard")
        # are an answer there, not a new request.
        return None
    if message.order_ids and not named_pending:
        # "Change the items in #W…" of an order that can't change: it hears why.
        if text.has(_CHANGE_ORDER) and not text.has(_DELIVERED):
            return Reading(StartItemChange.name, {"order_id": message.order_ids[0]}, LIKELY)
        return None
    changeable, returnable = _changeable_lines(message), message.items.refs
    if returnable and _by_name(message, changeable) and not _by_name(message, returnable):
        # "the kettle" names a pending line; a delivered one only matched its options.
        returnable = ()
    not_shipped = text.has(_NOT_SHIPPED) and not text.has(_DELIVERED)
    if named_pending or (changeable and (not returnable or not_shipped)):
        return Reading(
            StartItemChange.name, _slots(message, changeable), SURE if named_pending else LIKELY
        )
    if not changeable and not returnable and (not_shipped and text.has(_ITEMS)):
        return Reading(StartItemChange.name, {}, LIKELY)
    if not returnable and text.has(_CHANGE_ORDER) and not text.has(_DELIVERED):
        # "change the items in my order": which order, the picker asks.
        return Reading(StartItemChange.name, {}, LIKELY)
    return None


def _choose_order(message: Message) -> Reading | None:
    order = named_order(message)
    if order is None:
        return None
    return Reading(StartItemChange.name, {"order_id": order}, LIKELY)


def _choose_lines(message: Message) -> Reading | None:
    refs = _changeable_lines(message)
    pick = message.changeable
    if not refs and pick.question is not None:
        return Reading(StartItemChange.name, confidence=UNSURE, clarify=pick.question)
    if not refs:
        return None
    return Reading(StartItemChange.name, _slots(message, refs), LIKELY)


def _choose_variant(message: Message) -> Reading | None:
    context = message.context
    current = next(
        (
            i
            for i in context.changeable_items
            if context.variants and i.ref == context.variants[0].for_ref
        ),
        None,
    )
    pick = pick_variant(message.text, context.variants, current)
    if pick is None:
        return None
    if pick.question is not None:
        return Reading(StartItemChange.name, confidence=UNSURE, clarify=pick.question)
    if pick.item_id is not None:
        return Reading(StartItemChange.name, {"item_id": pick.item_id}, LIKELY)
    if pick.options:
        return Reading(StartItemChange.name, {"variant_options": list(pick.options)}, LIKELY)
    return None


def _everything(message: Message) -> Reading | None:
    # "That's all" answers "anything else?" with no, and "is that everything?" with yes.
    answer = True if message.text.has(_NOTHING_MORE) else message.yes_no
    if answer is None:
        return None
    if answer:
        return Reading(StartItemChange.name, {"complete": True}, LIKELY)
    question = "Which other items would you like to change? Tick them on the card."
    return Reading(StartItemChange.name, confidence=UNSURE, clarify=question)


def _difference_method(message: Message) -> Reading | None:
    pick = message.payment
    if pick is None:
        return None
    if pick.method_id is None:
        return Reading(StartItemChange.name, confidence=UNSURE, clarify=pick.question)
    return Reading(StartItemChange.name, {"payment_method_id": pick.method_id}, LIKELY)


CUES: tuple[Cue, ...] = (
    Cue(_asks_for_item_change, Stage.ANOTHER_TASK, with_identity=True),
    Cue(_choose_order, Stage.STEP, ORDER_STEP, "Which order has the items you want to change?"),
    Cue(_choose_lines, Stage.STEP, LINES_STEP, "Which items would you like to change?"),
    Cue(_choose_variant, Stage.STEP, VARIANT_STEP, "What would you like instead?"),
    Cue(_everything, Stage.STEP, COMPLETE_STEP, "Is that everything you want to change?"),
    Cue(
        _difference_method,
        Stage.STEP,
        PAYMENT_STEP,
        "Which payment method should settle the price difference?",
    ),
    Cue(confirm_or_deny, Stage.STEP, SUMMARY_STEP, "Shall I change the items?"),
)
