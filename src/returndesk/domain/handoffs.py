"""Hand-offs: a shopper's request for a person, and who of the store's team holds it.

A hand-off opens when the shopper asks for a person. One staff member claims it
and, while they hold it, answers the shopper in the same chat instead of the
assistant. It ends when they hand the thread back to the assistant or close it
with a note. A thread has at most one hand-off that is not over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from returndesk.errors import Conflict, InvalidRequest

MAX_SUMMARY_CHARS = 1000
MAX_REPLY_CHARS = 4000
MAX_CLOSE_NOTE_CHARS = 2000


class HandoffStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    # Over: the assistant answers the shopper again, from where the flow stood.
    HANDED_BACK = "handed_back"
    # Over: the person dealt with it, and said how in the closing note.
    CLOSED = "closed"

    @property
    def is_over(self) -> bool:
        return self in (HandoffStatus.HANDED_BACK, HandoffStatus.CLOSED)


ACTIVE = (HandoffStatus.OPEN, HandoffStatus.CLAIMED)


@dataclass(frozen=True, slots=True)
class Holder:
    """The staff member who holds a hand-off, as the shopper and the team see them."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Handoff:
    id: int
    status: HandoffStatus
    thread_id: str | None
    customer_id: str | None
    customer_name: str | None
    customer_email: str | None
    summary: str
    created_at: datetime
    # What the conversation was about when the shopper asked, when it was about one.
    order_id: str | None
    rma: str | None
    holder: Holder | None
    claimed_at: datetime | None
    first_reply_at: datetime | None
    closed_at: datetime | None
    close_note: str | None

    def waiting_seconds(self, now: datetime) -> int:
        """How long the shopper waited for a person: until the claim, or until now."""
        until = self.claimed_at or (self.closed_at if self.status.is_over else None) or now
        return max(0, int((until - self.created_at).total_seconds()))

    @property
    def handler(self) -> Holder | None:
        """Who answers the shopper instead of the assistant now: the holder while claimed."""
        return self.holder if self.status is HandoffStatus.CLAIMED else None

    def held_by(self, staff_id: int) -> bool:
        return self.handler is not None and self.handler.id == staff_id


def check_claimable(handoff: Handoff) -> None:
    """A hand-off is claimed once: a second claimant is told who has it."""
    if handoff.status is HandoffStatus.CLAIMED and handoff.holder is not None:
        raise Conflict(f"{handoff.holder.name} has this hand-off.")
    if handoff.status.is_over:
        raise Conflict("This hand-off is over; nobody can claim it now.")


def check_holder(handoff: Handoff, staff_id: int) -> None:
    """Replying and handing back are for whoever holds the hand-off."""
    if handoff.held_by(staff_id):
        return
    if handoff.status is HandoffStatus.OPEN:
        raise Conflict("Claim this hand-off first.")
    check_claimable(handoff)
    raise Conflict("This hand-off is not yours.")


def check_closable(handoff: Handoff, staff_id: int) -> None:
    """The holder closes a claimed hand-off; an open one anyone may close (a duplicate, spam)."""
    if handoff.status is HandoffStatus.OPEN:
        return
    check_holder(handoff, staff_id)


def reply_text(text: object) -> str:
    if not isinstance(text, str) or not text.strip():
        raise InvalidRequest("Write a reply first.")
    if len(text) > MAX_REPLY_CHARS:
        raise InvalidRequest(f"A reply is at most {MAX_REPLY_CHARS} characters.")
    return text.strip()


def close_note(text: object) -> str | None:
    if text is None:
        return None
    if not isinstance(text, str):
        raise InvalidRequest("The closing note must be text.")
    if len(text) > MAX_CLOSE_NOTE_CHARS:
        raise InvalidRequest(f"A closing note is at most {MAX_CLOSE_NOTE_CHARS} characters.")
    return text.strip() or None
