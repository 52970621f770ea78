"""The tools the language layer calls; each feeds the conversation engine one or more events.

A tool answers with JSON `{"done": bool, "say": str}`: whether the change was
made, and what the shopper should hear next. Items are named by the `ref`
the conversation brief gives them (`#W2611340:2`), never by price or name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from agents import FunctionTool, RunContextWrapper, function_tool
from chatkit.types import CustomTask

from returndesk.flow.events import (
    AnswerHygiene,
    AnswerOffer,
    AskStatus,
    ChooseMethod,
    ChoosePaymentMethod,
    ChooseResolution,
    ChooseVariant,
    Confirm,
    FlowEvent,
    GiveCancelReason,
    GiveNote,
    GiveReason,
    GoBack,
    RequestHandoff,
    SelectItems,
    ShortlistVariants,
    StartOrderCancellation,
    StartOver,
    StartReturn,
    StartReturnCancellation,
    Verify,
)
from returndesk.llm.brief import parse_line_ref
from returndesk.llm.policy_answers import answer_policy_question
from returndesk.llm.turn import TurnContext

Ctx = RunContextWrapper[TurnContext]
Reason = Literal[
    "SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "STYLE", "COLOR", "UNWANTED",
    "DEFECTIVE", "DAMAGED", "WRONG_ITEM", "NOT_AS_DESCRIBED", "OTHER",
]  # fmt: skip
PolicyTopic = Literal[
    "windows", "fees", "refund_timing", "exchanges", "methods", "final_sale", "hygiene", "other"
]

# What each tool shows while it runs and once it is done, with its icon.
STATUS: dict[str, tuple[str, str, str]] = {
    "verify_customer": ("Checking your details", "Checked your details", "profile"),
    "start_return": ("Looking up your orders", "Found your orders", "search"),
    "select_items": ("Checking the items", "Checked the items", "cube"),
    "give_reason": ("Noting the reason", "Noted the reason", "notebook"),
    "give_note": ("Noting what's wrong", "Noted what's wrong", "notebook"),
    "answer_hygiene": ("Noting the seal", "Noted the seal", "check"),
    "answer_offer": ("Noting your answer", "Noted your answer", "check"),
    "choose_resolution": ("Working out the amounts", "Worked out the amounts", "analytics"),
    "choose_exchange_variant": ("Checking availability", "Checked availability", "cube"),
    "shortlist_variants": ("Finding what fits", "Found what fits", "cube"),
    "choose_payment_method": ("Checking the payment method", "Checked the payment", "keys"),
    "choose_return_method": ("Arranging the return", "Arranged the return", "map-pin"),
    "confirm": ("Confirming", "Confirmed", "check-circle"),
    "go_back": ("Going back", "Went back", "chevron-left"),
    "start_over": ("Starting over", "Started over", "reload"),
    "cancel_order": ("Looking up the order", "Looked up the order", "search"),
    "give_cancel_reason": ("Noting the reason", "Noted the reason", "notebook"),
    "cancel_return": ("Looking up the return", "Looked up the return", "search"),
    "check_status": ("Checking the status", "Checked the status", "search"),
    "policy_question": ("Checking the policy", "Checked the policy", "book-open"),
    "hand_off": ("Asking a person", "Asked a person", "lifesaver"),
}


def result(done: bool, say: str) -> str:
    return json.dumps({"done": done, "say": say})


async def apply_events(ctx: Ctx, tool: str, events: Sequence[FlowEvent]) -> str:
    """Run the events in order, stopping at the first that is refused."""
    turn = ctx.context
    running, finished, icon = STATUS[tool]
    task = CustomTask(title=running, icon=icon, status_indicator="loading")
    await turn.add_workflow_task(task)
    index = len(turn.workflow_item.workflow.tasks) - 1 if turn.workflow_item else 0
    say, done = "", True
    for event in events:
        outcome = await turn.runner.run(turn.thread, event, turn.request_context)
        for out in outcome.before:
            await turn.stream(out)
        say = outcome.reply or say
        if not outcome.applied:
            done = False
            break
        turn.deferred = list(outcome.after)
    if turn.workflow_item is not None:
        await turn.update_workflow_task(
            task.model_copy(update={"title": finished, "status_indicator": "complete"}), index
        )
    return result(done, say or "That didn't change anything.")


def _line(ref: str | None) -> int | None:
    if not ref:
        return None
    return parse_line_ref(ref)[1]


@function_tool
async def verify_customer(
    ctx: Ctx,
    email: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    zip: str | None = None,
) -> str:
    """Verify who the shopper is: by email, or by first name, last name and ZIP code.

    Args:
        email: The email address on the account.
        first_name: First name, with last_name and zip.
        last_name: Last name, with first_name and zip.
        zip: ZIP code of the account's address.
    """
    event = Verify(email=email, first_name=first_name, last_name=last_name, zip=zip)
    return await apply_events(ctx, "verify_customer", [event])


@function_tool
async def start_return(ctx: Ctx, order_id: str | None = None) -> str:
    """Start a return or exchange and list the shopper's returnable items.

    Args:
        order_id: An order the shopper named, e.g. #W2611340.
    """
    return await apply_events(ctx, "start_return", [StartReturn(order_id=order_id)])


@function_tool
async def select_items(ctx: Ctx, item_refs: list[str], add: bool = False) -> str:
    """Choose the items to return, by their refs from the brief (all from one order).

    Args:
        item_refs: Item refs such as "#W2611340:2".
        add: True to add to the items already chosen instead of replacing them.
    """
    try:
        lines = [parse_line_ref(ref) for ref in item_refs]
    except ValueError as exc:
        return result(False, str(exc))
    orders = {order_id for order_id, _ in lines}
    if len(orders) != 1:
        return result(False, "Please choose items from one order at a time.")
    event = SelectItems(order_id=orders.pop(), line_nos=tuple(n for _, n in lines), add=add)
    return await apply_events(ctx, "select_items", [event])


@function_tool
async def give_reason(
    ctx: Ctx, reason: Reason, item_ref: str | None = None, note: str | None = None
) -> str:
    """Record why an item goes back.

    Args:
        reason: The reason code.
        item_ref: The item it applies to; leave out for the items still without a reason.
        note: The shopper's own words, required for OTHER.
    """
    event = GiveReason(reason=reason, line_no=_line(item_ref), note=note)
    return await apply_events(ctx, "give_reason", [event])


@function_tool
async def give_note(ctx: Ctx, note: str, item_ref: str | None = None) -> str:
    """Record the shopper's note about what is wrong (for reason OTHER).

    Args:
        note: What is wrong, in the shopper's words.
        item_ref: The item it is about.
    """
    return await apply_events(ctx, "give_note", [GiveNote(note=note, line_no=_line(item_ref))])


@function_tool
async def answer_hygiene(ctx: Ctx, opened: bool, item_ref: str | None = None) -> str:
    """Record whether a hygiene-sealed item's seal has been opened.

    Args:
        opened: True when the seal is broken.
        item_ref: The sealed item.
    """
    event = AnswerHygiene(opened=opened, line_no=_line(item_ref))
    return await apply_events(ctx, "answer_hygiene", [event])


@function_tool
async def answer_offer(ctx: Ctx, accept: bool) -> str:
    """Accept or decline the retention offer on the table.

    Args:
        accept: True to take the offer.
    """
    return await apply_events(ctx, "answer_offer", [AnswerOffer(accept=accept)])


@function_tool
async def choose_resolution(
    ctx: Ctx,
    resolution: Literal["REFUND", "STORE_CREDIT", "EXCHANGE"],
    credit_destination: str | None = None,
) -> str:
    """Choose how the shopper is made whole.

    Args:
        resolution: REFUND to the original payment method, STORE_CREDIT, or EXCHANGE.
        credit_destination: For store credit, a gift card id or "new_gift_card".
    """
    event = ChooseResolution(resolution=resolution, credit_destination=credit_destination)
    return await apply_events(ctx, "choose_resolution", [event])


@function_tool
async def choose_exchange_variant(ctx: Ctx, item_id: str, item_ref: str | None = None) -> str:
    """Choose the replacement for an exchange, by an item_id from the brief's exchange options.

    Args:
        item_id: The replacement variant's item_id.
        item_ref: The returned item it replaces.
    """
    event = ChooseVariant(item_id=item_id, line_no=_line(item_ref))
    return await apply_events(ctx, "choose_exchange_variant", [event])


@function_tool
async def shortlist_variants(ctx: Ctx, item_ids: list[str]) -> str:
    """Show the shopper only the exchange options that fit what they described, as choices,
    when several do. An empty list shows every option again.

    Args:
        item_ids: The fitting variants' item_ids, from the brief's exchange options.
    """
    return await apply_events(ctx, "shortlist_variants", [ShortlistVariants(tuple(item_ids))])


@function_tool
async def choose_payment_method(ctx: Ctx, payment_method_id: str) -> str:
    """Choose the payment method that pays or receives an exchange's price difference.

    Args:
        payment_method_id: One of the shopper's payment method ids from the brief.
    """
    event = ChoosePaymentMethod(payment_method_id=payment_method_id)
    return await apply_events(ctx, "choose_payment_method", [event])


@function_tool
async def choose_return_method(
    ctx: Ctx,
    method: Literal["PREPAID_LABEL", "QR_DROP_OFF", "SCHEDULE_PICKUP", "STORE_DROP_OFF"],
) -> str:
    """Choose how the items travel back.

    Args:
        method: PREPAID_LABEL (print a label), QR_DROP_OFF (no printer),
            SCHEDULE_PICKUP or STORE_DROP_OFF.
    """
    return await apply_events(ctx, "choose_return_method", [ChooseMethod(method=method)])


@function_tool
async def confirm(ctx: Ctx) -> str:
    """Confirm the summary on screen. Only after the shopper said yes to that summary."""
    return await apply_events(ctx, "confirm", [Confirm()])


@function_tool
async def go_back(ctx: Ctx) -> str:
    """Go back one question, to change the answer given there."""
    return await apply_events(ctx, "go_back", [GoBack()])


@function_tool
async def start_over(ctx: Ctx) -> str:
    """Drop what is in progress and show the menu."""
    return await apply_events(ctx, "start_over", [StartOver()])


@function_tool
async def cancel_order(
    ctx: Ctx,
    order_id: str | None = None,
    reason: Literal["no longer needed", "ordered by mistake"] | None = None,
) -> str:
    """Start cancelling a pending order, with the order and reason when the shopper gave them.

    Args:
        order_id: The order to cancel, e.g. #W2611340.
        reason: Why the shopper cancels.
    """
    events: list[FlowEvent] = [StartOrderCancellation(order_id=order_id)]
    if order_id and reason:
        events.append(GiveCancelReason(reason=reason))
    return await apply_events(ctx, "cancel_order", events)


@function_tool
async def give_cancel_reason(
    ctx: Ctx, reason: Literal["no longer needed", "ordered by mistake"]
) -> str:
    """Give the reason for the order cancellation in progress.

    Args:
        reason: Why the shopper cancels.
    """
    return await apply_events(ctx, "give_cancel_reason", [GiveCancelReason(reason=reason)])


@function_tool
async def cancel_return(ctx: Ctx, rma: str | None = None) -> str:
    """Start cancelling one of the shopper's returns.

    Args:
        rma: The return number, e.g. R-7K3QX9M2.
    """
    return await apply_events(ctx, "cancel_return", [StartReturnCancellation(rma=rma)])


@function_tool
async def check_status(ctx: Ctx, order_id: str | None = None, rma: str | None = None) -> str:
    """Show where an order or a return stands.

    Args:
        order_id: An order id, e.g. #W2611340.
        rma: A return number, e.g. R-7K3QX9M2.
    """
    return await apply_events(ctx, "check_status", [AskStatus(order_id=order_id, rma=rma)])


@function_tool
async def policy_question(ctx: Ctx, topic: PolicyTopic) -> str:
    """Answer a question about the store's returns policy from the policy itself.

    Args:
        topic: What the question is about.
    """
    turn = ctx.context
    turn.answered = True
    _, finished, icon = STATUS["policy_question"]
    task = CustomTask(title=finished, icon=icon, status_indicator="complete")
    await turn.add_workflow_task(task)
    return result(True, answer_policy_question(topic, turn.policy))


@function_tool
async def hand_off(ctx: Ctx, summary: str) -> str:
    """Record a request for a person, for anything the tools cannot do.

    Args:
        summary: What the shopper needs, in one sentence.
    """
    return await apply_events(ctx, "hand_off", [RequestHandoff(summary=summary)])


TOOLS: list[FunctionTool] = [
    verify_customer,
    start_return,
    select_items,
    give_reason,
    give_note,
    answer_hygiene,
    answer_offer,
    choose_resolution,
    choose_exchange_variant,
    shortlist_variants,
    choose_payment_method,
    choose_return_method,
    confirm,
    go_back,
    start_over,
    cancel_order,
    give_cancel_reason,
    cancel_return,
    check_status,
    policy_question,
    hand_off,
]
