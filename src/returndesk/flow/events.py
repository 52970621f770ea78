"""The events that move a conversation, whichever door they come through.

A click's payload and a language model's tool call both become one of these.
They carry references only (order ids, line numbers, codes), never prices or
eligibility: those are always derived again from the database. Each use case
declares its own events beside its flow; the ones here belong to the frame.

An event is also the language model's tool of the same name: its docstring
describes the tool (Google style, with `Args:` naming the tool's arguments) and
`progress` is what the tool shows while it runs. Field annotations say how a
tool's argument differs from a click's (see `ItemRef`, `OneOf`, `ClickOnly`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, Protocol


@dataclass(frozen=True, slots=True)
class Progress:
    """What a tool shows while its event runs, once it is done, and its icon."""

    running: str
    finished: str
    icon: str


class FlowEvent(Protocol):
    name: ClassVar[str]
    progress: ClassVar[Progress]
    __dataclass_fields__: ClassVar[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class ItemRef:
    """A line number that a tool names by the brief's item ref (`#W2611340:2`), as `argument`."""

    argument: str


@dataclass(frozen=True, slots=True)
class ItemRefs:
    """Line numbers that a tool names by item refs, all of one order, as `argument`."""

    argument: str


@dataclass(frozen=True, slots=True)
class OrderOfItems:
    """An order id a tool leaves out: it is the order of the item refs given."""


@dataclass(frozen=True, slots=True)
class OneOf:
    """Text that must be one of an enum's values: a tool's argument takes the enum."""

    values: type[StrEnum]


@dataclass(frozen=True, slots=True)
class ClickOnly:
    """A field that only a widget sends; a tool does not offer it."""


@dataclass(frozen=True, slots=True)
class Verify:
    """Verify who the shopper is: by email, or by first name, last name and ZIP code.

    Args:
        email: The email address on the account.
        first_name: First name, with last_name and zip.
        last_name: Last name, with first_name and zip.
        zip: ZIP code of the account's address.
    """

    name: ClassVar[str] = "verify"
    progress: ClassVar[Progress] = Progress(
        "Checking your details", "Checked your details", "profile"
    )
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    zip: str | None = None


@dataclass(frozen=True, slots=True)
class Confirm:
    """Confirm the summary on screen. Only after the shopper said yes to that summary."""

    name: ClassVar[str] = "confirm"
    progress: ClassVar[Progress] = Progress("Confirming", "Confirmed", "check-circle")


@dataclass(frozen=True, slots=True)
class GoBack:
    """Go back one question, to change the answer given there."""

    name: ClassVar[str] = "go_back"
    progress: ClassVar[Progress] = Progress("Going back", "Went back", "chevron-left")


@dataclass(frozen=True, slots=True)
class StartOver:
    """Drop what is in progress and show the menu."""

    name: ClassVar[str] = "start_over"
    progress: ClassVar[Progress] = Progress("Starting over", "Started over", "reload")


@dataclass(frozen=True, slots=True)
class QueueRequests:
    """Note the requests the shopper asked for after the one being started, in the same
    message, so each starts when the one before is over. Call it after starting the first.

    Args:
        requests: The names of the tools that start them, in the order asked, e.g.
            ["start_address_change"].
    """

    name: ClassVar[str] = "queue_requests"
    progress: ClassVar[Progress] = Progress(
        "Noting your requests", "Noted your requests", "notebook"
    )
    requests: tuple[str, ...] = ()


FRAME_EVENTS: tuple[type[FlowEvent], ...] = (Verify, Confirm, GoBack, StartOver, QueueRequests)
