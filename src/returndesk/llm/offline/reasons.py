"""Why a shopper returns an item, or cancels an order, from their own words.

Reasons are tried in a fixed order because wordings overlap: "you sent the
wrong colour" is a wrong item before it is a colour complaint, "smaller than
the pictures" is not-as-described before it is a size, and "arrived broken"
is damage in transit before it is a defect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from returndesk.domain.codes import ReasonCode
from returndesk.llm.offline.normalize import Text

_NT = r"(?:n't|not|nt)"
_ARRIVAL = (
    r"(?:arrived|arrive|came|come|got here|showed up|delivered|out of the box|in the box|"
    r"on arrival|when i opened|during (?:shipping|delivery|transit)|in (?:transit|shipping)|"
    r"shipping|package|packaging|the box)"
)
_HUES = (
    r"(?:red|green|blue|black|white|grey|gray|pink|purple|yellow|orange|brown|beige|navy|silver"
    r"|gold)"
)
_HARM = (
    r"(?:crack(?:ed|s|ing)?\b|broke\w*|damag\w*|dent\w*|scratch\w*|smash\w*|shatter\w*|torn|rip\w*|"
    r"crush\w*|bent|chipped|leak\w*|dead|gash\w*|hole\w*|scuff\w*|tear\b|split)"
)

_PATTERNS: tuple[tuple[ReasonCode, re.Pattern[str]], ...] = (
    (
        ReasonCode.WRONG_ITEM,
        re.compile(
            r"\bwrong (?:item|one|thing|product|size|colou?r|model|order|package|shirt|\w+) "
            r"(?:was |were )?(?:sent|shipped|delivered|arrived|came)"
            r"|\b(?:sent|shipped|gave|delivered|got|received)(?: me| us)? (?:the |a |an )?wrong\b"
            r"|^wrong (?:item|product|thing)s?$"
            r"|\bnot what i (?:ordered|bought|paid for)\b"
            r"|\bordered (?:a |an |the )?[\w\s]{1,25}? but (?:got|received|you sent|they sent|it's)"
            r"|\b(?:someone else's|somebody else's)\b"
            r"|\bdifferent (?:item|product|model) than (?:i )?ordered\b"
            r"|\bwrong item\b"
            r"|^wrong (?:colou?r|size|model|item|product|one|thing|version)\b"
            r"|\b(?:didn't|did not|never) (?:order|ordered|buy|bought) (?:this|that|these|it"
            r"|them)\b"
            r"|\b(?:isn't|is not|aren't|are not|wasn't|weren't) (?:the (?:one|ones|item|items"
            r"|thing|things) |what )?(?:i|we) (?:ordered|bought)\b"
            r"|\b(?:got|received|sent me|came in|arrived in) (?:a |an |the )?[\w\s-]{1,20}? "
            r"instead of\b"
        ),
    ),
    (
        ReasonCode.COLOR,
        re.compile(
            r"\bcolou?r\b.{0,30}\b(?:off|wrong|different|nothing like|not (?:the same|what|as)|"
            r"ugl\w*|weird|dull|faded|darker|lighter|brighter|looks)\b"
            r"|\b(?:don't|do not|didn't) (?:really )?(?:like|love) the (?:colou?r|shade)\b"
            r"|\b(?:isn't|isnt|is not|not|wasn't) (?:really |quite )?my colou?r\b"
            rf"|\b(?:don't|do not|didn't) (?:really )?(?:like|love) (?:the |this |that )?{_HUES}\b"
            r"|\b(?:i want|i'd prefer|i would prefer|i'd rather have|rather have) "
            rf"(?:it in |a |the )?{_HUES}\b"
            r"|\b(?:shade|hue|tone) is (?:off|wrong|different)\b"
            r"|\b(?:red|green|blue|black|white|grey|gray|pink|purple|yellow|orange|brown|beige|"
            r"navy|silver|gold) (?:is|looks) (?:a bit |a little |kind of |slightly |way |totally )?"
            r"(?:uglier|ugly|different|darker|lighter|off|weird|brighter|duller|nothing like)\b"
            r"|^colou?r$"
            r"|\bmore (?:red|green|blue|black|white|grey|gray|pink|purple|yellow|orange|brown"
            r"|beige|navy|silver|gold)(?:ish)? than\b"
            r"|\b(?:red|green|blue|black|white|grey|gray|pink|purple|yellow|orange|brown|beige|navy"
            r"|silver|gold)\b.{0,25}\b(?:looked|looks|appeared|seemed|was)\b.{0,25}\b(?:red|green|"
            r"blue|black|white|grey|gray|pink|purple|yellow|orange|brown|beige|navy|silver|gold)\b"
        ),
    ),
    (
        ReasonCode.NOT_AS_DESCRIBED,
        re.compile(
            r"\b(?:listing|description|described|advertised|as pictured|misleading"
            r"|false advertising)\b"
            r"|\b(?:than|from|like|as) (?:it )?(?:looked |looks |shown |showed )?(?:in |on )?"
            r"(?:the )?(?:photos?|pictures?|pics?|website|site|ad|product page|images?)\b"
            r"|\bcheap(?:ly)? made\b|\bflimsy\b|\b(?:poor|low|bad|terrible) quality\b"
            r"|\bfeels cheap\b"
            r"|\bnot as (?:shown|expected|pictured)\b|\bnot the same as\b"
        ),
    ),
    (
        ReasonCode.DEFECTIVE,
        re.compile(
            r"\b(?:ripped|tore|broke|died|failed|cracked|stopped|snapped) (?:after|within) "
            r"(?:one|a|an|two|three|\d+|the first)"
        ),
    ),
    (
        ReasonCode.DAMAGED,
        re.compile(
            rf"\b{_ARRIVAL}\b.{{0,40}}\b{_HARM}"
            rf"|\b{_HARM}\b.{{0,30}}\b(?:on arrival|out of the box|in (?:the )?(?:box|mail|post"
            rf"|transit)|"
            rf"during (?:shipping|delivery|transit)|when (?:it )?arrived|right out of the box)\b"
            r"|\b(?:cracked|dented|scratched|smashed|shattered|crushed|damaged|chipped|soaked|"
            r"stained|water damaged|scuffed)\b"
            r"|\b(?:a |huge |big |deep )?(?:dent|scratch|crack|gash)\b"
        ),
    ),
    (
        ReasonCode.DEFECTIVE,
        re.compile(
            r"\bstopped \w+ing\b|\bstopped\b"
            r"|\b(?:doesn't|does not|don't|do not|won't|will not|can't|cannot|isn't|is not|aren't|"
            r"wouldn't|didn't|never|not)\s+(?:even\s+|really\s+|properly\s+)?(?:work|working|charge"
            r"|charging|"
            r"turn on|turn off|power on|switch on|heat|heat up|hold (?:a )?charge|connect|pair|sync"
            r"|"
            r"boot|start|suck|spin|close|zip|stay on|light up|cool|blow|print|load|open)\b"
            r"|\bdefect\w*|\bfault\w*|\bmalfunction\w*|\bbroke\b|\bbroken\b|\bbusted\b|\bdead\b"
            r"|\bdied\b|\bno (?:sound|power|picture|signal|audio)\b|\bkeeps? (?:\w+ing|turning off|"
            r"shutting|dying)\b|\bleak\w*|\bwobbl\w*|\bstuck\b|\bglitch\w*|\bbuggy\b|\bweak\b"
            r"|\boverheat\w*|\bbuzz\w*|\bflicker\w*|\bcrackl\w*|\bfell apart\b|\bcame apart\b"
            r"|\b(?:zipper|strap|handle|button|seam|battery|screen|lid|wheel|sole|heel|buckle|"
            r"hinge|cable|cord|switch|plug|motor)s? (?:broke|ripped|snapped|fell off|came off|died|"
            r"stuck|cracked|split|tore|is broken|doesn't work|failed)\b"
            r"|\bripped\b|\btore\b|\bunravel\w*|\bfray\w*|\bpeel\w*"
            r"|\bcame (?:undone|loose|unstitched|unglued|unstuck)\b|\bfell off\b"
            r"|\bnois\w*|\bgrind\w*|\brattl\w*|\bsqueak\w*|\bclicking\b"
        ),
    ),
    (
        ReasonCode.SIZE_TOO_SMALL,
        re.compile(
            r"\btoo (?:small|tight|short|snug|narrow|little|tiny)\b"
            r"|\b(?:really |very |so |super |way |a bit |quite )?(?:tight|snug) on (?:me|my)\b"
            r"|\b(?:runs?|ran|fits?|running|fitting|came up|comes up) (?:a bit |a little |very "
            r"|really )?"
            r"(?:small|tight|short|snug|narrow)\b"
            r"|\b(?:need|want|needed|order|get) (?:a |the |one )?(?:bigger|larger|longer|wider|"
            r"size up)\b|\bsize up\b|\b(?:bigger|larger) (?:size|one)\b|\bone size up\b"
            r"|\bcan't (?:get (?:it|them) on|fit (?:in|into)|zip (?:it )?up|button)\b"
            r"|\bpinch\w*|\bsqueez\w*|\bcrush(?:es|ing) my\b|\bsize too small\b"
            r"|\bsmaller than (?:i |we )?(?:expected|thought|imagined|hoped)\b"
        ),
    ),
    (
        ReasonCode.SIZE_TOO_LARGE,
        re.compile(
            r"\btoo (?:big|large|loose|long|baggy|wide|roomy)\b"
            r"|\bswims? on me\b|\bswimming in\b|\bdrowning in\b"
            r"|\b(?:runs?|ran|fits?|running|fitting|came up|comes up) (?:a bit |a little |very "
            r"|really )?"
            r"(?:big|large|loose|long|baggy)\b"
            r"|\b(?:need|want|needed|order|get) (?:a |the |one )?(?:smaller|size down)\b"
            r"|\bsize down\b|\bsmaller (?:size|one)\b|\bone size down\b"
            r"|\bslides? around\b|\bslid(?:e|es|ing)? (?:off|around)\b|\bslip\w* (?:off|around)\b"
            r"|\bfalls? off\b|\bhangs? off\b"
            r"|\b(?:huge|enormous|massive|gigantic) on\b|\b(?:bigger|larger) than (?:i |we )?"
            r"(?:expected|thought|imagined)\b"
        ),
    ),
    (
        ReasonCode.STYLE,
        re.compile(
            r"\b(?:doesn't|does not|didn't|did not|don't|do not) (?:really )?suit\b"
            r"|\bnot (?:really )?my (?:style|taste|thing|vibe|cup of tea|kind of thing)\b"
            r"|\b(?:don't|do not|didn't) (?:really )?like (?:the |how it |how they )?"
            r"(?:style|look|looks|design|cut|pattern|shape|way it looks|fit on me)\b"
            r"|\blooks? (?:weird|bad|odd|strange|awful|off|terrible|ugly|silly|wrong"
            r"|funny) on (?:me|my)\b"
            r"|\b(?:weird|bad|odd|strange|awful|ugly|silly) on (?:me|my)\b"
            r"|\bunflattering\b|\bnot flattering\b|\bstyle\b|\bugly\b|\blooks? (?:cheap|tacky)\b"
            r"|\b(?:doesn't|does not|didn't|don't) (?:really )?(?:go|match|fit in) with\b"
            r"|\b(?:doesn't|does not|didn't) match (?:my|our|the)\b"
        ),
    ),
    (
        ReasonCode.UNWANTED,
        re.compile(
            r"\bchanged? (?:my|our) minds?\b|\bchange of (?:heart|mind)\b"
            r"|\b(?:don't|do not|no longer|didn't|did not|won't) (?:really |even )?(?:need|want"
            r"|use)\b"
            r"|\bnot needed\b|\bno longer needed\b|\bno use for\b|\bunwanted\b|\bunnecessary\b"
            r"|\bfound (?:it |one |them )?(?:cheaper|a better|elsewhere|for less|somewhere)\b"
            r"|\bbetter (?:deal|price|offer|one)\b|\bcheaper (?:elsewhere|somewhere|online|at)\b"
            r"|\b(?:ordered|bought|got) (?:two|2|twice|too many|the same)\b|\bduplicate\b"
            r"|\baccident\w*|\bby mistake\b|\bmistakenly\b|\bimpulse\b"
            r"|\b(?:don't|do not|didn't|did not) (?:really )?like (?:it|them|this|that)\b"
            r"|\bgift\b(?! ?card)|\bunused\b|\bnever used\b|\bnot for me\b"
            r"|\bfound\b.{0,30}\b(?:cheaper|less|better)\b|\btoo expensive\b|\boverpriced\b"
            r"|\bnot worth (?:it|the (?:money|price))\b"
        ),
    ),
)
# Merchant-fault answers given as a label, as typed from the reason picker.
_LABELS = {
    "size too small": ReasonCode.SIZE_TOO_SMALL,
    "too small": ReasonCode.SIZE_TOO_SMALL,
    "size too large": ReasonCode.SIZE_TOO_LARGE,
    "too large": ReasonCode.SIZE_TOO_LARGE,
    "style": ReasonCode.STYLE,
    "colour": ReasonCode.COLOR,
    "color": ReasonCode.COLOR,
    "unwanted": ReasonCode.UNWANTED,
    "defective": ReasonCode.DEFECTIVE,
    "damaged": ReasonCode.DAMAGED,
    "wrong item": ReasonCode.WRONG_ITEM,
    "not as described": ReasonCode.NOT_AS_DESCRIBED,
    "other": ReasonCode.OTHER,
    "other reason": ReasonCode.OTHER,
    "something else": ReasonCode.OTHER,
}
# "It doesn't fit" says the size is wrong but not which way.
_FIT = re.compile(
    r"\b(?:doesn't|does not|don't|do not|didn't|did not|won't)\s+fit\b|\bwrong size\b|\bbad fit\b"
    r"|\bdoesn't fit\b|\bfit (?:is )?(?:all |totally |completely |just )?(?:off|wrong|weird|bad)\b"
    r"|\bsizing (?:is )?(?:off|wrong)\b"
)

SIZE_QUESTION = "Is it too small or too large?"


@dataclass(frozen=True, slots=True)
class ReasonFinding:
    code: ReasonCode | None
    question: str | None = None


def find_reason(text: Text) -> ReasonFinding | None:
    """The return reason the text gives; a finding with only a question when the size is
    wrong in an unknown direction; None when the text gives no recognisable reason."""
    clean = text.clean.strip(" .!?,")
    label = _LABELS.get(clean)
    if label is not None:
        return ReasonFinding(label)
    for code, pattern in _PATTERNS:
        if pattern.search(clean):
            return ReasonFinding(code)
    if _FIT.search(clean):
        return ReasonFinding(None, SIZE_QUESTION)
    return None


NO_LONGER_NEEDED = "no longer needed"
ORDERED_BY_MISTAKE = "ordered by mistake"
CANCEL_REASONS = (NO_LONGER_NEEDED, ORDERED_BY_MISTAKE)

_MISTAKE = re.compile(
    r"\bmistake\w*|\baccident\w*|\bby error\b|\berror\b|\bmisclick\w*|\bmis-?click\w*"
    r"|\bwrong (?:size|item|one|colou?r|product|thing|model|address|order)\b"
    r"|\b(?:ordered|bought|placed) (?:it |this |that )?(?:twice|two|double)\b|\bduplicate\b"
    r"|\bdidn't mean\b|\bdid not mean\b|\bnot supposed to\b|\boops\b|\bwhoops\b"
    r"|\b(?:picked|chose|selected|clicked|ordered) the wrong\b|\bunintentional\w*"
    r"|\bmeant to (?:order|buy|get|pick|choose)\b"
)
_NOT_NEEDED = re.compile(
    r"\bno longer need\w*|\bnot needed\b|\bneeded\b|\b(?:don't|do not|no) (?:really )?(?:need"
    r"|want)\b"
    r"|\bchanged? (?:my|our) minds?\b|\bfound (?:it |one )?(?:cheaper|elsewhere|a better"
    r"|somewhere)\b"
    r"|\bcheaper\b|\bnot (?:want|need)\w*\b|\bno need\b|\bunneeded\b|\bnot necessary\b"
    r"|\bdon't want it\b|\b(?:bought|got|found) (?:it |one )?(?:elsewhere|somewhere)\b"
)


def find_cancel_reason(text: Text) -> str | None:
    """The reason an order is cancelled for: "no longer needed" or "ordered by mistake"."""
    clean = text.clean
    if _MISTAKE.search(clean):
        return ORDERED_BY_MISTAKE
    if _NOT_NEEDED.search(clean):
        return NO_LONGER_NEEDED
    return None
