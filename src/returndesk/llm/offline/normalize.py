"""One canonical spelling of a message: lower case, plain punctuation, slang spelled out,
typos fixed.

Every extractor reads `Text.clean`, so each writes its patterns for one
spelling only. Typos are repaired with rapidfuzz's optimal-string-alignment
distance (a swapped pair of letters counts as one slip, as typists make them).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from returndesk.llm.offline.lexicon import COMMON_WORDS, KEYWORDS

_PUNCTUATION = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "}
)
_TOKEN = re.compile(
    r"""
      \$\s?\d+(?:\.\d+)?                  # money: $47, $ 52.88
    | \#?[a-z0-9]+(?:['\-.][a-z0-9]+)*    # words, numbers, ids: t-shirt, it's, #w2611340, 1.5l
    | [,;:?!&+/]                          # separators and the question mark
    | [^\sa-z0-9'".\-()\[\]*_~=<>|\\^]    # anything else worth keeping, such as 👍
    """,
    re.VERBOSE,
)
_REPEATS = re.compile(r"([a-z])\1{2,}")

_SLANG: dict[str, str] = {
    "u": "you",
    "rly": "really",
    "rlly": "really",
    "srsly": "seriously",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "plez": "please",
    "pleas": "please",
    "thx": "thanks",
    "thnx": "thanks",
    "ty": "thanks",
    "tysm": "thanks",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "lemme": "let me",
    "gimme": "give me",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "wont": "won't",
    "cant": "can't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "im": "i'm",
    "ive": "i've",
    "youre": "you're",
    "theyre": "they're",
    "thats": "that's",
    "whats": "what's",
    "wheres": "where's",
    "hows": "how's",
    "its": "it's",
    "ill": "i'll",
    "idk": "i don't know",
    "nvm": "never mind",
    "nevermind": "never mind",
    "pkg": "package",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "tho": "though",
    "thru": "through",
    "abt": "about",
    "b4": "before",
    "w/": "with",
    "w/o": "without",
    "rn": "right now",
    "yeah": "yeah",
    "tbh": "",
    "lol": "",
    "lmao": "",
    "btw": "",
    "imo": "",
    "fyi": "",
    "ugh": "",
    "hmm": "",
    "hmmm": "",
    "um": "",
    "uh": "",
}
# Rewrites that need a neighbour to be safe: "id like" is "I'd like", "2 small" is "too small".
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bid (like|rather|prefer|love|want)\b"), r"i'd \1"),
    (
        re.compile(r"(?<![\d$.#])\b2 (small|big|large|tight|loose|short|long|much|expensive)\b"),
        r"too \1",
    ),
    (re.compile(r"\bt[- ]?shirt(s?)\b"), r"tshirt\1"),
    (re.compile(r"\be[ -]?readers?\b"), "ereader"),
    (re.compile(r"\bear ?buds\b"), "earbuds"),
    (re.compile(r"\bpay ?pal\b"), "paypal"),
    (re.compile(r"\bmaster ?card\b"), "mastercard"),
    (re.compile(r"\bgift ?cards?\b"), "gift card"),
    (re.compile(r"\bpick-up\b"), "pickup"),
    (re.compile(r"\bdrop-off\b"), "drop off"),
    (re.compile(r"\bq ?r\b"), "qr"),
    (re.compile(r"\be-?mail\b"), "email"),
)
_MIN_REPAIR_LENGTH = 4


@dataclass(frozen=True, slots=True)
class Text:
    """A message as typed (`raw`) and in canonical form (`clean`, `words`)."""

    raw: str
    clean: str
    words: tuple[str, ...]

    def has(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.clean) is not None

    @property
    def is_question(self) -> bool:
        return "?" in self.words or _ASKS.match(self.clean) is not None


_ASKS = re.compile(
    r"^(how|what|what's|when|where|where's|why|which|who|can|could|do|does|did|is|are|"
    r"will|would|should|may|am|any|if)\b"
)


def normalize(raw: str, context_words: Iterable[str] = ()) -> Text:
    """`raw` in canonical form; `context_words` (names and options on screen) are kept and
    are also targets for typo repair."""
    text = unicodedata.normalize("NFKC", raw).translate(_PUNCTUATION).strip()
    lowered = text.lower()
    for pattern, replacement in _PHRASES:
        lowered = pattern.sub(replacement, lowered)
    targets = frozenset(context_words)
    words: list[str] = []
    for token in _TOKEN.findall(lowered):
        token = token.replace("$ ", "$")
        for word in _spell_out(token, targets).split():
            words.append(word)
    clean = " ".join(words)
    for pattern, replacement in _PHRASES[:2]:
        clean = pattern.sub(replacement, clean)
    return Text(raw=text, clean=clean, words=tuple(clean.split()))


def _spell_out(token: str, targets: frozenset[str]) -> str:
    if token in _SLANG:
        return _SLANG[token]
    if not token.isalpha():
        return token
    token = _squash(token, targets)
    if token in _SLANG:
        return _SLANG[token]
    return repair(token, targets)


def _squash(token: str, targets: frozenset[str]) -> str:
    """ "tooo" is "too" and "biggg" is "big": try doubled, then single letters."""
    if not _REPEATS.search(token):
        return token
    doubled = _REPEATS.sub(r"\1\1", token)
    if _known(doubled, targets):
        return doubled
    single = _REPEATS.sub(r"\1", token)
    return single if _known(single, targets) else doubled


def _known(word: str, targets: frozenset[str]) -> bool:
    if word in targets or word in _SLANG:
        return True
    # An inflection of a known word is known too: "makes", "existing" ("exist" + "ing" is not
    # known, but neither is it a slip for a keyword), "tshirts".
    return any(stem in KEYWORDS or stem in COMMON_WORDS or stem in targets for stem in _stems(word))


_SUFFIXES = ("ies", "ing", "ed", "es", "er", "ers", "ly", "s", "d", "y", "'s")


def _stems(word: str) -> tuple[str, ...]:
    stems = [word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            stems += [stem, stem + "e"]
            if suffix == "ies":
                stems.append(stem + "y")
            if len(stem) > 3 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "stopped" → "stop"
    return tuple(stems)


def repair(word: str, targets: frozenset[str] = frozenset()) -> str:
    """The keyword or on-screen word `word` is a slip for, or `word` itself."""
    if len(word) < _MIN_REPAIR_LENGTH or _known(word, targets):
        return word
    limit = _limit(word)
    best: tuple[int, float, str] | None = None
    if targets:
        best = _closest(word, sorted(targets), limit)
    keyword = _keyword_repair(word)
    if keyword is not None and (best is None or keyword[:2] < best[:2]):
        best = keyword
    return best[2] if best is not None else word


def _limit(word: str) -> int:
    return 1 if len(word) < 8 else 2


@lru_cache(maxsize=4096)
def _keyword_repair(word: str) -> tuple[int, float, str] | None:
    return _closest(word, _SORTED_KEYWORDS, _limit(word))


_SORTED_KEYWORDS = sorted(KEYWORDS)


def _closest(word: str, choices: list[str], limit: int) -> tuple[int, float, str] | None:
    """(distance, -similarity, choice) of the best choice within `limit` slips."""
    found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=8)
    ranked = sorted(
        (distance, -fuzz.ratio(word, choice), choice)
        for choice, distance, _ in found
        if len(choice) >= 3 and _plausible(word, choice)
    )
    return ranked[0] if ranked else None


def _plausible(word: str, choice: str) -> bool:
    # Words are rarely mistyped in their first letter ("safe" is not "sale"), and a short
    # word with one letter changed is more often another word ("torn", "turn") than a slip;
    # a dropped or swapped letter is the usual slip there ("stor", "lable").
    if word[0] != choice[0]:
        return len(word) > 5 and OSA.distance(word, choice) == 1
    if len(word) > 5:
        return True
    swapped = len(word) == len(choice) and sorted(word) == sorted(choice)
    return len(word) == 5 or len(word) != len(choice) or swapped


def singular(word: str) -> str:
    """ "boots" → "boot"; "glass" stays."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
