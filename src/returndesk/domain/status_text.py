"""Sentences for the shopper: what happens next to a return, and when the money arrives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from returndesk.domain.codes import Resolution, ReturnMethod
from returndesk.domain.customers import PaymentMethod
from returndesk.domain.lifecycle import ReturnStatus
from returndesk.domain.options import ReturnQuote
from returndesk.domain.policy import Policy


def next_step(
    status: ReturnStatus, *, method: ReturnMethod | None = None, keep_item: bool = False
) -> str:
    """What happens next to a return in `status`, in one or two sentences."""
    match status:
        case ReturnStatus.REQUESTED:
            return "We're checking your return request."
        case ReturnStatus.NEEDS_REVIEW:
            return (
                "A member of our team will review your return before it is approved; "
                "we'll let you know as soon as it's decided."
            )
        case ReturnStatus.APPROVED:
            if keep_item:
                return "Your return is approved and there's nothing to send back."
            return "Your return is approved; next you'll get what you need to send the items."
        case ReturnStatus.AWAITING_SHIPMENT:
            return _how_to_send(method)
        case ReturnStatus.IN_TRANSIT:
            return "Your items are on their way back to us; we'll tell you when they arrive."
        case ReturnStatus.RECEIVED:
            return "Your items have arrived and we're completing your return."
        case ReturnStatus.REFUNDED:
            return "Your money has been sent back."
        case ReturnStatus.EXCHANGED:
            return "Your replacement is on its way."
        case ReturnStatus.CLOSED:
            return "This return is complete; nothing more needs to happen."
        case ReturnStatus.CANCELLED:
            return "This return was cancelled; nothing more will happen."
        case ReturnStatus.REJECTED:
            return "After review this return wasn't approved; nothing more will happen."
        case ReturnStatus.EXPIRED:
            return (
                "This return expired because the items weren't sent in time, "
                "so they can no longer be returned."
            )
        case _:
            assert_never(status)


def _how_to_send(method: ReturnMethod | None) -> str:
    match method:
        case ReturnMethod.PREPAID_LABEL:
            return "Print the label, attach it to the parcel and hand it to the carrier."
        case ReturnMethod.QR_DROP_OFF:
            return "Show your QR code at a carrier drop-off point; they'll label the parcel."
        case ReturnMethod.SCHEDULE_PICKUP:
            return "Have the items packed and ready for the pickup in your chosen window."
        case ReturnMethod.STORE_DROP_OFF:
            return "Bring the items to any of our stores and give your return number."
        case None:
            return "Send the items back as described in your return confirmation."
        case _:
            assert_never(method)


def refund_timing(destination: PaymentMethod, *, waits_for_items: bool, policy: Policy) -> str:
    """When money sent to `destination` arrives: gift cards at once, cards and PayPal later."""
    timing = policy.refund_timing
    if destination.refunds_at_once:
        return timing.at_once
    return timing.after_arrival if waits_for_items else timing.without_return


def return_refund_timing(
    quote: ReturnQuote, destination: PaymentMethod | None, policy: Policy
) -> str | None:
    """The timing sentence for a return's money, or None when none is sent back.

    `destination` is where the money goes: the original payment method for a
    refund, the gift card for store credit, the chosen method for an exchange
    difference owed to the shopper.
    """
    if quote.resolution is Resolution.EXCHANGE:
        if quote.exchange_difference >= 0:
            return None
    elif quote.refund_amount <= 0:
        # Fees took the whole refund: no money moves, so there is nothing to wait for.
        return None
    if quote.resolution is Resolution.STORE_CREDIT:
        return policy.refund_timing.at_once
    if destination is None:
        return None
    return refund_timing(destination, waits_for_items=not quote.keep_item, policy=policy)


def one_of(labels: Sequence[str]) -> str:
    """ "A, B or C": choices listed for the shopper to pick one."""
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]
