"""The return lifecycle written out as the tests expect it: every allowed move, per path."""

from __future__ import annotations

from returndesk.domain import ReturnStatus

S = ReturnStatus

# The policy's lifecycle, written out by hand. Ship-back: requested → approved (or
# needs_review → approved / rejected) → awaiting_shipment → in_transit → received →
# refunded / exchanged → closed; cancel before shipping; expire when nothing is shipped.
# A store drop-off is handed over in person, so awaiting_shipment may go straight to received.
SHIP_BACK: dict[ReturnStatus, set[ReturnStatus]] = {
    S.REQUESTED: {S.APPROVED, S.NEEDS_REVIEW, S.CANCELLED},
    S.NEEDS_REVIEW: {S.APPROVED, S.REJECTED, S.CANCELLED},
    S.APPROVED: {S.AWAITING_SHIPMENT, S.CANCELLED, S.EXPIRED},
    S.AWAITING_SHIPMENT: {S.IN_TRANSIT, S.RECEIVED, S.CANCELLED, S.EXPIRED},
    S.IN_TRANSIT: {S.RECEIVED},
    S.RECEIVED: {S.REFUNDED, S.EXCHANGED},
    S.REFUNDED: {S.CLOSED},
    S.EXCHANGED: {S.CLOSED},
}
# Nothing travels back: settled straight after approval, and nothing can expire.
KEEP_ITEM: dict[ReturnStatus, set[ReturnStatus]] = {
    S.REQUESTED: {S.APPROVED, S.NEEDS_REVIEW, S.CANCELLED},
    S.NEEDS_REVIEW: {S.APPROVED, S.REJECTED, S.CANCELLED},
    S.APPROVED: {S.REFUNDED, S.EXCHANGED, S.CANCELLED},
    S.REFUNDED: {S.CLOSED},
    S.EXCHANGED: {S.CLOSED},
}
