"""Returns as kept: their lines, amounts, shipment and history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from returndesk.domain import (
    ExistingReturn,
    ReasonCode,
    Resolution,
    ReturnEvent,
    ReturnMethod,
    ReturnPath,
    ReturnStatus,
    Shipment,
)


@dataclass(frozen=True, slots=True)
class StoredReturnLine:
    line_no: int
    item_id: str
    product_id: str
    price: Decimal
    reason: ReasonCode
    note: str | None
    exchange_item_id: str | None


@dataclass(frozen=True, slots=True)
class StoredReturn:
    rma: str
    # Unique: a second request with the same key gets this return back.
    idempotency_key: str
    order_id: str
    customer_id: str
    thread_id: str | None
    status: ReturnStatus
    reason: ReasonCode
    note: str | None
    resolution: Resolution
    refund_payment_method_id: str | None
    method: ReturnMethod | None
    items_total: Decimal
    fees: Decimal
    bonus: Decimal
    refund_amount: Decimal
    exchange_difference: Decimal
    exchange_payment_method_id: str | None
    keep_item: bool
    shipment: Shipment | None
    lines: tuple[StoredReturnLine, ...]
    events: tuple[ReturnEvent, ...]
    created_at: datetime
    updated_at: datetime

    @property
    def path(self) -> ReturnPath:
        return ReturnPath.KEEP_ITEM if self.keep_item else ReturnPath.SHIP_BACK

    @property
    def approved_at(self) -> datetime | None:
        for event in reversed(self.events):
            if event.to_status is ReturnStatus.APPROVED:
                return event.at
        return None

    @property
    def exchange_item_ids(self) -> tuple[str, ...]:
        return tuple(line.exchange_item_id for line in self.lines if line.exchange_item_id)

    def after(self, event: ReturnEvent, *, shipment: Shipment | None = None) -> StoredReturn:
        """The return once `event` is recorded (see `Returns.record_event`)."""
        return replace(
            self,
            status=event.to_status,
            events=(*self.events, event),
            updated_at=event.at,
            shipment=shipment or self.shipment,
        )


class Returns(Protocol):
    async def get(self, rma: str, *, for_update: bool = False) -> StoredReturn:
        """`for_update` as for `Orders.get`. Raises `NotFound`."""
        ...

    async def find_by_idempotency_key(self, customer_id: str, key: str) -> StoredReturn | None:
        """The return made with this key for the customer. Where keys are unique across
        customers (SQL) another customer's may come back: the caller refuses it."""
        ...

    async def newest_first(self, *, customer_id: str | None = None) -> Sequence[StoredReturn]:
        """The customer's returns, or every return when no customer is given."""
        ...

    async def customer_rmas(self, customer_id: str) -> Sequence[str]:
        """The numbers of the customer's returns, in `newest_first` order."""
        ...

    async def existing(self, customer_id: str, order_ids: Sequence[str]) -> list[ExistingReturn]:
        """What eligibility needs about the returns already made on these orders of the
        customer's."""
        ...

    async def rmas_in(self, statuses: Sequence[ReturnStatus]) -> Sequence[str]:
        """Every return in one of these statuses (for sweeps over the whole store)."""
        ...

    async def add(self, new: StoredReturn) -> None:
        """Raises `Duplicate` when its idempotency key is taken (another request made it)."""
        ...

    async def record_event(
        self, rma: str, event: ReturnEvent, *, shipment: Shipment | None = None
    ) -> None:
        """Apply `event`: the status, the history, which lines the return still holds; and
        the shipment arranged with it, when one was."""
        ...
