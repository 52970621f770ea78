"""The store's staff in a shopper's thread: reading the conversation, and telling the
shopper where their return stands after a decision.

Staff act in a thread as its owner would be read by: the ChatKit store scopes
every read and write to one owner, so staff name the thread's own owner.
"""

from __future__ import annotations

import logging
from typing import Any

from chatkit.types import ThreadItem

from returndesk.chat.streaming import assistant_message
from returndesk.domain import ReturnStatus, format_money
from returndesk.errors import NotFound
from returndesk.request_context import RequestContext
from returndesk.store.port.returns import StoredReturn
from returndesk.store.port.threads import ThreadStore

logger = logging.getLogger(__name__)

# A transcript longer than this shows its first items; conversations are far shorter.
MAX_TRANSCRIPT_ITEMS = 500
_PAGE = 100


async def transcript(
    store: ThreadStore[RequestContext], thread_id: str
) -> list[dict[str, Any]] | None:
    """The thread's items in order, as ChatKit JSON; None when the thread is gone."""
    owner = await store.thread_owner(thread_id)
    if owner is None:
        return None
    context = RequestContext(owner_id=owner)
    items: list[ThreadItem] = []
    after: str | None = None
    while len(items) < MAX_TRANSCRIPT_ITEMS:
        page = await store.load_thread_items(thread_id, after, _PAGE, "asc", context)
        items.extend(page.data)
        if not page.has_more or not page.data:
            break
        after = page.data[-1].id
    return [item.model_dump(mode="json") for item in items[:MAX_TRANSCRIPT_ITEMS]]


def update_text(ret: StoredReturn) -> str | None:
    """What the shopper is told after a staff move, or None for a move they need not hear of."""
    match ret.status:
        case ReturnStatus.AWAITING_SHIPMENT | ReturnStatus.APPROVED:
            return f"Good news: your return {ret.rma} has been approved." + (
                " Your return label is ready: ask me where your return is to see it."
                if ret.shipment is not None
                else ""
            )
        case ReturnStatus.REJECTED:
            reason = next(
                (e.note for e in reversed(ret.events) if e.to_status is ReturnStatus.REJECTED),
                None,
            )
            return f"Your return {ret.rma} was not approved. The reason: {reason}"
        case ReturnStatus.RECEIVED:
            return f"We have received the items of your return {ret.rma}."
        case ReturnStatus.REFUNDED:
            return f"Your return {ret.rma} is refunded: {format_money(ret.refund_amount)}."
        case ReturnStatus.EXCHANGED:
            return f"Your exchange {ret.rma} is done: the replacement is on its way."
        case _:
            return None


async def tell_shopper(store: ThreadStore[RequestContext], ret: StoredReturn) -> bool:
    """Add the update to the thread that made the return; False when there is none to add to.

    The move is already made; a thread deleted since only means nobody reads the update.
    """
    text = update_text(ret)
    if text is None or ret.thread_id is None:
        return False
    owner = await store.thread_owner(ret.thread_id)
    if owner is None:
        return False
    context = RequestContext(owner_id=owner)
    try:
        thread = await store.load_thread(ret.thread_id, context)
        item_id = store.generate_item_id("message", thread, context)
        message = assistant_message(ret.thread_id, item_id, text)
        await store.add_thread_item(ret.thread_id, message, context)
    except NotFound:
        # Deleted by the shopper since it was looked up.
        return False
    logger.info("Told the shopper of return %s: %s", ret.rma, ret.status.value)
    return True
