"""What a staff member typed in a search box.

One reading for every search in the console: a return number, an order id, an
email, a customer id or a name; each backend matches it through an index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from returndesk.domain import normalize_rma
from returndesk.store.port.orders import normalize_order_id

_ORDER_ID = re.compile(r"#?W\d{7}", re.IGNORECASE)
MAX_SEARCH_CHARS = 200


class SearchKind(StrEnum):
    RMA = "rma"
    ORDER = "order"
    EMAIL = "email"
    # A name, or a customer's id (one word).
    NAME = "name"


@dataclass(frozen=True, slots=True)
class SearchTerm:
    kind: SearchKind
    # The canonical return number or order id, the lower-cased email, or the lower-cased name.
    value: str


def search_term(text: str) -> SearchTerm | None:
    """None for blank text."""
    text = " ".join(text.split())[:MAX_SEARCH_CHARS]
    if not text:
        return None
    rma = normalize_rma(text)
    if rma is not None:
        return SearchTerm(SearchKind.RMA, rma)
    if _ORDER_ID.fullmatch(text):
        return SearchTerm(SearchKind.ORDER, normalize_order_id(text))
    if "@" in text:
        return SearchTerm(SearchKind.EMAIL, text.lower())
    return SearchTerm(SearchKind.NAME, text.lower())
