"""Words that ask for a task or a move in the conversation, whatever the step.

A human, starting over, going back, a greeting, cancelling, a status, a
return, and the topic of a policy question.
"""

from __future__ import annotations

import re

from returndesk.llm.offline.normalize import Text
from returndesk.llm.offline.reading import PolicyTopic

_HANDOFF = re.compile(
    r"\bhuman\b|\breal (?:person|people|human|agent)\b|\blive (?:agent|person|chat|support)\b"
    r"|\b(?:an |the |a )?agent\b|\brepresentative\b|\brep\b|\boperator\b|\bsupervisor\b"
    r"|\bmanager\b|\bsomeone (?:real|else|in charge)\b|\b(?:speak|talk|chat) (?:to|with) "
    r"(?:someone|somebody|a person|anyone|a human|an agent|staff|support)\b|\bcall me\b"
    r"|\bphone me\b|\bcustomer (?:service|support|care)\b|\bhandoff\b|\bescalate\b"
    r"|\bactual (?:person|people|human|agent)\b"
)
# Requests this assistant cannot serve; a person can.
_OUT_OF_SCOPE = re.compile(
    r"\b(?:change|update|modify|edit|correct|fix)\b.{0,25}\b(?:delivery date|shipping speed)\b"
    r"|\badd (?:an )?item to\b"
)
_START_OVER = re.compile(
    r"\bstart (?:over|again|afresh|fresh|from (?:scratch|the (?:beginning|top)))\b|\brestart\b"
    r"|\bfrom scratch\b|\breset\b|\bbegin again\b|\bstart a new (?:conversation|chat)\b"
    r"|\bclear (?:everything|it all)\b"
)
_GO_BACK = re.compile(
    r"\bgo(?:ing)? back\b|\bback up\b|\bstep back\b|\bprevious (?:step|question|screen|page)\b"
    r"|\bundo\b|\btake me back\b|\bone step back\b|^back(?: please)?$"
)
# "I picked the wrong item": the shopper wants to redo an earlier step.
_REDO = re.compile(
    r"\b(?:picked|chose|selected|clicked|choose|pick) the wrong (?:item|one|thing)s?\b"
)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|howdy|yo|heya|sup|good (?:morning|afternoon|evening|day)|greetings"
    r"|hey there|hi there|hello there|hey hey|morning|evening)(?: there| again| team| all)?"
    r"[\W_]*$"
)

_CANCEL = re.compile(r"\bcancel\w*")
_NEGATED_CANCEL = re.compile(
    r"\b(?:don't|do not|not|never|no need to|won't|shouldn't)\b(?:\s+\w+){0,3}\s+cancel\w*"
    r"|\bno cancel\w*"
)
_ORDER_WORD = re.compile(r"\borders?\b|\bpurchase\b")
_RETURN_WORD = re.compile(r"\breturns?\b|\brma\b|\bthe refund\b")
_STATUS = re.compile(
    r"\bwhere(?:'s| is| are)? (?:my|the|is my|are my|is the|are the)\b|\bwhere's my\b"
    r"|\bwhere(?:'s| is| are) (?:my |the |that |this )?(?:order|package|parcel|return|stuff|"
    r"refund|delivery|shipment)s?\b|\bstatus\b|\btrack\w*|\bshipped yet\b|\bhas (?:it|my \w+"
    r"|the \w+) (?:shipped|arrived|"
    r"been)\b|\b(?:has|have|is|was) (?:my |the )?(?:refund|return|order|package|parcel)s? "
    r"(?:been )?(?:processed|shipped|received|delivered|approved|arrived|sent|out)\b"
    r"|\bwhen (?:will|does|is) (?:it|my (?:order|package|parcel|stuff)) (?:arrive|ship|come|get)"
    r"|\bany (?:news|update)\b|\bupdate on\b|\bwhat(?:'s| is) (?:happening|going on) with\b"
    r"|\bwhat happened (?:to|with)\b|\bcheck (?:on )?(?:my |an |the )?(?:order|return)s?\b"
    r"|\bdetails? (?:of|for|on|about) (?:my |the |this |that )?order\b|\border details\b"
    r"|\bwhat(?:'s| is| was) in (?:my |the |this |that )?order\b|\bhow did i pay\b"
    r"|\bwhere (?:my |the |this |that )?(?:order|package|parcel|return)\b"
)
_RETURN = re.compile(
    r"\breturn\w*|\bsend (?:\w+ ){0,3}back\b|\bship (?:\w+ ){0,2}back\b|\bexchang\w*|\bswap\w*"
    r"|\brefund\w*|\bmoney back\b|\bbring (?:\w+ ){0,2}back\b|\bgive (?:\w+ ){0,2}back\b"
    r"|\breplac\w*|\bsame (?:one|ones|pair|thing|item) again\b"
    r"|\b(?:get|send me|have) (?:a new one|another one)\b"
)
_REQUEST_HELP = re.compile(
    r"^(?:i need help|help|help me|can you help(?: me)?|i have a (?:problem|question))[\s!.?]*$"
)

