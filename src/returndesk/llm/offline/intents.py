"""Reading one message: the frame's rules and the registered use cases' cues, in stages.

The order encodes what beats what. Leaving the task (a human, starting over,
going back) beats everything; a shopper's identity comes next; a question
about the policy beats an answer that happens to use the same words ("is
pickup free?"); a request for another task (cancel, status) beats the step at
hand; then the step decides what a bare answer means ("yes" at the offer
accepts it, at the summary confirms). A later message may still change an
earlier answer ("make it store credit instead"). Use cases add their rules at
the stages of `rules.Stage`; the frame's own rules sit between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from returndesk.llm.offline import cues
from returndesk.llm.offline.context import Context, Step
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import CONFIDENT, Intent, PolicyTopic, Reading, SlotValue
from returndesk.llm.offline.rules import (
    GUESS,
    LIKELY,
    SURE,
    UNSURE,
    Cue,
    Rule,
    Stage,
    confirm_or_deny,
)

# Where a second request may begin: "…, and change my address", "… then cancel …".
_SECOND_REQUEST = re.compile(
    r"\s*[,;.]?\s*\b(?:and (?:also|then|i (?:also )?(?:want|need|would like)(?: to)?)|and|also"
    r"|then|plus|after that|as well as)\b\s+",
    re.IGNORECASE,
)
# What a fee question is about, so "how much is the hoverboard" is not one.
_RETURNS_COSTS = re.compile(
    r"\b(?:return|shipping|label|pickup|fee|restocking|refund|postage|exchange)\w*\b"
)
_VERIFY_QUESTION = "Could you tell me your email, or your first and last name with your ZIP code?"
_GENERAL_QUESTION = (
    "Sorry, I didn't catch that. I can start a return or exchange, cancel or change an order "
    "that hasn't shipped, update your address, check an order or a return, or answer a "
    "question about a product. What would you like to do?"
)
# What a request made with the shopper's identity keeps: until verified, no item or payment
# of theirs can be read, but the task, the order or return it names and why can.
_REQUEST_SLOTS = ("order_id", "rma", "reason")
# Intents of the frame, never a request of a use case.
_FRAME_INTENTS = frozenset(intent.value for intent in Intent)


class Reader:
    """`understand(text, context)` → `Reading`, with the cues of the registered use cases."""

    def __init__(self, use_case_cues: Iterable[Cue], requests: Iterable[str] = ()) -> None:
        """`requests`: the intents that start a request, which one message may ask for
        two of ("return the boots and change my address")."""
        self._starting = frozenset(requests)
        cue_list = list(use_case_cues)
        frame: list[tuple[float, Rule]] = [
            (0, self._empty),
            (20, _start_over),
            (21, _go_back),
            (30, self._verify),
            (35, _policy),
            (Stage.STEP, self._step_answer),
            (80, _yes_no),
            (85, _greeting),
        ]
        staged = [(float(cue.stage), cue.rule) for cue in cue_list if cue.stage is not Stage.STEP]
        ordered = sorted([*frame, *staged], key=lambda entry: entry[0])
        self._rules = tuple(rule for _, rule in ordered)
        self._steps = {cue.step: cue.rule for cue in cue_list if cue.stage is Stage.STEP}
        self._questions = {
            cue.step: cue.question for cue in cue_list if cue.step and cue.question is not None
        }
        self._questions[Step.VERIFY.value] = _VERIFY_QUESTION
        with_identity = sorted(
            (cue for cue in cue_list if cue.with_identity), key=lambda c: c.stage
        )
        self._requests = tuple(cue.rule for cue in with_identity)

    def understand(self, text: str, context: Context | None = None) -> Reading:
        """The intent and slots of `text`, read at the step and against the lists in `context`.

        A message asking for two requests one after the other is read as the first, with
        the intent of the second in the slot `then`."""
        context = context or Context()
        # Two requests come at once from outside a request; inside one, "and" joins the
        # parts of an answer ("too small and I'd like a refund").
        if self._starting and context.open_step and _SECOND_REQUEST.search(text):
            two = self._two_requests(text, context)
            if two is not None:
                return two
        return self._read(Message(text, context))

    def _read(self, message: Message) -> Reading:
        for rule in self._rules:
            reading = rule(message)
            if reading is not None:
                return reading
        return self._unknown(message)

    def _two_requests(self, text: str, context: Context) -> Reading | None:
        """Split at each "and", "also", "then": the first split whose two parts each ask
        for a different request, sure of it, wins."""
        for joint in _SECOND_REQUEST.finditer(text):
            first_text, second_text = text[: joint.start()], text[joint.end() :]
            if len(first_text.split()) < 2 or len(second_text.split()) < 2:
                continue
            first = self._read(Message(first_text, context))
            if not self._sure_request(first):
                continue
            second = self._read(Message(second_text, context))
            if self._sure_request(second) and second.intent != first.intent:
                return replace(first, slots={**first.slots, "then": [second.intent]})
        return None

    def _sure_request(self, reading: Reading) -> bool:
        return (
            reading.intent in self._starting
            and reading.clarify is None
            and reading.confidence >= CONFIDENT
        )

    def _empty(self, message: Message) -> Reading | None:
        return self._unknown(message) if message.empty else None

    def _step_answer(self, message: Message) -> Reading | None:
        step = message.context.step
        answer = self._steps.get(step) if step is not None else None
        if answer is not None:
            return answer(message)
        if message.context.confirming or message.context.wrapped_up:
            return confirm_or_deny(message)
        return None

    def _unknown(self, message: Message) -> Reading:
        step = message.context.step
        question = self._questions.get(step, _GENERAL_QUESTION) if step else _GENERAL_QUESTION
        if cues.asks_for_help(message.text):
            question = _GENERAL_QUESTION
        return Reading(Intent.UNKNOWN, confidence=0.2, clarify=question)

    def _verify(self, message: Message) -> Reading | None:
        identity = message.identity
        if identity.email is not None:
            return Reading(Intent.VERIFY, {"email": identity.email, **self._request(message)}, SURE)
        if "address1" in message.address:
            # "12 Oak St, Austin TX 78701" is a street address, not a name and a ZIP code.
            return None
        slots: dict[str, SlotValue] = {
            key: value
            for key, value in (
                ("first_name", identity.first_name),
                ("last_name", identity.last_name),
                ("zip", identity.zip),
            )
            if value is not None
        }
        if identity.complete:
            return Reading(Intent.VERIFY, slots | self._request(message), LIKELY)
        if identity.partial and message.context.awaits_identity:
            missing = "your ZIP code" if identity.zip is None else "your first and last name"
            if identity.first_name is not None and identity.last_name is None:
                missing = "your last name" + (" and ZIP code" if identity.zip is None else "")
            return Reading(
                Intent.VERIFY, slots, UNSURE, clarify=f"Thanks! Could you also give me {missing}?"
            )
        return None

    def _request(self, message: Message) -> dict[str, SlotValue]:
        """ "I'd like to return something from #W…, I'm Yusuf Rossi, 19122": the request
        besides the identity, as `request` and its order or return."""
        if message.step not in (None, Step.VERIFY):
            return {}
        as_at_menu = Message(message.text.raw, replace(message.context, step=Step.MENU.value))
        for rule in self._requests:
            reading = rule(as_at_menu)
            if (
                reading is not None
                and reading.clarify is None
                and reading.intent not in _FRAME_INTENTS
            ):
                kept = {key: reading.slots[key] for key in _REQUEST_SLOTS if key in reading.slots}
                return {"request": reading.intent, **kept}
        return {}


def _start_over(message: Message) -> Reading | None:
    if cues.wants_start_over(message.text):
        return Reading(Intent.START_OVER, confidence=SURE)
    return None


def _go_back(message: Message) -> Reading | None:
    if cues.wants_go_back(message.text):
        return Reading(Intent.GO_BACK, confidence=SURE)
    return None


def _policy(message: Message) -> Reading | None:
    topic = cues.policy_topic(message.text)
    if topic is None:
        return None
    if message.order_ids and cues.asks_status(message.text):
        # "what's in order #W… and how did I pay for it?" asks about that order.
        return None
    product = message.product
    if (
        topic is PolicyTopic.FEES
        and product is not None
        and (product.known or not message.text.has(_RETURNS_COSTS))
        and not cues.asks_return(message.text)
    ):
        # "how much is the smart watch" asks the catalogue, not what returns cost.
        return None
    return Reading(Intent.POLICY_QUESTION, {"topic": topic.value}, LIKELY)


def _yes_no(message: Message) -> Reading | None:
    # Away from a question that takes one, a bare yes or no is only a guess.
    return confirm_or_deny(message, GUESS)


def _greeting(message: Message) -> Reading | None:
    return Reading(Intent.GREETING, confidence=SURE) if cues.is_greeting(message.text) else None
