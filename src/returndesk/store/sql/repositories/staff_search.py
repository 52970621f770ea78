"""The customers a staff search names, in SQL: each kind matched through an index."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from returndesk.store.port.staff_search import SearchKind, SearchTerm
from returndesk.store.sql.tables import CustomerRow, OrderRow, ReturnRow


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
