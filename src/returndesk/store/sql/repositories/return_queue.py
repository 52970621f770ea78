"""The staff queue of returns: filtered, searched and paged on the server.

Pages are keyset pages, newest first: a page starts strictly after the last row
of the one before, by (created_at, rma), so reading page 500 costs what page 1
costs, and a return arriving meanwhile does not shift what follows.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import ColumnElement, Select, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain import (
    ReasonCode,
    Resolution,
    ReturnMethod,
    ReturnStatus,
    from_cents,
)
from returndesk.store.port.return_queue import QueueEntry, QueueFilter, QueuePosition
from returndesk.store.port.staff_search import SearchKind, SearchTerm, search_term
from returndesk.store.sql.repositories.staff_search import matching_customers
from returndesk.store.sql.tables import CustomerRow, ReturnLineRow, ReturnRow


def _item_counts() -> ColumnElement[int]:
    return (
        select(func.count(ReturnLineRow.id))
        .where(ReturnLineRow.rma == ReturnRow.rma)
        .scalar_subquery()
    )


def _search_condition(term: SearchTerm) -> ColumnElement[bool]:
    match term.kind:
        case SearchKind.RMA:
            return ReturnRow.rma == term.value
        case SearchKind.ORDER:
            return ReturnRow.order_id == term.value
        case SearchKind.EMAIL | SearchKind.NAME:
            return ReturnRow.customer_id.in_(matching_customers(term))


def _conditions(queue_filter: QueueFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if queue_filter.statuses:
        conditions.append(ReturnRow.status.in_([status.value for status in queue_filter.statuses]))
    if queue_filter.resolutions:
        conditions.append(ReturnRow.resolution.in_([r.value for r in queue_filter.resolutions]))
    if queue_filter.methods:
        conditions.append(ReturnRow.method.in_([method.value for method in queue_filter.methods]))
    if queue_filter.created_from is not None:
        conditions.append(ReturnRow.created_at >= queue_filter.created_from)
    if queue_filter.created_before is not None:
        conditions.append(ReturnRow.created_at < queue_filter.created_before)
    if queue_filter.min_items_total_cents is not None:
        conditions.append(ReturnRow.items_total_cents >= queue_filter.min_items_total_cents)
    if queue_filter.max_items_total_cents is not None:
        conditions.append(ReturnRow.items_total_cents <= queue_filter.max_items_total_cents)
    term = None if queue_filter.search is None else search_term(queue_filter.search)
    if term is not None:
        conditions.append(_search_condition(term))
    if queue_filter.customer_id is not None:
        conditions.append(ReturnRow.customer_id == queue_filter.customer_id)
    return conditions


def _queue_query(
    queue_filter: QueueFilter, after: QueuePosition | None, limit: int
) -> Select[ReturnRow, str, str, str, int]:
    query = (
        select(
            ReturnRow,
            CustomerRow.first_name,
            CustomerRow.last_name,
            CustomerRow.email,
            _item_counts(),
        )
        .join(CustomerRow, CustomerRow.id == ReturnRow.customer_id)
        .where(*_conditions(queue_filter))
        .order_by(ReturnRow.created_at.desc(), ReturnRow.rma.desc())
        .limit(limit)
    )
    if after is not None:
        query = query.where(
            tuple_(ReturnRow.created_at, ReturnRow.rma) < tuple_(after.created_at, after.rma)
        )
    return query


class SqlReturnQueue:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def page(
        self, queue_filter: QueueFilter, *, after: QueuePosition | None, limit: int
    ) -> Sequence[QueueEntry]:
        """Up to `limit` returns, newest first, after `after` when it is given.

        Several statuses are read one status at a time and merged: each read walks the
        (status, created_at) index in order and stops at `limit`, where one query over
        all of them would have the database sort every match of the period first.
        """
        if len(queue_filter.statuses) > 1:
            pages = [
                await self._one_query(replace(queue_filter, statuses=(status,)), after, limit)
                for status in dict.fromkeys(queue_filter.statuses)
            ]
            newest_first = heapq.merge(*pages, key=lambda entry: entry.position, reverse=True)
            return list(itertools.islice(newest_first, limit))
        return await self._one_query(queue_filter, after, limit)

    async def _one_query(
        self, queue_filter: QueueFilter, after: QueuePosition | None, limit: int
    ) -> list[QueueEntry]:
        rows = (await self.session.execute(_queue_query(queue_filter, after, limit))).all()
        return [
            QueueEntry(
                rma=row.rma,
                status=ReturnStatus(row.status),
                created_at=row.created_at,
                order_id=row.order_id,
                customer_id=row.customer_id,
                customer_name=f"{first} {last}",
                customer_email=email,
                reason=ReasonCode(row.reason_code),
                resolution=Resolution(row.resolution),
                method=None if row.method is None else ReturnMethod(row.method),
                items_total=from_cents(row.items_total_cents),
                refund_amount=from_cents(row.refund_amount_cents),
                item_count=count,
            )
            for row, first, last, email, count in rows
        ]

    async def review_count(self) -> int:
        """Returns waiting for a person's decision, for the console's header."""
        count = await self.session.scalar(
            select(func.count())
            .select_from(ReturnRow)
            .where(ReturnRow.status == ReturnStatus.NEEDS_REVIEW.value)
        )
        return int(count or 0)
