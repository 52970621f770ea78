"""The life of a return, as an explicit state machine.

Two paths share the statuses. A return whose items travel back::

    requested → approved → awaiting_shipment → in_transit → received → refunded → closed
      │            ↑                 (store drop-off skips in_transit)   or exchanged
      └→ needs_review → rejected

A return whose items all stay with the shopper (merchant-fault items under the
keep-it threshold, or an accepted keep-with-discount offer) has nothing to ship,
so it is settled straight after approval: ``approved → refunded → closed`` (or
``exchanged`` when a replacement is sent). Store credit counts as `refunded`.

The shopper may cancel before anything has been shipped. An approved return
with no shipment expires after the policy's `expiry.days_after_approval`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import assert_never

from returndesk.domain.dates import require_aware
from returndesk.domain.policy import Policy
from returndesk.errors import InvalidTransition


class ReturnStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    NEEDS_REVIEW = "needs_review"
    REJECTED = "rejected"
    AWAITING_SHIPMENT = "awaiting_shipment"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    REFUNDED = "refunded"
    EXCHANGED = "exchanged"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class ReturnPath(StrEnum):
    SHIP_BACK = "ship_back"
    KEEP_ITEM = "keep_item"


class Actor(StrEnum):
    CUSTOMER = "customer"
    SYSTEM = "system"
    STAFF = "staff"


_S = ReturnStatus

_BEFORE_SHIPPING: Mapping[ReturnStatus, frozenset[ReturnStatus]] = {
    _S.REQUESTED: frozenset({_S.APPROVED, _S.NEEDS_REVIEW, _S.CANCELLED}),
    _S.NEEDS_REVIEW: frozenset({_S.APPROVED, _S.REJECTED, _S.CANCELLED}),
}
_SETTLED: Mapping[ReturnStatus, frozenset[ReturnStatus]] = {
    _S.REFUNDED: frozenset({_S.CLOSED}),
    _S.EXCHANGED: frozenset({_S.CLOSED}),
}

TRANSITIONS: Mapping[ReturnPath, Mapping[ReturnStatus, frozenset[ReturnStatus]]] = {
    ReturnPath.SHIP_BACK: {
        **_BEFORE_SHIPPING,
        _S.APPROVED: frozenset({_S.AWAITING_SHIPMENT, _S.CANCELLED, _S.EXPIRED}),
        # A store drop-off is handed over in person, so it may skip `in_transit`.
        _S.AWAITING_SHIPMENT: frozenset({_S.IN_TRANSIT, _S.RECEIVED, _S.CANCELLED, _S.EXPIRED}),
        _S.IN_TRANSIT: frozenset({_S.RECEIVED}),
        _S.RECEIVED: frozenset({_S.REFUNDED, _S.EXCHANGED}),
        **_SETTLED,
    },
    ReturnPath.KEEP_ITEM: {
        **_BEFORE_SHIPPING,
        _S.APPROVED: frozenset({_S.REFUNDED, _S.EXCHANGED, _S.CANCELLED}),
        **_SETTLED,
    },
}
"""Allowed moves per path; a status missing from a path's table is final on that path."""

CUSTOMER_CANCELLABLE: frozenset[ReturnStatus] = frozenset(
    {_S.REQUESTED, _S.APPROVED, _S.NEEDS_REVIEW, _S.AWAITING_SHIPMENT}
)

# The policy frees an item only from a cancelled return: a rejected or expired
# return still counts, so a refused item cannot simply be asked for again.
RELEASED: frozenset[ReturnStatus] = frozenset({_S.CANCELLED})

ACTIVE: frozenset[ReturnStatus] = frozenset(ReturnStatus) - RELEASED
"""Statuses in which a return holds its order lines (including settled and refused ones)."""

ENDED_WITHOUT_ITEMS: frozenset[ReturnStatus] = frozenset({_S.CANCELLED, _S.REJECTED, _S.EXPIRED})
"""Ended before the items came back: no money moves for them."""

FINAL: frozenset[ReturnStatus] = frozenset({_S.REJECTED, _S.CLOSED, _S.CANCELLED, _S.EXPIRED})

# Statuses that wait for the shopper to send the items; expiry applies to them.
_WAITING_FOR_SHIPMENT = frozenset({_S.APPROVED, _S.AWAITING_SHIPMENT})