_TOPICS: tuple[tuple[PolicyTopic, re.Pattern[str]], ...] = (
    (
        PolicyTopic.HYGIENE,
        re.compile(
            r"\b(?:opened|unsealed|seal|hygien\w*|used)\b|\b(?:perfume|makeup|earbuds)\b.*\bopen"
        ),
    ),
    (
        PolicyTopic.REFUND_TIMING,
        re.compile(
            r"\b(?:refunds?|money|credit)\b.{0,40}\b(?:take|takes|arrive|hit|show up|come|fastest|"
            r"quickest|soonest|how long|instant|immediate|right away|straight away|quick)\b"
            r"|\bwhen (?:will|do|does|would|can) (?:i|my|the) (?:get|see|receive|refund|money)"
            r"|\bhow (?:long|soon|fast|quickly)\b.{0,30}\b(?:refunds?|money|credit)\b"
            r"|\bwhen (?:does|will|do) (?:my |the )?refund"
        ),
    ),
    (
        PolicyTopic.FINAL_SALE,
        re.compile(r"\bfinal sale\b|\bsale items?\b|\bclearance\b|\bon sale\b|\bfinal\b"),
    ),
    (
        PolicyTopic.FEES,
        re.compile(
            # "pay for order #W…" is paying an order, not a fee.
            r"\bfees?\b|\bcharge\w*|\bcosts?\b|\bfree\b|\brestocking\b"
            r"|\bpay for\b(?! (?:the |my |this |that )?(?:pending )?orders?\b| #?w\d)"
            r"|\bhow much (?:does|will|is|do)\b"
        ),
    ),
    (
        PolicyTopic.WINDOWS,
        re.compile(
            r"\bhow (?:long|many days|much time)\b|\breturn window\b|\bdeadline\b|\btoo late\b"
            r"|\btime limit\b|\bstill return\b|\bdays\b|\bwindow\b|\bexpire\w*"
        ),
    ),
    (
        PolicyTopic.EXCHANGES,
        re.compile(
            r"\bhow (?:do|does|would) (?:an |the )?exchanges? work\b|\bexchange policy\b"
            r"|\bexchange\w* (?:it )?for (?:a |an )?(?:completely |totally |entirely )?"
            r"different (?:product|item|thing)\b|\bexchanges?\b.*\bwork\b"
        ),
    ),
    (
        PolicyTopic.METHODS,
        re.compile(
            r"\b(?:what|which) (?:are|is|'re) (?:my|the) options\b|\bwhat are my options\b"
            r"|\bhow (?:do|can|should|would) i (?:send|ship|get|mail|return) (?:it|this|them"
            r"|\w+) back\b"
            r"|\bwhere (?:can|do|should|would) i (?:drop|take|bring|send|ship)\b"
            r"|\bhow does (?:the )?(?:qr|code|pickup|label|drop off)\b|\b(?:qr|code|pickup"
            r"|label)\b.*\bwork\b"
            r"|\bways to (?:return|send)\b"
        ),
    ),
    (
        PolicyTopic.OTHER,
        re.compile(
            r"\bpolic(?:y|ies)\b|\bwhy do you need\b|\bdifference between\b|\bwhy (?:do|does|is|are"
            r"|"
            r"can't)\b|\bhow does (?:this|it) work\b"
        ),
    ),
)


def wants_handoff(text: Text) -> bool:
    return text.has(_HANDOFF) or text.has(_OUT_OF_SCOPE)


def wants_start_over(text: Text) -> bool:
    return text.has(_START_OVER)


def wants_go_back(text: Text) -> bool:
    return text.has(_GO_BACK)


def picked_wrong(text: Text) -> bool:
    return text.has(_REDO)


def is_greeting(text: Text) -> bool:
    return text.has(_GREETING)


def asks_for_help(text: Text) -> bool:
    return text.has(_REQUEST_HELP)


def mentions_cancel(text: Text) -> bool:
    return text.has(_CANCEL)


def refuses_cancel(text: Text) -> bool:
    """ "don't cancel", "I don't want to cancel anything"."""
    return text.has(_NEGATED_CANCEL)


def names_order(text: Text) -> bool:
    return text.has(_ORDER_WORD)


def names_return(text: Text) -> bool:
    return text.has(_RETURN_WORD)


def asks_status(text: Text) -> bool:
    return text.has(_STATUS)


def asks_return(text: Text) -> bool:
    return text.has(_RETURN)


def policy_topic(text: Text) -> PolicyTopic | None:
    """The policy topic a question is about, or None when the text is not a policy question.

    Only questions count: "is pickup free?" asks about fees, "pickup" picks a method.
    """
    if not text.is_question and "policy" not in text.clean:
        return None
    for topic, pattern in _TOPICS:
        if text.has(pattern):
            return topic
    return None
