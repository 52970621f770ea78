"""Which variant a shopper wants in exchange: "a medium", "the purple XL", "size 9 leather".

Each option value on offer that the text mentions becomes a constraint; the
available variants meeting every constraint are the candidates. One is an
answer; several (or only sold-out ones) are a question, with the constraints
kept as "option=value" strings. Without variants on screen, the constraints are
read against the line being exchanged, so "for a medium" still says size=M.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from returndesk.domain.status_text import one_of
from returndesk.llm.offline.context import ItemOption, VariantOption
from returndesk.llm.offline.lexicon import words
from returndesk.llm.offline.normalize import Text
from returndesk.llm.offline.options import (
    LETTER_SIZES,
    SIZE_WORDS,
    is_size_key,
    measure_of,
    mentions_value,
    size_matches,
    spaced,
    spoken_sizes,
    value_forms,
)
from returndesk.llm.offline.references import money_amounts, ordinals, price_matches

_TARGET = re.compile(
    r"\b(?:exchang\w*|swap\w*|trade|switch|replace\w*|change)\b.*?\b(?:for|to|into|with)\b"
)
_SIZE_UP = re.compile(r"\b(?:one |a |next )?size (?:up|bigger|larger)\b|\bnext size\b")
_SIZE_DOWN = re.compile(r"\b(?:one |a )?size (?:down|smaller)\b|\bprevious size\b")
# "exactly the same one again": the very variant being returned, as a replacement.
_SAME_AGAIN = re.compile(
    r"\b(?:exact(?:ly)?|very|just) (?:the )?same\b|\bsame exact\b|\bidentical\b"
    r"|\bthe same (?:one|ones|pair|thing|item|model|product|again)\b"
    r"|\bsame (?:one|ones|pair|thing|item) again\b|\b(?:another|a new) one (?:just )?like it\b"
    r"|\b(?:a )?replacement of the same\b|\bsame as (?:before|i (?:had|ordered|got))\b"
)
_LABEL_SIZE = re.compile(r"(?<![\w'’])(XXXL|XXL|XL|XS|S|M|L)(?![\w'’])")
_CHEAPEST = re.compile(r"\b(?:cheapest|least expensive|lowest price)\b")
_DEAREST = re.compile(r"\b(?:most expensive|priciest)\b")
_BARE_NUMBER = re.compile(r"(?<![\w$.#])(\d{1,2}(?:\.5)?)(?![\w.%$])")
_NEGATIVE = re.compile(r"\b(?:not|non|no)\s*-?\s*$")
_COLOURS = words(
    """
    black white red blue green yellow orange purple pink brown grey gray silver gold beige
    navy teal maroon khaki cream tan olive
    """
)


@dataclass(frozen=True, slots=True)
class VariantPick:
    item_id: str | None = None
    for_ref: str | None = None
    # The constraints heard, sorted, as "option=value" in the store's spelling.
    options: tuple[str, ...] = ()
    question: str | None = None
    # When several variants fit what was said, and fewer than all: those that do.
    fitting: tuple[str, ...] = ()


def exchange_target(text: Text) -> Text:
    """The part of "exchange the black tee for a medium" that describes the new variant."""
    match = _TARGET.search(text.clean)
    if match is None:
        return text
    rest = text.clean[match.end() :]
    return Text(text.raw, rest, tuple(rest.split()))


def pick_variant(
    text: Text, variants: Sequence[VariantOption], current: ItemOption | None = None
) -> VariantPick | None:
    """The variant the text asks for; None when it says nothing about one."""
    clean = text.clean
    if _SAME_AGAIN.search(clean) and current is not None:
        return _same_again(variants, current)
    if not variants:
        return _constraints_only(text, current)
    wanted = _wanted(text, [v.options for v in variants], current)
    pool = [v for v in variants if _meets(v, wanted)]
    amounts = money_amounts(text)
    if amounts:
        pool = [v for v in pool if any(price_matches(a, v.price) for a in amounts)]
    available = [v for v in pool if v.available]
    if _CHEAPEST.search(clean) or _DEAREST.search(clean):
        available = _by_price(available, cheapest=_CHEAPEST.search(clean) is not None)
    elif not wanted and not amounts:
        shown = [v for v in variants if v.available]
        positions = ordinals(text, len(shown))
        if len(positions) != 1:
            return None
        available = [shown[positions[0]]]
    options = tuple(
        sorted(f"{key}={values[0]}" for key, values in wanted.items() if len(values) == 1)
    )
    if len(available) > 1 and wanted:
        # "size large" means large and otherwise like the item being exchanged.
        alike = _keeping_the_rest(available, wanted, current)
        available = alike if len(alike) == 1 else available
    if len(available) == 1:
        return VariantPick(item_id=available[0].item_id, for_ref=available[0].for_ref)
    if available:
        narrowed = len(available) < len([v for v in variants if v.available])
        fitting = tuple(v.item_id for v in available) if narrowed else ()
        return VariantPick(options=options, question=_which(available), fitting=fitting)
    if pool:
        return VariantPick(options=options, question=_sold_out(pool[0]))
    return VariantPick(
        options=options,
        question="I don't see that option. " + _which([v for v in variants if v.available]),
    )


def _wanted(
    text: Text, offered: Sequence[Mapping[str, str]], current: ItemOption | None
) -> dict[str, list[str]]:
    """The option values on offer that the text asks for, by option name: one value, or
    several when the words could mean more than one ("medium" size or ventilation)."""
    clean = text.clean
    values: dict[str, list[str]] = {}
    for options in offered:
        for key, value in options.items():
            if value not in values.setdefault(key, []):
                values[key].append(value)
    padded = spaced(clean)
    spoken = spoken_sizes(clean, bare_numbers=True)
    # On the variant picker a lone "11" can only be a size (prices carry a $ or cents).
    numbers = frozenset(_BARE_NUMBER.findall(clean))
    # A capital "S" or "XL" standing alone, as printed on labels, is a size here.
    spoken |= frozenset(_LABEL_SIZE.findall(text.raw))
    wanted: dict[str, list[str]] = {}
    for key, choices in values.items():
        if is_size_key(key):
            found = [
                v
                for v in choices
                if size_matches(v, spoken)
                or v in numbers
                or (v.upper() not in LETTER_SIZES and mentions_value(padded, v))
            ]
            relative = _relative_size(clean, key, choices, current)
            found = found or ([relative] if relative else [])
        elif set(v.lower() for v in choices) <= {"yes", "no"}:
            found = _yes_no_option(clean, key)
        else:
            found = _longest_mentions([v for v in choices if mentions_value(padded, v)])
            found = found or _compared(clean, key, choices, current)
        if found:
            wanted[key] = found
    return wanted


def _longest_mentions(found: list[str]) -> list[str]:
    """ "non-polarized" mentions "polarized" too, and "Wi-Fi + Cellular" "Wi-Fi": the
    longer value is the one meant. Two values typed the same way both stay."""
    forms = {value: value_forms(value) for value in found}
    return [
        value
        for value in found
        if not any(
            other != value
            and any(
                len(theirs) > len(mine) and f" {mine} " in f" {theirs} "
                for mine in forms[value]
                for theirs in forms[other]
            )
            for other in found
        )
    ]


def _key_at(clean: str, key: str) -> re.Match[str] | None:
    """Where the text names the option: "battery" for "battery life", "waterproof" or
    "water resistant" for "water resistance" (a word starting like the key's first word)."""
    first = key.lower().split()[0]
    if len(first) < 4:
        return re.search(rf"\b{re.escape(key.lower())}\b", clean)
    return re.search(rf"\b{re.escape(first[:5])}\w*", clean)


def _yes_no_option(clean: str, key: str) -> list[str]:
    """ "waterproof" asks for waterproof=yes, "not waterproof" for waterproof=no."""
    match = _key_at(clean, key)
    if match is None:
        return []
    return ["no" if _NEGATIVE.search(clean[: match.start()]) else "yes"]


_MORE = re.compile(
    r"\b(?:longer|more|bigger|larger|higher|greater|extra|better|brighter|stronger|faster"
    r"|longest|most|biggest|largest|highest|max(?:imum)?|best)\b(?:\s+\w+){0,2}\s*$"
)
_LESS = re.compile(
    r"\b(?:shorter|less|smaller|lower|fewer|lighter|dimmer|weaker|slower"
    r"|shortest|least|smallest|lowest|min(?:imum)?)\b(?:\s+\w+){0,2}\s*$"
)
_SUPERLATIVE = re.compile(r"\b(?:\w+est|most|least|max(?:imum)?|min(?:imum)?|best)\b")
# Word values in their order, for "a brighter one" or "the bigger size".
_SCALES = (
    ("low", "medium", "high"),
    ("small", "medium", "large"),
    ("beginner", "intermediate", "expert"),
)


def _compared(clean: str, key: str, choices: list[str], current: ItemOption | None) -> list[str]:
    """ "the longer battery life": the next value up from the line's own (or the highest),
    for options whose values can be ordered."""
    match = _key_at(clean, key)
    if match is None:
        return []
    before = clean[: match.start()]
    up, down = _MORE.search(before), _LESS.search(before)
    if up is None and down is None:
        return []
    mine = current.options.get(key) if current is not None else None
    ranks = {value: _rank(value) for value in {*choices, *([mine] if mine else [])}}
    known = {value: rank for value, rank in ranks.items() if rank is not None}
    if len(known) != len(ranks):
        return []
    ordered = sorted(choices, key=known.__getitem__)
    if up is not None and down is None:
        direction, said = 1, up.group(0)
    elif down is not None and up is None:
        direction, said = -1, down.group(0)
    else:
        return []
    if direction < 0:
        ordered.reverse()
    if mine is None or _SUPERLATIVE.search(said):
        return [ordered[-1]]
    return [v for v in ordered if (known[v] - known[mine]) * direction > 0][:1]


def _rank(value: str) -> Decimal | None:
    measured = measure_of(value)
    if measured is not None:
        return measured
    for scale in _SCALES:
        if value.lower() in scale:
            return Decimal(scale.index(value.lower()))
    return None


def _relative_size(
    clean: str, key: str, choices: list[str], current: ItemOption | None
) -> str | None:
    """ "one size up" from the size of the line being exchanged."""
    up, down = _SIZE_UP.search(clean), _SIZE_DOWN.search(clean)
    if current is None or not (up or down) or key not in current.options:
        return None
    ordered = sorted(set(choices) | {current.options[key]}, key=_size_rank)
    index = ordered.index(current.options[key]) + (1 if up else -1)
    return ordered[index] if 0 <= index < len(ordered) else None


def _size_rank(size: str) -> tuple[int, Decimal, str]:
    upper = size.upper()
    if upper in LETTER_SIZES:
        return (0, Decimal(LETTER_SIZES.index(upper)), upper)
    number = re.match(r"\d+(?:\.\d+)?", size)
    return (1, Decimal(number.group(0)), size) if number else (2, Decimal(0), size)


def _keeping_the_rest(
    pool: list[VariantOption], wanted: Mapping[str, list[str]], current: ItemOption | None
) -> list[VariantOption]:
    """The variants that change only what was asked for and keep the line's other options."""
    if current is None:
        return []
    unchanged = {key: value for key, value in current.options.items() if key not in wanted}
    return [v for v in pool if all(v.options.get(k) == val for k, val in unchanged.items())]


def _same_again(variants: Sequence[VariantOption], current: ItemOption) -> VariantPick | None:
    """The very variant being returned, or a question: never another one on a guess."""
    if not variants:
        return None
    same = [v for v in variants if dict(v.options) == dict(current.options) and v.available]
    if same:
        return VariantPick(item_id=same[0].item_id, for_ref=same[0].for_ref)
    others = [v for v in variants if v.available]
    question = "I can't send the very same one again. "
    return VariantPick(
        question=question + (_which(others) if others else "Would you like a refund?")
    )


def _meets(variant: VariantOption, wanted: Mapping[str, list[str]]) -> bool:
    return all(variant.options.get(key) in values for key, values in wanted.items())


def _by_price(pool: list[VariantOption], *, cheapest: bool) -> list[VariantOption]:
    if not pool:
        return pool
    target = min(v.price for v in pool) if cheapest else max(v.price for v in pool)
    return [v for v in pool if v.price == target]


def _constraints_only(text: Text, current: ItemOption | None) -> VariantPick | None:
    """Without variants on screen: the constraints, spelled like the line's own options."""
    if current is None:
        return None
    wanted: dict[str, str] = {}
    clean = text.clean
    spoken = spoken_sizes(clean, bare_numbers=True)
    for key, value in current.options.items():
        if is_size_key(key):
            size = _spoken_like(value, spoken)
            if size is not None:
                wanted[key] = size
        elif "color" in key.lower() or "colour" in key.lower():
            colours = [w for w in clean.split() if w in _COLOURS]
            if len(colours) == 1:
                wanted[key] = colours[0]
    if not wanted:
        return None
    return VariantPick(options=tuple(sorted(f"{key}={value}" for key, value in wanted.items())))


def _spoken_like(current: str, spoken: frozenset[str]) -> str | None:
    """The size asked for, spelled the way the line spells its own size."""
    if current.upper() in LETTER_SIZES:
        letters = [s for s in spoken if s in LETTER_SIZES]
        return letters[0] if len(letters) == 1 else None
    if current.replace(".", "").isdigit():
        numbers = [s for s in spoken if s.replace(".", "").isdigit()]
        return numbers[0] if len(numbers) == 1 else None
    words = [s for s in spoken if s in SIZE_WORDS]
    return words[0] if len(words) == 1 else None


def _which(variants: Sequence[VariantOption]) -> str:
    labels = [describe_variant(v) for v in variants[:4]]
    more = " (or another)" if len(variants) > 4 else ""
    return f"Which one would you like: {one_of(labels)}{more}?"


def _sold_out(variant: VariantOption) -> str:
    return f"Sorry, {describe_variant(variant)} is out of stock. Would you like another option?"


def describe_variant(variant: VariantOption) -> str:
    return "/".join(variant.options.values()) + f" (${variant.price})"
