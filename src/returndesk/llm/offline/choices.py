"""Answers picked from a short list: resolution, credit destination, payment method,
return method, yes or no, the retention offer and the hygiene seal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from returndesk.domain.codes import Resolution, ReturnMethod
from returndesk.domain.options import NEW_GIFT_CARD
from returndesk.domain.status_text import one_of
from returndesk.llm.offline.context import PaymentOption
from returndesk.llm.offline.lexicon import words
from returndesk.llm.offline.normalize import Text
from returndesk.llm.offline.references import ordinals

# A choice right after one of these is being turned down: "not a refund, store credit".
_NEGATION = re.compile(
    r"(?:\b(?:not|don't want|do not want|don't need|rather not|instead of|without|never|"
    r"other than|no more)\b(?:\s+(?:a|an|the|any|just|to|get|have|want))*|\bno(?:\s+(?:a|an))?)\s*$"
)


def _negated(clean: str, start: int) -> bool:
    return _NEGATION.search(clean[max(0, start - 30) : start]) is not None


def _said(pattern: re.Pattern[str], clean: str) -> bool:
    """Whether `pattern` occurs at least once without being turned down."""
    return any(not _negated(clean, m.start()) for m in pattern.finditer(clean))


# ---------------------------------------------------------------- resolutions

_STORE_CREDIT = re.compile(
    r"\bstore credit\b|\bshop credit\b|\bcredit\b(?! card)|\bvoucher\b|\bbonus\b"
)
# A gift card is where store credit goes, but also where a refund goes when one paid.
_GIFT_CARD = re.compile(r"\bgift card\b(?! balance)")
_ORIGINAL_PAYMENT = re.compile(
    r"\boriginal (?:payment|method|card|form)\b|\b(?:card|method|way) i (?:paid|used)\b"
    r"|\bi paid (?:with|by|on)\b|\bpaid (?:it )?(?:with|by|on)\b|\b(?:same|the) way i paid\b"
)
_REFUND = re.compile(
    r"\brefund\w*|\bmoney back\b|\bmy money\b|\bthe money\b|\bcash\b|\breimburs\w*"
    r"|\bpay me back\b|\bback to (?:my|the) (?:card|visa|mastercard|amex|paypal|account|"
    r"original|bank)\b"
)
_EXCHANGE = re.compile(
    r"\bexchang\w*|\bswap\w*|\breplace\w*|\btrade\b|\bswitch (?:it|them|this)\b"
    r"|\bdifferent (?:size|colou?r|one|variant|style|model)\b|\banother (?:size|colou?r)\b"
    r"|\b(?:for|in) (?:a|an|the) (?:smaller|bigger|larger) (?:size|one)\b"
)
RESOLUTION_QUESTION = "Would you like a refund, store credit, or an exchange?"
GIFT_CARD_QUESTION = (
    "Would you like a refund to the gift card you paid with, or store credit with a bonus "
    "on a gift card?"
)
NOT_PAID_BY_GIFT_CARD_QUESTION = (
    "A refund goes back to the way you paid; store credit, with a bonus, can go on a gift "
    "card. Which would you like?"
)


@dataclass(frozen=True, slots=True)
class ResolutionFinding:
    resolution: Resolution | None
    question: str | None = None


def find_resolution(text: Text, paid_with: str | None = None) -> ResolutionFinding | None:
    """The resolution the text asks for; `paid_with` is how the order was paid, when known.

    Refund words and "the original payment" choose a refund, "store credit" and
    "bonus" store credit. A gift card alone means store credit, unless the order was
    paid by gift card: then a refund could go there too, and the shopper is asked.
    """
    clean = text.clean
    credit = _said(_STORE_CREDIT, clean)
    refund = _said(_REFUND, clean)
    # "the original payment" asks for a refund, but "the card I paid with" after
    # "store credit on" only says which card.
    original = _said(_ORIGINAL_PAYMENT, clean)
    gift_card = _said(_GIFT_CARD, clean)
    if _said(_EXCHANGE, clean):
        if credit or refund:
            return ResolutionFinding(None, RESOLUTION_QUESTION)
        return ResolutionFinding(Resolution.EXCHANGE)
    if credit and refund:
        return ResolutionFinding(None, RESOLUTION_QUESTION)
    if credit:
        return ResolutionFinding(Resolution.STORE_CREDIT)
    if refund or original:
        if not gift_card or paid_with == "gift_card" or original:
            return ResolutionFinding(Resolution.REFUND)
        if paid_with is None:
            # Not knowing how the order was paid, money onto a gift card is store credit.
            return ResolutionFinding(Resolution.STORE_CREDIT)
        return ResolutionFinding(None, NOT_PAID_BY_GIFT_CARD_QUESTION)
    if gift_card:
        # Choosing between an existing card and a new one is where store credit goes.
        choosing_a_card = _NEW_CARD.search(clean) or _CHOSEN_CARD.search(clean)
        if paid_with == "gift_card" and not choosing_a_card:
            return ResolutionFinding(None, GIFT_CARD_QUESTION)
        return ResolutionFinding(Resolution.STORE_CREDIT)
    return None


_NEW_CARD = re.compile(
    r"\b(?:new|fresh|another|separate|second|brand new|new gift) (?:gift )?card\b|\bnew one\b"
)
_CHOSEN_CARD = re.compile(r"\b(?:existing|current|other|old) (?:gift )?card\b")
_EXISTING_CARD = re.compile(
    r"\b(?:my|existing|current|old|same|the) (?:gift )?card\b|\bgift card i (?:have|already)\b"
    r"|\bcard i (?:have|already)\b|\bmy gift card\b|\bexisting gift card\b|\bthe one i have\b"
)


@dataclass(frozen=True, slots=True)
class PaymentPick:
    method_id: str | None = None
    question: str | None = None


def credit_destination(text: Text, methods: Sequence[PaymentOption]) -> PaymentPick | None:
    """Where store credit goes: an existing gift card of the shopper, or a new one."""
    clean = text.clean
    if _NEW_CARD.search(clean):
        return PaymentPick(NEW_GIFT_CARD)
    if "gift card" not in clean or not _EXISTING_CARD.search(clean):
        return None
    cards = [m for m in methods if m.source == "gift_card"]
    if len(cards) == 1:
        return PaymentPick(cards[0].id)
    if not cards:
        return PaymentPick(NEW_GIFT_CARD)
    return PaymentPick(question="Which gift card: " + _listed(cards) + ", or a new one?")


# ---------------------------------------------------------------- payment methods

_BRANDS = {
    "visa": "visa",
    "mastercard": "mastercard",
    "master": "mastercard",
    "mc": "mastercard",
    "amex": "amex",
    "american express": "amex",
    "discover": "discover",
}
_BRAND = re.compile(r"\b(" + "|".join(sorted(_BRANDS, key=len, reverse=True)) + r")\b")
_LAST_FOUR = re.compile(r"(?<![\d$.#])(\d{4})(?![\d.])")
_PAYPAL = re.compile(r"\bpaypal\b|\bpp\b")
_GIFT = re.compile(r"\bgift card\b|\bstore card\b|\bgift balance\b|\bbalance\b")
_CARD = re.compile(r"\b(?:credit|debit|bank)? ?card\b|\bcredit\b")


def pick_payment(text: Text, methods: Sequence[PaymentOption]) -> PaymentPick | None:
    """The payment method the text names among `methods`; None when it names none."""
    if not methods:
        return None
    clean = text.clean
    digits = [m.group(1) for m in _LAST_FOUR.finditer(clean)]
    if digits:
        matching = [m for m in methods if m.last_four in digits]
        if len(matching) == 1:
            return PaymentPick(matching[0].id)
        return PaymentPick(question=_which_method(methods, f"ending {digits[0]}"))
    brand = _BRAND.search(clean)
    if brand is not None:
        wanted = _BRANDS[brand.group(1)]
        return _only(methods, [m for m in methods if (m.brand or "").lower() == wanted])
    if _PAYPAL.search(clean):
        return _only(methods, [m for m in methods if m.source == "paypal"])
    if _GIFT.search(clean):
        return _only(methods, [m for m in methods if m.source == "gift_card"])
    if _CARD.search(clean):
        return _only(methods, [m for m in methods if m.source == "credit_card"])
    positions = ordinals(text, len(methods))
    if len(positions) == 1:
        return PaymentPick(methods[positions[0]].id)
    return None


def _only(methods: Sequence[PaymentOption], matching: list[PaymentOption]) -> PaymentPick:
    if len(matching) == 1:
        return PaymentPick(matching[0].id)
    return PaymentPick(question=_which_method(matching or methods, ""))


def _which_method(methods: Sequence[PaymentOption], missing: str) -> str:
    prefix = f"I don't see a card {missing}. " if missing else ""
    return f"{prefix}Which one should I use: {_listed(methods)}?"


def describe_payment(method: PaymentOption) -> str:
    if method.source == "credit_card":
        brand = (method.brand or "card").capitalize()
        return f"the {brand} ending {method.last_four}" if method.last_four else f"the {brand}"
    if method.source == "paypal":
        return "PayPal"
    return "the gift card"


def _listed(methods: Sequence[PaymentOption]) -> str:
    return one_of([describe_payment(m) for m in methods])


# ---------------------------------------------------------------- return methods

_METHODS: tuple[tuple[ReturnMethod, re.Pattern[str]], ...] = (
    (
        ReturnMethod.QR_DROP_OFF,
        re.compile(
            r"\bqr\b|\bno printer\b|\b(?:don't|do not|dont) (?:have|own) (?:a |any )?printer\b"
            r"|\bwithout (?:a )?printer\b|\bprinter(?:'s| is)? (?:broken|not working|dead|out)\b"
            r"|\bcan't print\b|\bcannot print\b|\bunable to print\b"
            r"|\bshow (?:a |the |them a )?code\b|\bcode thing\b|\bscan (?:a |the )?code\b"
            r"|\b(?:at|to) (?:a |the )?(?:ups|fedex|usps|dhl|post office|carrier)\b"
            r"|\bcarrier (?:store|location|drop)\b|\bbarcode\b|\b(?:ups|fedex|usps|dhl)\b"
            r"|\b(?:with|using) (?:a |the )?code\b"
        ),
    ),
    (
        ReturnMethod.STORE_DROP_OFF,
        re.compile(
            r"\b(?:drop|bring|take|return|walk|carry)\w* (?:it |them |this |these )?(?:off |back "
            r"|in )?"
            r"(?:at|to|in|into) (?:the |a |one of your |your |a local |local )?(?:store|shop"
            r"|location|branch)s?\b"
            r"|\bin[ -]?store\b|\bin person\b|\bstore drop\b|\bone of your (?:shops|stores)\b"
            r"|\b(?:store|shop) (?:drop off|dropoff|return)\b"
        ),
    ),
    (
        ReturnMethod.SCHEDULE_PICKUP,
        re.compile(
            r"\bpickup\b|\bpick (?:it |them |this |these |the \w+ )?up\b|\bpicked up\b"
            r"|\bcollect\w*|\bcome (?:and )?(?:get|grab|fetch)\b|\bcourier\b"
            r"|\bfrom my (?:house|home|door|place|address|porch|office)\b|\bat my door\b"
        ),
    ),
    (
        ReturnMethod.PREPAID_LABEL,
        re.compile(
            r"\bprint\b|\bprinted\b|\bprepaid\b|\blabel\b|\bmail (?:it|them)\b|\bpost (?:it|them)\b"
            r"|\bship (?:it|them) (?:back )?myself\b|\bshipping label\b"
        ),
    ),
)


def find_method(text: Text) -> ReturnMethod | None:
    clean = text.clean
    for method, pattern in _METHODS:
        if _said(pattern, clean):
            return method
    return None


# ---------------------------------------------------------------- yes and no

_YES_PHRASES = re.compile(
    r"\b(?:sure thing|of course|please do|go ahead|go for it|do it|sounds (?:good|great|perfect|"
    r"fine)|looks (?:good|great|right|fine|perfect|correct)|that works|works for me|why not|"
    r"i accept|let's do it|lets do it|all good|all correct|that's (?:right|correct|fine|perfect)|"
    r"no problem|no worries|place it|submit it|place the (?:return|order)|make it so|"
    r"yes please|go on then|that's it for the return|right on)\b"
)
_YES_WORDS = words(
    """
    yes yeah yea yep yup ya yah yas yass ye y sure ok okay k kk alright absolutely
    definitely certainly correct right confirm confirmed perfect great agreed affirmative
    fine deal done submit proceed accept 👍 ✅ 👌
    """
)
_NO_PHRASES = re.compile(
    r"\b(?:no thanks|no thank you|not really|not yet|not now|i'll pass|not interested|rather not|"
    r"no way|hold on|hang on|never mind|that's all|that's it|that is all|nothing else|all set|"
    r"i'm good|i'm done|i'm fine|we're done|that will be all|that'll be all|none of (?:these|them|"
    r"those)|don't|do not|not right|not correct|nothing|that's everything|that is everything|"
    r"all done)\b"
)
_NO_WORDS = words(
    """
    no nope nah na n negative nay wait stop pass none 👎 ❌
    """
)


def yes_or_no(text: Text) -> bool | None:
    """True for yes, False for no, None when the text says neither (or both)."""
    clean = text.clean
    rest = _YES_PHRASES.sub(" ", clean)
    said_yes = rest != clean or any(w in _YES_WORDS for w in rest.split())
    said_no = _NO_PHRASES.search(rest) is not None or any(w in _NO_WORDS for w in rest.split())
    if said_no:
        return False
    return True if said_yes else None


# ---------------------------------------------------------------- the retention offer

_DECLINE = re.compile(
    r"\b(?:no|nope|nah|pass|decline)\b|not interested|i'll pass|rather (?:return|send|get|have|"
    r"just|not)|(?:continue|go on|proceed|carry on|go ahead) with (?:the |my )?return"
    r"|send (?:it|them) back|just (?:the |a |my )?(?:refund|return)|(?:want|prefer|rather have) "
    r"(?:my |a |the )?(?:money back|refund|store credit|credit)|don't want (?:it|the offer|the "
    r"discount|that)|no thanks|still (?:want to )?return"
)
_ACCEPT = re.compile(
    r"\bkeep (?:it|them|the \w+)\b|\btake (?:it|the (?:offer|discount|deal|exchange|swap))\b"
    r"|\bdeal\b|\bi'll keep\b|\bswap (?:the )?sizes?\b|\baccept\w*\b|\bi'll take\b"
    r"|\b(?:send|get|give) me (?:a|an|the|one)\b|\bexchange (?:the )?sizes?\b|\bdo the (?:swap"
    r"|exchange)\b"
)


def offer_answer(text: Text) -> bool | None:
    """Whether the shopper takes the retention offer on the table."""
    clean = text.clean
    if _DECLINE.search(clean):
        return False
    if _ACCEPT.search(clean):
        return True
    return yes_or_no(text)


# ---------------------------------------------------------------- the hygiene seal

_NOT_OPENED = re.compile(
    r"\b(?:never|not|n't|haven't|hasn't|didn't|wasn't|isn't|havent|didnt|have not|did not|"
    r"has not|was not|is not)\s+(?:been\s+|even\s+|yet\s+)?(?:opened|open|used|unsealed|touched|"
    r"worn|tried)\b"
)
_OPENED = re.compile(
    r"\bopened\b|\bbox is open\b|\bit's open\b|\bseal(?:'s| is| was)? (?:broken|torn|open|off|"
    r"removed)\b|\bbroke the seal\b|\bunsealed\b|\bnot sealed\b|\b(?:used|tried|wore|worn|"
    r"tested) (?:it|them|it out|them out)\b|\bused (?:once|twice|a few|a couple)\b"
)
_UNOPENED = re.compile(
    r"\bun ?opened\b|\bsealed\b|\bseal (?:is )?(?:intact|unbroken|fine|still on)\b|\bunused\b"
    r"|\buntouched\b|\bbrand new\b|\bstill in (?:the )?(?:shrink ?wrap|box|packaging|original|"
    r"plastic|wrapper)|\bshrink ?wrap\w*|\bnever (?:been )?(?:opened|used)\b|\bmint\b"
)


def opened(text: Text) -> bool | None:
    """Whether the hygiene seal is broken (True), intact (False), or not said (None).

    Any sign of opening wins ("the box is open but I never used it" is opened),
    once denials such as "never opened" are set aside.
    """
    clean = text.clean
    denied = _NOT_OPENED.search(clean) is not None
    rest = _NOT_OPENED.sub(" ", clean)
    if _OPENED.search(rest):
        return True
    if denied or _UNOPENED.search(clean):
        return False
    return None


def seal_answer(text: Text) -> bool | None:
    """The shopper's answer to "is the seal still unbroken?" as `opened`."""
    said = opened(text)
    if said is not None:
        return said
    answer = yes_or_no(text)
    return None if answer is None else not answer
