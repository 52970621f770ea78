"""Creating and cancelling returns.

Creation is idempotent: the idempotency key is unique in the database, and the
order's row is locked while a return is decided, so concurrent requests for the
same key give back one return and concurrent requests for the same item make at
most one. Everything is checked again here; nothing the caller says about
prices or eligibility is taken on trust.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from returndesk.domain import (
    NEW_GIFT_CARD,
    Actor,
    Customer,
    Order,
    Resolution,
    ReturnItem,
    ReturnMethod,
    ReturnQuote,
    ReturnRequest,
    ReturnStatus,
    TransactionKind,
    check_order,
    check_settlement_method,
    creation_events,
    held_line_nos,
    new_rma,
    quote_return,
    require_eligible,
)
from returndesk.errors import Conflict, InvalidRequest, NotEligible, NotFound
from returndesk.operations.contention import retried_on_contention
from returndesk.operations.context import Operations
from returndesk.operations.money_moves import record_transaction
from returndesk.operations.transitions import after_approval, move
from returndesk.store.port.errors import Duplicate
from returndesk.store.port.returns import StoredReturn, StoredReturnLine
from returndesk.store.port.storage import Repositories
from returndesk.telemetry import RETURNS_CREATED


@dataclass(frozen=True, slots=True)
class ReturnDraft:
    """Everything the shopper chose; all of it is re-checked when the return is created."""

    customer_id: str
    order_id: str
    items: tuple[ReturnItem, ...]
    resolution: Resolution
    method: ReturnMethod | None
    idempotency_key: str
    # Store credit: one of the shopper's gift cards or NEW_GIFT_CARD. Refunds always
    # go to the order's original payment method, so this is ignored for them.
    store_credit_destination: str | None = None
    exchange_item_ids: Mapping[int, str] = field(default_factory=dict)
    exchange_payment_method_id: str | None = None
    # Hygiene-sealed lines: True when the shopper said the seal was opened.
    seal_answers: Mapping[int, bool] = field(default_factory=dict)
    thread_id: str | None = None


@retried_on_contention
async def create_return(ops: Operations, draft: ReturnDraft) -> StoredReturn:
    """The new return, or the one already made with this idempotency key."""
    try:
        async with ops.storage.transaction() as repositories:
            created, is_new = await _create(repositories, ops, draft, now=ops.clock())
    except Duplicate as exc:
        # Another request won a race the locks could not see (SQLite's first insert
        # of a key); the unique key decided, so report what it kept.
        async with ops.storage.reading() as repositories:
            existing = await repositories.returns.find_by_idempotency_key(
                draft.customer_id, draft.idempotency_key
            )
        if existing is not None and existing.customer_id == draft.customer_id:
            return existing
        raise Conflict("One of these items is already part of another return.") from exc
    if is_new:
        RETURNS_CREATED.labels(created.resolution.value).inc()
    return created


async def _create(
    repositories: Repositories, ops: Operations, draft: ReturnDraft, *, now: datetime
) -> tuple[StoredReturn, bool]:
    """The return and whether this call made it (False: the key's earlier return)."""
    order = await repositories.orders.get(draft.order_id, for_update=True)
    existing = await repositories.returns.find_by_idempotency_key(
        draft.customer_id, draft.idempotency_key
    )
    if existing is not None:
        if existing.customer_id != draft.customer_id:
            raise Conflict("This request was already used for another return.")
        return existing, False

    customer = await repositories.customers.get(draft.customer_id)
    if order.customer_id != customer.id:
        raise NotFound(f"Order {order.id} was not found on your account.")
    catalog = await repositories.products.catalog({line.product_id for line in order.lines})
    request = ReturnRequest(order, draft.items)
    held = held_line_nos(await repositories.returns.existing(customer.id, [order.id]), order.id)
    chosen = {item.line_no for item in draft.items}
    results = check_order(
        order,
        customer=customer,
        catalog=catalog,
        policy=ops.policy,
        now=now,
        held_line_nos=held,
        seal_answers=draft.seal_answers,
    )
    require_eligible(result for result in results if result.line_no in chosen)

    quote = quote_return(
        request,
        resolution=draft.resolution,
        method=draft.method,
        customer=customer,
        catalog=catalog,
        policy=ops.policy,
        exchange_item_ids=draft.exchange_item_ids,
    )
    if quote.resolution is not Resolution.STORE_CREDIT and quote.refund_amount > quote.items_total:
        raise NotEligible("A refund can't be more than what was paid for the items.")

    requested, decided = creation_events(needs_review=quote.needs_review, at=now)
    ret = StoredReturn(
        rma=new_rma(),
        idempotency_key=draft.idempotency_key,
        order_id=order.id,
        customer_id=customer.id,
        thread_id=draft.thread_id,
        status=decided.to_status,
        reason=draft.items[0].reason,
        note=draft.items[0].note,
        resolution=quote.resolution,
        refund_payment_method_id=await _refund_destination(
            repositories, draft, quote, customer, order
        ),
        method=quote.method,
        items_total=quote.items_total,
        fees=quote.fees_total,
        bonus=quote.bonus,
        refund_amount=quote.refund_amount,
        exchange_difference=quote.exchange_difference,
        exchange_payment_method_id=_exchange_payment_method(draft, quote, customer),
        keep_item=quote.keep_item,
        shipment=None,
        lines=tuple(
            StoredReturnLine(
                line_no=item.line_no,
                item_id=line.item_id,
                product_id=line.product_id,
                price=line.price,
                reason=item.reason,
                note=item.note,
                exchange_item_id=quote.exchange_item_ids.get(item.line_no),
            )
            for item, line in request.pairs
        ),
        events=(requested, decided),
        created_at=now,
        updated_at=now,
    )
    await repositories.returns.add(ret)
    await _charge_exchange_difference(repositories, ret, quote, now)
    if decided.to_status is ReturnStatus.APPROVED:
        ret = await after_approval(repositories, ret, at=now, policy=ops.policy)
    return ret, True


async def _refund_destination(
    repositories: Repositories,
    draft: ReturnDraft,
    quote: ReturnQuote,
    customer: Customer,
    order: Order,
) -> str | None:
    """Where the return's money goes: the original payment method, or a gift card for credit."""
    if quote.resolution is Resolution.EXCHANGE:
        return None
    if quote.resolution is not Resolution.STORE_CREDIT:
        original = order.original_payment_method_id
        if original is None:
            raise InvalidRequest(f"Order {order.id} has no payment to refund.")
        return original
    destination = draft.store_credit_destination or NEW_GIFT_CARD
    if destination == NEW_GIFT_CARD:
        return await repositories.customers.add_gift_card(customer.id)
    if destination not in {card.id for card in customer.gift_cards}:
        raise NotEligible("Store credit can only go to one of your gift cards or a new one.")
    return destination


def _exchange_payment_method(
    draft: ReturnDraft, quote: ReturnQuote, customer: Customer
) -> str | None:
    """Which of the shopper's methods settles an exchange's difference, if one does."""
    if quote.resolution is not Resolution.EXCHANGE:
        return None
    method = check_settlement_method(
        quote.exchange_difference, draft.exchange_payment_method_id, customer
    )
    return None if method is None else method.id


async def _charge_exchange_difference(
    repositories: Repositories, ret: StoredReturn, quote: ReturnQuote, now: datetime
) -> None:
    """The shopper pays a positive difference now; a negative one is refunded on exchange."""
    if ret.exchange_payment_method_id is None or quote.exchange_difference <= 0:
        return
    await record_transaction(
        repositories,
        order_id=ret.order_id,
        kind=TransactionKind.PAYMENT,
        amount=quote.exchange_difference,
        payment_method_id=ret.exchange_payment_method_id,
        at=now,
    )


@retried_on_contention
async def cancel_return(ops: Operations, rma: str, *, customer_id: str) -> StoredReturn:
    """The shopper cancels their own return while nothing has been shipped."""
    async with ops.storage.transaction() as repositories:
        ret = await repositories.returns.get(rma, for_update=True)
        if ret.customer_id != customer_id:
            raise NotFound(f"Return {ret.rma} was not found on your account.")
        if ret.status is ReturnStatus.CANCELLED:
            return ret
        return await move(
            repositories,
            ret,
            ReturnStatus.CANCELLED,
            actor=Actor.CUSTOMER,
            at=ops.clock(),
            policy=ops.policy,
        )
