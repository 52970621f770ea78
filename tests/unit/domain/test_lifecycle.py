"""The return lifecycle: allowed and forbidden moves, who may make them, and expiry."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from returndesk.domain import (
    CUSTOMER_CANCELLABLE,
    FINAL,
    Actor,
    ReturnPath,
    ReturnStatus,
    allowed_targets,
    can_transition,
    creation_events,
    expires_at,
    is_expired,
    transition,
)
from returndesk.errors import InvalidTransition
from tests.support.domain_factories import NOW, POLICY
from tests.support.lifecycle_tables import KEEP_ITEM, SHIP_BACK

S = ReturnStatus

TABLES = {ReturnPath.SHIP_BACK: SHIP_BACK, ReturnPath.KEEP_ITEM: KEEP_ITEM}
ALL_MOVES = [
    (path, current, target)
    for path in ReturnPath
    for current, target in itertools.product(ReturnStatus, repeat=2)
]


@pytest.mark.parametrize(("path", "current", "target"), ALL_MOVES)
def test_every_move_is_allowed_exactly_as_the_policy_says(
    path: ReturnPath, current: ReturnStatus, target: ReturnStatus
) -> None:
    allowed = target in TABLES[path].get(current, set())

    assert can_transition(current, target, Actor.STAFF, path) is allowed
    if allowed:
        event = transition(current, target, Actor.STAFF, NOW, path=path)
        assert (event.from_status, event.to_status, event.at) == (current, target, NOW)
    else:
        with pytest.raises(InvalidTransition):
            transition(current, target, Actor.STAFF, NOW, path=path)


@pytest.mark.parametrize(
    ("status", "cancellable"),
    [
        (S.REQUESTED, True),
        (S.APPROVED, True),
        (S.NEEDS_REVIEW, True),
        (S.AWAITING_SHIPMENT, True),
        (S.IN_TRANSIT, False),
        (S.RECEIVED, False),
        (S.REFUNDED, False),
        (S.EXCHANGED, False),
        (S.CLOSED, False),
        (S.REJECTED, False),
        (S.CANCELLED, False),
        (S.EXPIRED, False),
    ],
)
def test_the_customer_may_cancel_only_before_shipping(
    status: ReturnStatus, cancellable: bool
) -> None:
    assert (status in CUSTOMER_CANCELLABLE) is cancellable
    assert can_transition(status, S.CANCELLED, Actor.CUSTOMER) is cancellable


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.REQUESTED, S.APPROVED),
        (S.NEEDS_REVIEW, S.APPROVED),
        (S.NEEDS_REVIEW, S.REJECTED),
        (S.APPROVED, S.AWAITING_SHIPMENT),
        (S.RECEIVED, S.REFUNDED),
        (S.APPROVED, S.EXPIRED),
    ],
)
def test_the_customer_may_do_nothing_but_cancel(
    current: ReturnStatus, target: ReturnStatus
) -> None:
    assert not can_transition(current, target, Actor.CUSTOMER)
    with pytest.raises(InvalidTransition, match="The customer cannot move a return"):
        transition(current, target, Actor.CUSTOMER, NOW)


@pytest.mark.parametrize("target", [S.APPROVED, S.REJECTED])
def test_a_review_is_decided_by_staff_not_by_the_system(target: ReturnStatus) -> None:
    assert not can_transition(S.NEEDS_REVIEW, target, Actor.SYSTEM)
    assert can_transition(S.NEEDS_REVIEW, target, Actor.STAFF)


def test_refusals_name_the_allowed_moves_or_finality() -> None:
    with pytest.raises(InvalidTransition, match="in transit cannot become cancelled; it can only"):
        transition(S.IN_TRANSIT, S.CANCELLED, Actor.CUSTOMER, NOW)
    with pytest.raises(InvalidTransition, match="closed is final"):
        transition(S.CLOSED, S.REFUNDED, Actor.STAFF, NOW)


@pytest.mark.parametrize("status", list(ReturnStatus))
def test_final_statuses_have_no_way_out(status: ReturnStatus) -> None:
    final = status in {S.REJECTED, S.CLOSED, S.CANCELLED, S.EXPIRED}

    assert (status in FINAL) is final
    for path in ReturnPath:
        if final:
            assert allowed_targets(status, path) == frozenset()


@pytest.mark.parametrize(("needs_review", "decided"), [(False, S.APPROVED), (True, S.NEEDS_REVIEW)])
def test_creation_records_the_request_and_the_decision(
    needs_review: bool, decided: ReturnStatus
) -> None:
    requested, decision = creation_events(needs_review=needs_review, at=NOW, note="hi")

    assert (requested.from_status, requested.to_status, requested.actor) == (
        None,
        S.REQUESTED,
        Actor.CUSTOMER,
    )
    assert (decision.from_status, decision.to_status, decision.actor) == (
        S.REQUESTED,
        decided,
        Actor.SYSTEM,
    )


APPROVED_AT = datetime(2026, 3, 1, 15, 30, tzinfo=UTC)


def test_expiry_is_28_days_after_approval() -> None:
    assert expires_at(APPROVED_AT, POLICY) == datetime(2026, 3, 29, 15, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "path", "now", "expired"),
    [
        (S.APPROVED, ReturnPath.SHIP_BACK, datetime(2026, 3, 29, 15, 29, 59, tzinfo=UTC), False),
        (S.APPROVED, ReturnPath.SHIP_BACK, datetime(2026, 3, 29, 15, 30, tzinfo=UTC), True),
        (S.AWAITING_SHIPMENT, ReturnPath.SHIP_BACK, datetime(2026, 4, 10, tzinfo=UTC), True),
        (S.AWAITING_SHIPMENT, ReturnPath.SHIP_BACK, datetime(2026, 3, 20, tzinfo=UTC), False),
        # Shipped, settled or ended: nothing left to expire.
        (S.IN_TRANSIT, ReturnPath.SHIP_BACK, datetime(2026, 5, 1, tzinfo=UTC), False),
        (S.RECEIVED, ReturnPath.SHIP_BACK, datetime(2026, 5, 1, tzinfo=UTC), False),
        (S.CANCELLED, ReturnPath.SHIP_BACK, datetime(2026, 5, 1, tzinfo=UTC), False),
        # Nothing to ship, nothing to wait for.
        (S.APPROVED, ReturnPath.KEEP_ITEM, datetime(2026, 5, 1, tzinfo=UTC), False),
    ],
)
def test_an_unshipped_return_expires_28_days_after_approval(
    status: ReturnStatus, path: ReturnPath, now: datetime, expired: bool
) -> None:
    assert is_expired(status, APPROVED_AT, now, POLICY, path) is expired


def test_a_return_never_approved_does_not_expire() -> None:
    assert not is_expired(S.NEEDS_REVIEW, None, NOW + timedelta(days=365), POLICY)
