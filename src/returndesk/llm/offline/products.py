"""A product of the catalogue named in a message, and the options asked about.

"what colours does the hiking boot come in" names Hiking Boots; "is the 1000-piece
puzzle in stock" names Jigsaw Puzzle with pieces=1000. A product the catalogue
does not have keeps the words the shopper used ("hoverboards"), so the answer can
say it was not found instead of guessing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from returndesk.llm.offline.context import ProductOption
from returndesk.llm.offline.normalize import Text, normalize, singular
from returndesk.llm.offline.options import SIZE_WORDS, is_size_key


@dataclass(frozen=True, slots=True)
class ProductMention:
    # The catalogue's name, or the shopper's words when the catalogue has no such product.
    name: str
    known: bool
    # The options asked about, as "option=value" in the store's spelling, sorted.
    options: tuple[str, ...] = ()


# "do you sell hoverboards?": the words after the verb name the product.
_ASKED_ABOUT = re.compile(
    r"\b(?:do you (?:sell|have|carry|stock|still have)|sell|stock|carry|have|got|is|are"
    r"|much is|much are|much does|price of|cost of|about)"
    r" (?:the |a |an |any |your |some )?(?P<phrase>[a-z][a-z0-9' -]{1,40}?)"
    r"(?: (?:in|with|come|cost|available|still|for)\b| ?\?|$)"
)
_NOT_A_PRODUCT = frozenset(
    {"it", "that", "this", "there", "my order", "my", "you", "there any", "stock", "the price"}
)


@functools.cache
def _words(name: str) -> tuple[str, ...]:
    """A product's name as the reader sees the shopper's words ("T-Shirt" → "tshirt")."""
    return tuple(singular(word) for word in normalize(name).words)


def find_product(text: Text, products: Sequence[ProductOption]) -> ProductMention | None:
    """The product the text names, if it names one of `products` or asks about another."""
    said = tuple(singular(word) for word in text.clean.split())
    joined = f" {' '.join(said)} "
    whole = [p for p in products if f" {' '.join(_words(p.name))} " in joined]
    if len(whole) > 1:
        # "smart watch" also holds "watch": the longest name said wins.
        longest = max(len(_words(p.name)) for p in whole)
        whole = [p for p in whole if len(_words(p.name)) == longest]
    found = whole if len(whole) == 1 else []
    if not found:
        heads = [p for p in products if _words(p.name)[-1] in said]
        found = heads if len(heads) == 1 else []
    if found:
        product = found[0]
        return ProductMention(product.name, True, asked_options(text, product))
    match = _ASKED_ABOUT.search(text.clean)
    if match is None:
        return None
    phrase = match.group("phrase").strip()
    if phrase in _NOT_A_PRODUCT or phrase.startswith(("my ", "it ", "there ")):
        return None
    return ProductMention(phrase, False)


def asked_options(text: Text, product: ProductOption) -> tuple[str, ...]:
    """The options of `product` the text names, as "option=value", sorted."""
    clean = text.clean
    asked: dict[str, str] = {}
    for option, values in product.options.items():
        for value in values:
            if _mentions(clean, option, value):
                asked.setdefault(option, value)
    # A value several options share ("black" for a strap and a dial) counts only where
    # the option's own name is said too.
    counted: dict[str, int] = {}
    for value in asked.values():
        counted[value] = counted.get(value, 0) + 1
    kept = {
        option: value
        for option, value in asked.items()
        if counted[value] == 1 or option.lower().split()[0] in clean
    }
    return tuple(sorted(f"{option}={value}" for option, value in kept.items()))


def _mentions(clean: str, option: str, value: str) -> bool:
    wanted = value.lower()
    if is_size_key(option):
        spoken = {letter for word, letter in SIZE_WORDS.items() if re.search(rf"\b{word}\b", clean)}
        if value in spoken:
            return True
        return re.search(rf"\bsize {re.escape(wanted)}\b", clean) is not None
    if wanted in {"yes", "no"} or len(wanted) < 2:
        return False
    return re.search(rf"(?<![\w.]){re.escape(wanted)}(?![\w])", clean) is not None
