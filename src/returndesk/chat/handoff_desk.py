"""The team's side of a hand-off, in the shopper's thread: what the shopper is shown when a
person joins, replies, hands the conversation back or closes it, and what the team is shown
of the shopper's messages meanwhile.

Staff write in a thread as its owner would be read by (see `staff_view`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from chatkit.types import (
    ThreadItem,
    ThreadItemDoneEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    WidgetItem,
)

from returndesk.chat.conversation import Conversation, Outcome
from returndesk.chat.staff_view import transcript
from returndesk.chat.streaming import assistant_message
from returndesk.domain.handoffs import Handoff, check_holder, close_note, reply_text
from returndesk.domain.staff import StaffMember
from returndesk.errors import Conflict, InvalidRequest, NotEligible, NotFound
from returndesk.operations.handoffs import (
    Saying,
    claim_handoff,
    close_handoff,
    hand_back,
    handoff,
    reply_to_shopper,
    show_items,
)
from returndesk.request_context import RequestContext
from returndesk.store.port.storage import Repositories
from returndesk.usecases.cancellations.events import StartOrderCancellation
from returndesk.usecases.returns.events import StartReturn
from returndesk.widgets.components import build_root
from returndesk.widgets.staff_reply import staff_reply_card

JOINED = "{name} from our team has joined the conversation and will answer you here."
HANDED_BACK = (
    "{name} handed the conversation back to me. We can carry on from the last card, "
    "or tell me what you need."
)
CLOSED = "{name} has finished helping you here. I'm still here if you need anything else."
HELD = (
    "{name} from our team is handling this conversation now: write here and they will "
    "answer. The cards work again once they hand the conversation back."
)


# An item for the thread of the given id.
_ItemMaker = Callable[[str], ThreadItem]


# What the team may start for the shopper, by the event that starts it in the conversation.
STARTS: dict[str, tuple[type[StartReturn] | type[StartOrderCancellation], str]] = {
    "return": (StartReturn, "a return of"),
    "cancellation": (StartOrderCancellation, "the cancellation of"),
}
STARTED = (
    "{name} started {what} order {order_id} for you. Check it on the card above and "
    "confirm it there yourself: nothing changes until you do."
)
_MAX_ORDER_ID_CHARS = 64


class HandoffDesk:
    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.ops = conversation.ops
        self.store = conversation.store

    async def read(self, handoff_id: int) -> tuple[Handoff, list[dict[str, Any]]]:
        """The hand-off with its whole conversation, oldest item first."""
        found = await handoff(self.ops, handoff_id)
        items = await transcript(self.store, found.thread_id) if found.thread_id else None
        return found, items or []

    async def claim(self, handoff_id: int, member: StaffMember) -> Handoff:
        return await claim_handoff(
            self.ops, handoff_id, member, self._message(JOINED.format(name=member.name))
        )

    async def reply(
        self, handoff_id: int, member: StaffMember, text: object
    ) -> tuple[Handoff, dict[str, Any] | None]:
        card = staff_reply_card(member.name, reply_text(text))
        replied, items = await reply_to_shopper(
            self.ops,
            handoff_id,
            member,
            self._adding(
                lambda thread_id: WidgetItem(
                    id=self.store.new_item_id("message"),
                    thread_id=thread_id,
                    created_at=datetime.now(),
                    widget=build_root(card),
                )
            ),
        )
        return replied, items[0] if items else None

    async def hand_back(self, handoff_id: int, member: StaffMember) -> Handoff:
        return await hand_back(
            self.ops, handoff_id, member, self._message(HANDED_BACK.format(name=member.name))
        )

    async def close(self, handoff_id: int, member: StaffMember, note: object) -> Handoff:
        return await close_handoff(
            self.ops,
            handoff_id,
            member,
            close_note(note),
            self._message(CLOSED.format(name=member.name)),
        )

    async def start_for_shopper(
        self, handoff_id: int, member: StaffMember, request: object, order_id: object
    ) -> Handoff:
        """Start a return or a cancellation in the shopper's conversation, as if they had asked.

        The same flow, guards and domain commands run as for the shopper's repositories
        request, and it ends at the same card: the shopper confirms it, or not.
        The thread goes back to the assistant, which takes the shopper through it.
        """
        if not isinstance(request, str) or request not in STARTS:
            raise InvalidRequest(f"request must be one of {', '.join(STARTS)}.")
        if not isinstance(order_id, str) or not 0 < len(order_id) <= _MAX_ORDER_ID_CHARS:
            raise InvalidRequest("Give the order's number, e.g. #W2611340.")
        held = await handoff(self.ops, handoff_id)
        check_holder(held, member.id)
        if held.thread_id is None or held.customer_id is None:
            raise Conflict("The shopper has not said who they are in this conversation yet.")
        owner = await self.store.thread_owner(held.thread_id)
        if owner is None:
            raise NotFound("The shopper has deleted this conversation.")
        context = RequestContext(owner_id=owner)
        thread = await self.store.load_thread(held.thread_id, context)
        event_type, what = STARTS[request]
        outcome = await self.conversation.run(
            thread, event_type(order_id=order_id), context, with_message=True
        )
        if not outcome.applied:
            # Refused as the shopper would have been; nothing changed.
            raise NotEligible(outcome.reply or "That cannot be started for this shopper.")
        shown = await self._shown(thread, outcome, context)
        await self.pass_on(held, shown)
        return await hand_back(
            self.ops,
            handoff_id,
            member,
            self._message(STARTED.format(name=member.name, what=what, order_id=order_id.strip())),
        )

    async def _shown(
        self, thread: ThreadMetadata, outcome: Outcome, context: RequestContext
    ) -> list[ThreadItem]:
        """The items a turn run outside the shopper's repositories request left in the thread."""
        shown: list[ThreadItem] = []
        for event in outcome.before:
            if isinstance(event, ThreadItemUpdatedEvent):
                # The card the shopper had open, now locked.
                shown.append(await self.store.load_item(thread.id, event.item_id, context))
        if outcome.message is not None:
            shown.append(outcome.message)
        for event in outcome.after:
            if isinstance(event, ThreadItemDoneEvent):
                if outcome.message is None:
                    # Without a reply the SDK would have stored the card as it streamed it.
                    await self.store.add_thread_item(thread.id, event.item, context)
                shown.append(event.item)
        return shown

    async def holding(self, thread_id: str) -> Handoff | None:
        """The thread's hand-off that is not over, if it has one."""
        async with self.ops.storage.reading() as repositories:
            return await repositories.handoffs.active(thread_id)

    async def pass_on(self, waiting: Handoff, items: Sequence[ThreadItem]) -> None:
        """Show the team, live, what happened in a thread waiting for or held by a person."""
        if not items:
            return
        async with self.ops.storage.transaction() as repositories:
            await show_items(
                repositories,
                waiting,
                self.ops.clock(),
                [item.model_dump(mode="json") for item in items],
            )

    def _message(self, text: str) -> Saying:
        # Naive local time, as the SDK stamps the items it makes (see chatkit_store).
        return self._adding(
            lambda thread_id: assistant_message(
                thread_id, self.store.new_item_id("message"), text, datetime.now()
            )
        )

    def _adding(self, make: _ItemMaker) -> Saying:
        async def saying(repositories: Repositories, about: Handoff) -> list[dict[str, Any]]:
            if about.thread_id is None:
                return []
            owner = await self.store.thread_owner(about.thread_id, repositories)
            if owner is None:
                # Deleted by the shopper: nobody is there to read it.
                return []
            item = make(about.thread_id)
            await self.store.stage(
                repositories, about.thread_id, RequestContext(owner_id=owner), added=[item]
            )
            return [item.model_dump(mode="json")]

        return saying


def held_notice(held: Handoff) -> str | None:
    """What a click in a thread held by a person is answered with; None when nobody holds it."""
    return None if held.handler is None else HELD.format(name=held.handler.name)
