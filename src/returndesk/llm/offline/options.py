"""Product options as shoppers say them: sizes ("a medium", "size 9"), colours, materials."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache

# Spoken size names and the letters stores print on labels.
SIZE_WORDS = {
    "extra small": "XS",
    "xsmall": "XS",
    "xs": "XS",
    "small": "S",
    "medium": "M",
    "med": "M",
    "large": "L",
    "extra large": "XL",
    "xlarge": "XL",
    "xl": "XL",
    "xxl": "XXL",
    "2xl": "XXL",
    "extra extra large": "XXL",
    "xxxl": "XXXL",
    "3xl": "XXXL",
}
LETTER_SIZES = ("XS", "S", "M", "L", "XL", "XXL", "XXXL")
# Option values too vague to point at a line on their own ("none", "standard", "high").
VAGUE_VALUES = frozenset({"none", "no", "yes", "standard", "high", "low", "regular", "normal"})
_SIZE_PHRASE = re.compile(
    r"\b(extra extra large|extra small|extra large|xsmall|xlarge|xxxl|3xl|xxl|2xl|xl|xs|"
    r"small|medium|med|large)\b"
)
# "too small" describes a problem, not a size asked for.
_INTENSIFIER = re.compile(
    r"\b(too|so|very|bit|little|way|runs?|ran|fits?|quite|really|slightly|kinda|pretty|"
    r"super|rather|is|are|was|were|a lot|much)\s*$"
)
_SIZE_LETTER = re.compile(r"\bsize:?\s*(xxxl|xxl|xl|xs|s|m|l)\b")
_SIZE_NUMBER = re.compile(r"\bsize:?\s*(\d{1,2}(?:\.5)?)\b")
_ARTICLE_NUMBER = re.compile(r"\b(?:a|an|in|in a|the|to|for)\s+(\d{1,2}(?:\.5)?)(?![\w.$%])")
_NEGATED_OPTION = re.compile(r"\b(?:no|without|not)\s+([a-z]+)")


def is_size_key(key: str) -> bool:
    key = key.lower()
    return (key == "size" or key.endswith(" size")) and key != "screen size"


def spoken_sizes(clean: str, *, bare_numbers: bool = False) -> frozenset[str]:
    """Sizes the text asks for, as letters ("M"), words ("medium") or numbers ("9")."""
    found: set[str] = set()
    for match in _SIZE_PHRASE.finditer(clean):
        if _INTENSIFIER.search(clean[: match.start()]):
            continue
        word = match.group(1)
        found.add(word)
        found.add(SIZE_WORDS[word])
    found.update(m.group(1).upper() for m in _SIZE_LETTER.finditer(clean))
    found.update(m.group(1) for m in _SIZE_NUMBER.finditer(clean))
    if bare_numbers:
        found.update(m.group(1) for m in _ARTICLE_NUMBER.finditer(clean))
    return frozenset(found)


def size_matches(value: str, spoken: frozenset[str]) -> bool:
    """Whether the size `value` printed on a line is one of the `spoken` sizes."""
    lowered = value.lower()
    return value.upper() in spoken or lowered in spoken or SIZE_WORDS.get(lowered) in spoken


# Units as stores print them, and as shoppers type them.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "ml": ("ml", "milliliter", "milliliters", "millilitre", "millilitres"),
    "l": ("l", "liter", "liters", "litre", "litres"),
    "hours": ("hours", "hour", "hrs", "hr", "h"),
    "ft": ("ft", "foot", "feet"),
    "inch": ("inch", "inches", "in"),
    "gb": ("gb", "gig", "gigs"),
    "tb": ("tb",),
    "mp": ("mp", "megapixel", "megapixels"),
    "mah": ("mah",),
    "bar": ("bar",),
    "degrees": ("degrees", "degree", "deg"),
    "lbs": ("lbs", "lb", "pounds"),
    "cups": ("cups", "cup"),
    "piece": ("piece", "pieces", "pc", "pcs"),
    "w": ("w", "watt", "watts"),
}
# Everyday words for option values the way stores print them.
VALUE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "wired": ("with a cable", "with a cord", "corded", "cabled", "plug in"),
    "wireless": ("cordless", "bluetooth", "no cable", "without a cable", "cable free"),
    "over ear": ("big over ear", "full size", "around the ear"),
    "in ear": ("earbuds", "buds", "in the ear"),
    "stainless steel": ("steel", "metal"),
}
_UNIT_OF = {form: unit for unit, forms in UNIT_WORDS.items() for form in forms}
_MEASURE = re.compile(r"^(\d+(?:\.\d+)?)\s*-?\s*([a-z]+)\b(.*)$")


@lru_cache(maxsize=4096)
def value_forms(value: str) -> tuple[str, ...]:
    """The ways a value can be typed: "v-neck" as "v neck" or "vneck", "gray" as "grey",
    "1000ml" as "1000 ml" or "1000 millilitres", "20 hours" as "20h"."""
    spaced = re.sub(r"[-/]", " ", value.lower()).strip()
    forms = {spaced, spaced.replace(" ", "")}
    forms |= {form.replace("gray", "grey") for form in forms}
    forms |= {form.replace("grey", "gray") for form in forms}
    # "80%" is read as "80 %".
    forms |= {form.replace("%", " %") for form in forms if "%" in form}
    forms |= set(VALUE_SYNONYMS.get(spaced, ()))
    measure = _MEASURE.match(spaced)
    if measure is not None and measure.group(2) in _UNIT_OF:
        number, rest = measure.group(1), measure.group(3)
        for unit in UNIT_WORDS[_UNIT_OF[measure.group(2)]]:
            forms |= {f"{number} {unit}{rest}", f"{number}{unit}{rest}"}
    return tuple(sorted(form for form in forms if form))


def measure_of(value: str) -> Decimal | None:
    """The number a measured value starts with ("20 hours" → 20), to compare values by."""
    found = re.match(r"\s*(\d+(?:\.\d+)?)", value)
    return Decimal(found.group(1)) if found else None


def spaced(clean: str) -> str:
    """The text padded and with hyphens as spaces, ready for ` phrase ` lookups."""
    return " " + re.sub(r"[-/]", " ", clean) + " "


def mentions_value(padded: str, value: str) -> bool:
    return any(f" {form} " in padded for form in value_forms(value))


def negated_keys(clean: str) -> tuple[str, ...]:
    """Option names the text says are absent: "no armrests", "without a zipper"."""
    return tuple(m.group(1) for m in _NEGATED_OPTION.finditer(clean))


def key_named(key: str, word: str) -> bool:
    """Whether `word` ("armrests") names the option `key` ("armrest")."""
    last = key.lower().split()[-1]
    return word in (last, last + "s", last + "es")


def option_hits(options: Mapping[str, str], clean: str, *, sizes: bool = True) -> int:
    """How many of a line's option values the text mentions."""
    padded = spaced(clean)
    spoken = spoken_sizes(clean) if sizes else frozenset()
    hits = 0
    for key, value in options.items():
        if is_size_key(key):
            hits += sizes and size_matches(value, spoken)
        elif value.lower() in VAGUE_VALUES:
            absent = value.lower() in ("none", "no")
            hits += absent and any(key_named(key, word) for word in negated_keys(clean))
        elif not value.isdigit():
            hits += mentions_value(padded, value)
    return hits
