"""Everything the console shows on a return's page, read in one go."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from returndesk.domain import (
    Catalog,
    Customer,
    Order,
    Resolution,
    ReturnStatus,
    staff_moves,
)
from returndesk.domain.audit import AuditEntry
from returndesk.operations.context import Operations
from returndesk.store.port.returns import StoredReturn

# A return's audit trail is short; a page shows its newest entries.
AUDIT_ENTRIES_SHOWN = 100


@dataclass(frozen=True, slots=True)
class ReturnDetail:
    ret: StoredReturn
    customer: Customer
    order: Order
    # The products of an exchange's replacements.
    exchange_catalog: Catalog
    # Who moved it, by staff member id, for the timeline.
    staff_names: Mapping[int, str]
    audit: Sequence[AuditEntry]
    moves: Sequence[ReturnStatus]


async def return_detail(ops: Operations, rma: str) -> ReturnDetail:
    """Raises `NotFound` for a return that does not exist."""
    async with ops.storage.reading() as repositories:
        ret = await repositories.returns.get(rma)
        customer = await repositories.customers.get(ret.customer_id)
        order = await repositories.orders.get(ret.order_id)
        exchange_ids = ret.exchange_item_ids
        catalog = await repositories.products.catalog(
            await repositories.products.products_of_items(exchange_ids)
        )
        staff_ids = {e.staff_member_id for e in ret.events if e.staff_member_id is not None}
        names = await repositories.staff.names(staff_ids)
        audit = await repositories.audit.entries(limit=AUDIT_ENTRIES_SHOWN, subject=ret.rma)
    return ReturnDetail(
        ret=ret,
        customer=customer,
        order=order,
        exchange_catalog=catalog,
        staff_names=names,
        audit=audit,
        moves=staff_moves(ret.status, ret.path, exchange=ret.resolution is Resolution.EXCHANGE),
    )
