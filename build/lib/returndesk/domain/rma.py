"""Return numbers: `R-` and 8 random Crockford base32 characters, e.g. `R-7K3QX9M2`.

Random rather than sequential, so a number reveals nothing about how many
returns a store has and cannot be guessed from another one.
"""

from __future__ import annotations

import random
import re
import secrets

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RMA_PREFIX = "R-"
RMA_CODE_LENGTH = 8

_SYSTEM_RANDOM = secrets.SystemRandom()
_RMA = re.compile(rf"R-[{CROCKFORD_ALPHABET}]{{{RMA_CODE_LENGTH}}}")
# Crockford decoding folds look-alike letters onto digits.
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_TYPED_RMA = re.compile(r"R\s*[-_ ]?\s*([0-9A-Z]{4})[\s-]?([0-9A-Z]{4})")


def random_code(length: int, rng: random.Random | None = None) -> str:
    """`length` Crockford base32 characters; `rng` defaults to the operating system's."""
    source = rng or _SYSTEM_RANDOM
    return "".join(source.choice(CROCKFORD_ALPHABET) for _ in range(length))


def new_rma(rng: random.Random | None = None) -> str:
    return RMA_PREFIX + random_code(RMA_CODE_LENGTH, rng)


def is_valid_rma(value: str) -> bool:
    """Exactly the canonical form: upper case, `R-`, 8 Crockford characters."""
    return _RMA.fullmatch(value) is not None


def normalize_rma(text: str) -> str | None:
    """The canonical return number a shopper meant, or None.

    Accepts lower case, spaces, a missing hyphen and the look-alikes O, I and L.
    """
    match = _TYPED_RMA.fullmatch(text.strip().upper())
    if match is None:
        return None
    candidate = RMA_PREFIX + (match.group(1) + match.group(2)).translate(_LOOK_ALIKES)
    return candidate if is_valid_rma(candidate) else None
