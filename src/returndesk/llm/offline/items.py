"""Which of the order lines on screen a message points at.

A message is cut into parts at "and", commas and the like; each part names
lines by product name (typos and everyday synonyms allowed), option words
("the blue one", "size M"), position ("the second one"), price ("the $47
one") or price rank ("the cheaper chair"). "All"/"everything" take every line,
"except ..." removes some, "both" takes two, "the other one" the line not yet
chosen, and "too"/"also"/"add" keep what was already chosen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from returndesk.domain.status_text import one_of
from returndesk.llm.offline.context import ItemOption
from returndesk.llm.offline.normalize import Text
from returndesk.llm.offline.options import option_hits
from returndesk.llm.offline.references import money_amounts, ordinals, price_matches

# Everyday words for products, mapped to the words stores put in product names.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "tee": ("tshirt", "shirt"),
    "top": ("tshirt", "shirt"),
    "shirt": ("tshirt",),
    "kindle": ("ereader",),
    "reader": ("ereader",),
    "phone": ("smartphone",),
    "iphone": ("smartphone",),
    "bike": ("bicycle",),
    "hoover": ("vacuum",),
    "vac": ("vacuum",),
    "bbq": ("grill",),
    "barbecue": ("grill",),
    "suitcase": ("luggage",),
    "bookcase": ("bookshelf",),
    "shelf": ("bookshelf",),
    "shelves": ("bookshelf",),
    "dumbbells": ("dumbbell",),
    "weights": ("dumbbell",),
    "powerbank": ("charger",),
    "bank": ("charger",),
    "gopro": ("camera",),
    "cam": ("camera",),
    "bulb": ("bulb",),
    "parasol": ("umbrella",),
    "fleece": ("jacket",),
    "coat": ("jacket",),
    "puzzle": ("puzzle",),
    "make-up": ("makeup",),
    "cosmetics": ("makeup",),
    "fragrance": ("perfume",),
    "cologne": ("perfume",),
    "scent": ("perfume",),
    "runners": ("running",),
    "trainers": ("sneakers", "running"),
    "kicks": ("sneakers",),
    "sneaks": ("sneakers",),
    "boot": ("boots",),
    "flask": ("bottle",),
    "earphones": ("earbuds",),
    "buds": ("earbuds",),
    "earbud": ("earbuds",),
    "airpods": ("earbuds",),
    "headset": ("headphones",),
    "ipad": ("tablet",),
    "smartwatch": ("watch",),
    "watch": ("wristwatch", "watch"),
    "sunnies": ("sunglasses",),
    "shades": ("sunglasses",),
    "glasses": ("sunglasses",),
    "rucksack": ("backpack",),
    "knapsack": ("backpack",),
    "bag": ("backpack",),
    "board": ("skateboard",),
    "journal": ("notebook",),
    "coffeemaker": ("coffee", "maker"),
    "coffee": ("espresso",),
    "shoes": ("sneakers", "shoes", "boots"),
    "shoe": ("sneakers", "shoes", "boots"),
}
# Words that appear in product names but say nothing about which line is meant.
_GENERIC = frozenset({"set", "kit", "the", "and", "with", "for", "of", "one", "ones", "item"})

_SEPARATORS = re.compile(
    r"\s*(?:,|;|&|\+|/|\band\b|\bplus\b|\bas well as\b|\balong with\b"
    # "the steel one not the glass ones": what follows "not" is a part of its own.
    r"|(?=\b(?:but )?(?:not|except|excluding|without) (?:the|my|those|these|that|any)\b))\s*"
)
_ALL = re.compile(
    r"\b(?:all of (?:them|it|these|those|my stuff)|all (?:the |my )?(?:items|things|stuff|lines|"
    r"three|four|five|of the above)|everything|every (?:item|single one|one)|each (?:one|item)|"
    r"the whole (?:order|lot|thing)|entire order|all)\b"
)
_NOT_ALL = re.compile(
    r"\b(?:that's|that is|thats|it's) all\b|\ball (?:good|set|correct|right|done|fine)\b"
)
_EXCEPT = re.compile(
    r"\b(?:except(?: for)?|but not|apart from|other than|excluding|besides|minus|but|without)\b"
)
_NEGATIVE_PART = re.compile(r"^(?:but )?(?:not|except|minus|excluding|without)\b")
_BOTH = re.compile(r"\bboth\b|\bthe two\b|\bthe pair\b")
_OTHER = re.compile(r"\b(?:the )?other (?:one|item|thing|line)s?\b|\bthe rest\b|\bthe remaining\b")
_ADDITIVE = re.compile(
    r"\btoo\s*(?:[,.!?]|$)|\balso\b|\bas well\b|\badd\b|\bin addition\b|\band the\b|\bplus\b"
)
# Price ranks point at a line only as "the cheaper chair" or "the cheapest one";
# "found it cheaper" is a reason.
_CHEAPEST = re.compile(
    r"\bthe (?:cheapest|cheaper|least expensive|less expensive|lower priced|lowest priced)\b"
    r"|\b(?:cheapest|cheaper|cheap) (?:one|item)\b"
)
_DEAREST = re.compile(
    r"\bthe (?:most expensive|more expensive|priciest|pricier|dearest|higher priced|"
    r"highest priced)\b|\b(?:priciest|pricier|pricey|most expensive|expensive) (?:one|item)\b"
)
_PLURAL_COUNT = re.compile(r"\b(?:two|three|four|2|3|4)\s+\w+s\b")
# With strict wording (the reason step), option words count only in "the blue one".
_ONE = re.compile(r"\b(?:the|that|this)\s+(?:\w+\s+){1,2}(?:one|ones)\b")


@dataclass(frozen=True, slots=True)
class ItemPick:
    """The lines a message points at, or the question to ask when it fits several."""

    refs: tuple[str, ...] = ()
    question: str | None = None
    # The message described some line at all, whether or not it could be told apart.
    mentioned: bool = False
    # Picked by "all", "everything": no particular line was named.
    everything: bool = False


@dataclass(frozen=True, slots=True)
class _Part:
    refs: tuple[str, ...] = ()
    ambiguous: tuple[ItemOption, ...] = ()
    said: bool = False


_NOTHING = ItemPick()


def pick_items(
    text: Text,
    items: Sequence[ItemOption],
    *,
    chosen: Sequence[str] = (),
    strict: bool = False,
    numbers: bool = False,
) -> ItemPick:
    """The lines of `items` the text names.

    `chosen` are refs already selected ("the other one too" adds to them);
    `strict` ignores sizes and lone option words (reasons talk about sizes);
    `numbers` reads bare numbers ("1 and 4") as positions in the list.
    """
    if not items:
        return _NOTHING
    clean = text.clean
    candidates = tuple(items)
    everything = _ALL.search(clean) is not None and not _NOT_ALL.search(clean) and not strict
    if everything:
        return _all_except(clean, candidates, numbers=numbers)
    parts = [part for part in _SEPARATORS.split(clean) if part]
    picked: list[str] = []
    dropped: list[str] = []
    unclear: list[ItemOption] = []
    said = False
    for part in parts:
        negative = _NEGATIVE_PART.match(part) is not None
        found = _resolve_part(part, candidates, strict=strict, numbers=numbers)
        said = said or found.said
        if negative:
            dropped += found.refs
        else:
            picked += found.refs
            unclear += found.ambiguous
    others = _others(clean, candidates, chosen)
    if len(others) == 1:
        picked += [others[0].ref]
    else:
        unclear += others
    if not picked and not unclear and _BOTH.search(clean):
        if len(candidates) == 2:
            picked = [item.ref for item in candidates]
        else:
            unclear = list(candidates)
        said = True
    # A line one part of the message named is no longer in doubt because another was vague.
    unclear = [item for item in _unique_items(unclear) if item.ref not in picked]
    if len(unclear) > 1 or (unclear and not picked):
        return ItemPick(question=which_one(unclear), mentioned=True)
    if not picked:
        return ItemPick(mentioned=said or bool(_OTHER.search(clean)) or names_a_product(text))
    if chosen and _ADDITIVE.search(clean):
        picked = [*chosen, *picked]
    refs = _in_order(candidates, set(picked) - set(dropped))
    return ItemPick(refs=refs, mentioned=True)


def _all_except(clean: str, candidates: tuple[ItemOption, ...], *, numbers: bool) -> ItemPick:
    """ "everything except the chair": all lines minus the ones after the exception."""
    match = _ALL.search(clean)
    assert match is not None
    rest = clean[match.end() :]
    exception = _EXCEPT.search(rest)
    dropped: set[str] = set()
    if exception is not None:
        for part in _SEPARATORS.split(rest[exception.end() :]):
            dropped.update(_resolve_part(part, candidates, strict=False, numbers=numbers).refs)
    refs = _in_order(candidates, {i.ref for i in candidates} - dropped)
    return ItemPick(refs=refs, mentioned=True, everything=True)


def _others(
    clean: str, candidates: tuple[ItemOption, ...], chosen: Sequence[str]
) -> list[ItemOption]:
    """ "the other one": the lines not chosen yet (one is an answer, more is a question)."""
    if not chosen or _OTHER.search(clean) is None:
        return []
    return [item for item in candidates if item.ref not in chosen]


def _resolve_part(
    part: str, candidates: tuple[ItemOption, ...], *, strict: bool, numbers: bool
) -> _Part:
    words = part.split()
    positions = ordinals(Text(part, part, tuple(words)), len(candidates), bare_numbers=numbers)
    if positions:
        return _Part(refs=tuple(candidates[i].ref for i in positions), said=True)
    names = {item.ref: _name_hits(words, item) for item in candidates}
    plural = any(count > 1 or _is_plural(words, item) for item, count in _paired(candidates, names))
    option_words_count = not strict or _ONE.search(part) is not None
    options = {
        item.ref: option_hits(item.options, part, sizes=not strict) if option_words_count else 0
        for item in candidates
    }
    amounts = money_amounts(Text(part, part, tuple(words)))
    cheapest = _CHEAPEST.search(part) is not None
    dearest = _DEAREST.search(part) is not None
    if not any(names.values()) and not any(options.values()) and not amounts:
        if cheapest or dearest:
            return _by_rank(list(candidates), cheapest=cheapest)
        return _Part()
    pool = list(candidates)
    if any(names.values()):
        best = max(names.values())
        pool = [item for item in pool if names[item.ref] == best]
    if any(options.values()):
        within = [item for item in pool if options[item.ref]]
        if not within:
            return _Part(ambiguous=tuple(pool), said=True)
        best = max(options[item.ref] for item in within)
        pool = [item for item in within if options[item.ref] == best]
    if amounts:
        pool = [item for item in pool if any(price_matches(a, item.price) for a in amounts)]
        if not pool:
            return _Part(ambiguous=candidates, said=True)
    if cheapest or dearest:
        return _by_rank(pool, cheapest=cheapest)
    if len(pool) == 1 or plural or _BOTH.search(part) or _PLURAL_COUNT.search(part):
        return _Part(refs=tuple(item.ref for item in pool), said=True)
    return _Part(ambiguous=tuple(pool), said=True)


def _by_rank(pool: list[ItemOption], *, cheapest: bool) -> _Part:
    prices = [item.price for item in pool]
    target = min(prices) if cheapest else max(prices)
    winners = tuple(item for item in pool if item.price == target)
    if len(winners) == 1:
        return _Part(refs=(winners[0].ref,), said=True)
    return _Part(ambiguous=winners, said=True)


def _paired(
    candidates: tuple[ItemOption, ...], names: dict[str, int]
) -> list[tuple[ItemOption, int]]:
    return [(item, names[item.ref]) for item in candidates if names[item.ref]]


@lru_cache(maxsize=1024)
def name_words(name: str) -> frozenset[str]:
    """ "Office Chair" → office, chair, officechair; "T-Shirt" → shirt, tshirt."""
    lowered = name.lower()
    parts = [p for p in _NAME_GAPS.split(lowered) if len(p) > 1]
    joined = _NAME_GAPS.sub("", lowered)
    return frozenset({*parts, joined} - _GENERIC)


_NAME_GAPS = re.compile(r"[\s\-]+")
_VALUE_GAPS = re.compile(r"[\s\-/]+")


def _name_hits(words: list[str], item: ItemOption) -> int:
    """How many of the words name the product of `item`."""
    targets = name_words(item.name)
    hits = 0
    for index, word in enumerate(words):
        pair = word + words[index + 1] if index + 1 < len(words) else ""
        if _names(word, targets) or (pair and pair in targets):
            hits += 1
    return hits


def _names(word: str, targets: frozenset[str]) -> bool:
    if len(word) < 2 or word in _GENERIC:
        return False
    for form in _forms(word):
        if form in targets or any(t in targets for t in SYNONYMS.get(form, ())):
            return True
    return False


def _forms(word: str) -> tuple[str, ...]:
    """The word, its singular, and (for names like "Earbuds") its plural."""
    forms = [word, word + "s"]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return tuple(forms)


def _is_plural(words: list[str], item: ItemOption) -> bool:
    """ "the shirts" means every shirt; "the sneakers" is one pair of sneakers."""
    targets = name_words(item.name)
    for word in words:
        if word in targets or not word.endswith("s"):
            continue
        if word[:-1] in targets or (word.endswith("es") and word[:-2] in targets):
            return True
        if any(t in targets for t in SYNONYMS.get(word[:-1], ())):
            return True
    return False


_PRODUCT_WORDS = frozenset(SYNONYMS) | frozenset(w for ws in SYNONYMS.values() for w in ws)


def names_a_product(text: Text) -> bool:
    """Whether the text names some product, on screen or not ("the shirt" in an order of bags)."""
    return any(word in _PRODUCT_WORDS or word.rstrip("s") in _PRODUCT_WORDS for word in text.words)


def which_one(items: Sequence[ItemOption]) -> str:
    """ "Which one do you mean: the blue T-Shirt or the black T-Shirt?" """
    labels = describe(items)
    if len(labels) == 1:
        return f"Do you mean {labels[0]}?"
    if len(labels) > 4:
        return "Which items do you mean? You can name them, or say 'the first one' and so on."
    return f"Which one do you mean: {one_of(labels)}?"


def describe(items: Sequence[ItemOption]) -> list[str]:
    """Short names that tell the lines apart: by an option that differs, else by price."""
    labels = []
    for item in items:
        twins = [other for other in items if other.name == item.name]
        label = f"the {item.name}"
        if len(twins) > 1:
            label = _distinguish(item, twins)
        labels.append(label)
    return labels


def _distinguish(item: ItemOption, twins: list[ItemOption]) -> str:
    for key, value in item.options.items():
        if len({twin.options.get(key) for twin in twins}) == len(twins):
            return f"the {value} {item.name}" if len(value) < 15 else f"the {item.name} ({value})"
    return f"the {item.name} (${item.price})"


def context_words(items: Sequence[ItemOption]) -> frozenset[str]:
    """Product and option words on screen, the targets for typo repair."""
    words: set[str] = set()
    for item in items:
        words |= name_words(item.name)
        words |= option_words(tuple(item.options.values()))
    return frozenset(words)


@lru_cache(maxsize=4096)
def option_words(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        word for value in values for word in _VALUE_GAPS.split(value.lower()) if word.isalpha()
    )


def _in_order(candidates: tuple[ItemOption, ...], refs: set[str]) -> tuple[str, ...]:
    return tuple(item.ref for item in candidates if item.ref in refs)


def _unique_items(items: list[ItemOption]) -> list[ItemOption]:
    return list({item.ref: item for item in items}.values())
