"""What a staff member typed in a search box, and the customers it names.

One reading for every search in the console: a return number, an order id, an
email, a customer id or a name, each matched through an index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from returndesk.domain import normalize_rma
from returndesk.store.repositories.orders import normalize_order_id
from returndesk.store.tables import CustomerRow, OrderRow, ReturnRow

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


def _named(name: str) -> ColumnElement[bool]:
    first, last = func.lower(CustomerRow.first_name), func.lower(CustomerRow.last_name)
    words = name.split(" ")
    if len(words) >= 2:
        return and_(first == words[0], last == " ".join(words[1:]))
    return or_(first == name, last == name, CustomerRow.id == name)


def matching_customers(term: SearchTerm) -> Select[str]:
    """The ids of the customers the term names: by their return, order, email or name."""
    match term.kind:
        case SearchKind.RMA:
            return select(ReturnRow.customer_id).where(ReturnRow.rma == term.value)
        case SearchKind.ORDER:
            return select(OrderRow.customer_id).where(OrderRow.id == term.value)
        case SearchKind.EMAIL:
            return select(CustomerRow.id).where(CustomerRow.email == term.value)
        case SearchKind.NAME:
            return select(CustomerRow.id).where(_named(term.value))
