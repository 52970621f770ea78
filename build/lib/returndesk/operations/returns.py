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

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.domain import (
    NEW_GIFT_CARD,
    Actor,
    Customer,
    Order,
    PaymentSource,
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
    to_cents,
)
from returndesk.errors import Conflict, InvalidRequest, NotEligible, NotFound
from returndesk.operations.context import Operations
from returndesk.operations.money_moves import record_transaction
from returndesk.operations.transitions import after_approval, move
from returndesk.store.db import reading, transaction
from returndesk.store.ids import new_gift_card_id
from returndesk.store.repositories.catalog import load_catalog
from returndesk.store.repositories.customers import get_customer
from returndesk.store.repositories.orders import get_order_row, order_from_row
from returndesk.store.repositories.returns import (
    StoredReturn,
    existing_returns,
    find_by_idempotency_key,
    get_return,
    get_return_row,
    record_event,
    return_from_row,
)
from returndesk.store.tables import PaymentMethodRow, ReturnLineRow, ReturnRow
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


async def create_return(ops: Operations, draft: ReturnDraft) -> StoredReturn:
    """The new return, or the one already made with this idempotency key."""
    try:
        async with transaction(ops.sessions) as session:
            created, is_new = await _create(session, ops, draft, now=ops.clock())
    except IntegrityError as exc:
        # Another request won a race the locks could not see (SQLite's first insert
        # of a key); the database constraint decided, so report what it kept.
        async with reading(ops.sessions) as session:
            existing = await find_by_idempotency_key(session, draft.idempotency_key)
        if existing is not None and existing.customer_id == draft.customer_id:
            return existing
        raise Conflict("One of these items is already part of another return.") from exc
    if is_new:
        RETURNS_CREATED.labels(created.resolution.value).inc()
    return created


async def _create(
    session: AsyncSession, ops: Operations, draft: ReturnDraft, *, now: datetime
) -> tuple[StoredReturn, bool]:
    """The return and whether this call made it (False: the key's earlier return)."""
    order_row = await get_order_row(session, draft.order_id, for_update=True)
    existing = await find_by_idempotency_key(session, draft.idempotency_key)
    if existing is not None:
        if existing.customer_id != draft.customer_id:
            raise Conflict("This request was already used for another return.")
        return existing, False

    customer = await get_customer(session, draft.customer_id)
    order = order_from_row(order_row)
    if order.customer_id != customer.id:
        raise NotFound(f"Order {order.id} was not found on your account.")
    catalog = await load_catalog(session, {line.product_id for line in order.lines})
    request = ReturnRequest(order, draft.items)
    held = held_line_nos(await existing_returns(session, [order.id]), order.id)
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

    row = ReturnRow(
        rma=new_rma(),
        idempotency_key=draft.idempotency_key,
        customer_id=customer.id,
        order_id=order.id,
        thread_id=draft.thread_id,
        status=ReturnStatus.REQUESTED.value,
        reason_code=draft.items[0].reason.value,
        reason_note=draft.items[0].note,
        resolution=quote.resolution.value,
        refund_payment_method_id=await _refund_destination(session, draft, quote, customer, order),
        method=None if quote.method is None else quote.method.value,
        items_total_cents=to_cents(quote.items_total),
        fees_cents=to_cents(quote.fees_total),
        bonus_cents=to_cents(quote.bonus),
        refund_amount_cents=to_cents(quote.refund_amount),
        exchange_difference_cents=to_cents(quote.exchange_difference),
        exchange_payment_method_id=None,
        keep_item=quote.keep_item,
        shipment=None,
        created_at=now,
        updated_at=now,
        lines=[
            ReturnLineRow(
                order_id=order.id,
                line_no=item.line_no,
                item_id=line.item_id,
                product_id=line.product_id,
                price_cents=to_cents(line.price),
                reason_code=item.reason.value,
                reason_note=item.note,
                exchange_item_id=quote.exchange_item_ids.get(item.line_no),
                active=True,
            )
            for item, line in request.pairs
        ],
        events=[],
    )
    session.add(row)
    await _charge_exchange_difference(session, draft, quote, customer, row, now)
    requested, decided = creation_events(needs_review=quote.needs_review, at=now)
    record_event(row, requested)
    record_event(row, decided)
    if decided.to_status is ReturnStatus.APPROVED:
        await after_approval(session, row, at=now, policy=ops.policy)
    await session.flush()
    return return_from_row(await get_return_row(session, row.rma)), True


async def _refund_destination(
    session: AsyncSession, draft: ReturnDraft, quote: ReturnQuote, customer: Customer, order: Order
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
        card = PaymentMethodRow(
            id=new_gift_card_id(),
            customer_id=customer.id,
            source=PaymentSource.GIFT_CARD.value,
            balance_cents=0,
        )
        session.add(card)
        return card.id
    if destination not in {card.id for card in customer.gift_cards}:
        raise NotEligible("Store credit can only go to one of your gift cards or a new one.")
    return destination


async def _charge_exchange_difference(
    session: AsyncSession,
    draft: ReturnDraft,
    quote: ReturnQuote,
    customer: Customer,
    row: ReturnRow,
    now: datetime,
) -> None:
    """The shopper pays a positive difference now; a negative one is refunded on exchange."""
    if quote.resolution is not Resolution.EXCHANGE:
        return
    method = check_settlement_method(
        quote.exchange_difference, draft.exchange_payment_method_id, customer
    )
    if method is None:
        return
    row.exchange_payment_method_id = method.id
    if quote.exchange_difference > 0:
        await record_transaction(
            session,
            order_id=row.order_id,
            kind=TransactionKind.PAYMENT,
            amount=quote.exchange_difference,
            payment_method_id=method.id,
            at=now,
        )


async def cancel_return(ops: Operations, rma: str, *, customer_id: str) -> StoredReturn:
    """The shopper cancels their own return while nothing has been shipped."""
    async with transaction(ops.sessions) as session:
        row = await get_return_row(session, rma, for_update=True)
        if row.customer_id != customer_id:
            raise NotFound(f"Return {row.rma} was not found on your account.")
        if row.status == ReturnStatus.CANCELLED.value:
            return return_from_row(row)
        await move(
            session,
            row,
            ReturnStatus.CANCELLED,
            actor=Actor.CUSTOMER,
            at=ops.clock(),
            policy=ops.policy,
        )
        await session.flush()
    return await _reload(ops, row.rma)


async def _reload(ops: Operations, rma: str) -> StoredReturn:
    async with reading(ops.sessions) as session:
        return await get_return(session, rma)