@dataclass(frozen=True, slots=True)
class ReturnEvent:
    """One step in a return's history; `from_status` is None for its creation."""

    from_status: ReturnStatus | None
    to_status: ReturnStatus
    actor: Actor
    at: datetime
    note: str | None = None
    # Which member of the store's team made a staff move; None for anyone else, or the CLI.
    staff_member_id: int | None = None


def allowed_targets(current: ReturnStatus, path: ReturnPath) -> frozenset[ReturnStatus]:
    return TRANSITIONS[path].get(current, frozenset())


# The moves the staff console offers; the others (awaiting shipment, expiry, a
# shopper's cancellation) happen on their own.
_CONSOLE_MOVES = (
    _S.APPROVED,
    _S.REJECTED,
    _S.IN_TRANSIT,
    _S.RECEIVED,
    _S.REFUNDED,
    _S.EXCHANGED,
    _S.CLOSED,
)


def staff_moves(current: ReturnStatus, path: ReturnPath, *, exchange: bool) -> list[ReturnStatus]:
    """What a person of the store may move a return to next, in the order of its life.

    A return settles as the shopper chose: an exchange is exchanged, anything else refunded.
    """
    settled_otherwise = _S.REFUNDED if exchange else _S.EXCHANGED
    allowed = allowed_targets(current, path)
    return [
        status for status in _CONSOLE_MOVES if status in allowed and status != settled_otherwise
    ]


def actor_may(actor: Actor, current: ReturnStatus, target: ReturnStatus) -> bool:
    """Shoppers may only cancel; a review is decided by a person of the store."""
    match actor:
        case Actor.CUSTOMER:
            return target is _S.CANCELLED
        case Actor.STAFF:
            return True
        case Actor.SYSTEM:
            return not (current is _S.NEEDS_REVIEW and target in {_S.APPROVED, _S.REJECTED})
        case _:
            assert_never(actor)


def can_transition(
    current: ReturnStatus,
    target: ReturnStatus,
    actor: Actor,
    path: ReturnPath = ReturnPath.SHIP_BACK,
) -> bool:
    return target in allowed_targets(current, path) and actor_may(actor, current, target)


def transition(
    current: ReturnStatus,
    target: ReturnStatus,
    actor: Actor,
    at: datetime,
    note: str | None = None,
    *,
    path: ReturnPath = ReturnPath.SHIP_BACK,
    staff_member_id: int | None = None,
) -> ReturnEvent:
    """The event moving a return from `current` to `target`, or `InvalidTransition`."""
    require_aware(at, "at")
    allowed = allowed_targets(current, path)
    if target not in allowed:
        if not allowed:
            raise InvalidTransition(
                f"A return that is {current.label} is final and cannot become {target.label}."
            )
        options = ", ".join(sorted(status.label for status in allowed))
        raise InvalidTransition(
            f"A return that is {current.label} cannot become {target.label}; "
            f"it can only become: {options}."
        )
    if not actor_may(actor, current, target):
        raise InvalidTransition(
            f"The {actor.value} cannot move a return from {current.label} to {target.label}."
        )
    return ReturnEvent(current, target, actor, at, note, staff_member_id)


def creation_events(
    *, needs_review: bool, at: datetime, note: str | None = None
) -> tuple[ReturnEvent, ReturnEvent]:
    """The shopper's request and the system's decision, recorded when a return is created."""
    requested = ReturnEvent(None, _S.REQUESTED, Actor.CUSTOMER, require_aware(at, "at"), note)
    decided = transition(
        _S.REQUESTED, _S.NEEDS_REVIEW if needs_review else _S.APPROVED, Actor.SYSTEM, at
    )
    return requested, decided


def expires_at(approved_at: datetime, policy: Policy) -> datetime:
    return require_aware(approved_at, "approved_at") + timedelta(
        days=policy.expiry.days_after_approval
    )


def is_expired(
    status: ReturnStatus,
    approved_at: datetime | None,
    now: datetime,
    policy: Policy,
    path: ReturnPath = ReturnPath.SHIP_BACK,
) -> bool:
    """Whether a return still waiting for its items has passed its expiry time."""
    if path is not ReturnPath.SHIP_BACK or approved_at is None:
        return False
    if status not in _WAITING_FOR_SHIPMENT:
        return False
    return require_aware(now, "now") >= expires_at(approved_at, policy)
