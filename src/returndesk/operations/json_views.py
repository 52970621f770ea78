"""The JSON shapes the CLI prints and the README documents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from returndesk.domain import Customer, Order, PaymentMethod, shipment_to_dict
from returndesk.domain.audit import AuditEntry
from returndesk.domain.handoffs import Handoff
from returndesk.domain.staff import StaffMember
from returndesk.operations.customer_lookup import CustomerOverview
from returndesk.operations.return_detail import ReturnDetail
from returndesk.store.port.attempts import Lockout
from returndesk.store.port.return_queue import QueueEntry
from returndesk.store.port.returns import StoredReturn


def return_json(ret: StoredReturn) -> dict[str, Any]:
    """Money as strings with two decimals, so no reader turns it into a float."""
    return {
        "rma": ret.rma,
        "order_id": ret.order_id,
        "customer_id": ret.customer_id,
        "status": ret.status.value,
        "items": [
            {
                "line_no": line.line_no,
                "item_id": line.item_id,
                "product_id": line.product_id,
                "price": str(line.price),
                "reason_code": line.reason.value,
                "reason_note": line.note,
                "exchange_item_id": line.exchange_item_id,
            }
            for line in ret.lines
        ],
        "resolution": ret.resolution.value,
        "refund_payment_method_id": ret.refund_payment_method_id,
        "exchange_item_ids": list(ret.exchange_item_ids),
        "exchange_difference": str(ret.exchange_difference),
        "exchange_payment_method_id": ret.exchange_payment_method_id,
        "method": None if ret.method is None else ret.method.value,
        "items_total": str(ret.items_total),
        "fees": str(ret.fees),
        "bonus": str(ret.bonus),
        "refund_amount": str(ret.refund_amount),
        "keep_item": ret.keep_item,
        "shipment": None if ret.shipment is None else shipment_to_dict(ret.shipment),
        "events": [
            {
                "at": event.at.isoformat(),
                "actor": event.actor.value,
                "from": None if event.from_status is None else event.from_status.value,
                "to": event.to_status.value,
                "note": event.note,
            }
            for event in ret.events
        ],
        "created_at": ret.created_at.isoformat(),
        "updated_at": ret.updated_at.isoformat(),
    }


def order_json(order: Order) -> dict[str, Any]:
    """A difference's amount carries its sign: positive, the shopper paid it."""
    return {
        "order_id": order.id,
        "customer_id": order.customer_id,
        "status": order.status.value,
        "placed_at": order.placed_at.isoformat(),
        "delivered_at": None if order.delivered_at is None else order.delivered_at.isoformat(),
        "shipping_address": None if order.address is None else order.address.to_dict(),
        "items": [
            {
                "line_no": line.line_no,
                "item_id": line.item_id,
                "product_id": line.product_id,
                "name": line.name,
                "options": dict(line.options),
                "price": str(line.price),
                "final_sale": line.final_sale,
            }
            for line in order.lines
        ],
        "items_total": str(order.items_total),
        "tracking_ids": list(order.tracking_ids),
        "fulfilments": [
            {"tracking_ids": list(fulfilment.tracking_ids), "item_ids": list(fulfilment.item_ids)}
            for fulfilment in order.fulfilments
        ],
        "payments": [
            {
                "kind": payment.kind.value,
                "amount": str(payment.amount),
                "payment_method_id": payment.payment_method_id,
            }
            for payment in order.payments
        ],
    }


def payment_method_json(method: PaymentMethod) -> dict[str, Any]:
    return {
        "id": method.id,
        "source": method.source.value,
        "brand": method.brand,
        "last_four": method.last_four,
        "balance": None if method.balance is None else str(method.balance),
    }


def customer_json(customer: Customer, orders: Sequence[Order]) -> dict[str, Any]:
    return {
        "customer_id": customer.id,
        "first_name": customer.first_name,
        "last_name": customer.last_name,
        "email": customer.email,
        "tier": customer.tier.value,
        "default_address": None if customer.address is None else customer.address.to_dict(),
        "payment_methods": [payment_method_json(method) for method in customer.payment_methods],
        "orders": [{"order_id": order.id, "status": order.status.value} for order in orders],
    }


def queue_entry_json(entry: QueueEntry) -> dict[str, Any]:
    return {
        "rma": entry.rma,
        "status": entry.status.value,
        "created_at": entry.created_at.isoformat(),
        "order_id": entry.order_id,
        "customer_id": entry.customer_id,
        "customer_name": entry.customer_name,
        "customer_email": entry.customer_email,
        "reason_code": entry.reason.value,
        "resolution": entry.resolution.value,
        "method": None if entry.method is None else entry.method.value,
        "items_total": str(entry.items_total),
        "refund_amount": str(entry.refund_amount),
        "item_count": entry.item_count,
    }


def staff_json(member: StaffMember) -> dict[str, Any]:
    return {
        "id": member.id,
        "email": member.email,
        "name": member.name,
        "role": member.role.value,
        "disabled": member.disabled,
        "created_at": member.created_at.isoformat(),
    }


def audit_entry_json(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "action": entry.action.value,
        "subject": entry.subject,
        "detail": entry.detail,
        "staff_email": entry.staff_email,
        "staff_name": entry.staff_name,
    }


def return_detail_json(detail: ReturnDetail) -> dict[str, Any]:
    """A return as the console's page shows it: `return_json`, with who it concerns,
    the names behind ids, who made each move, and the moves a person may make next."""
    ret, catalog = detail.ret, detail.exchange_catalog
    shown = return_json(ret)
    lines = {line.line_no: line for line in detail.order.lines}
    for item in shown["items"]:
        line = lines.get(item["line_no"])
        item["name"] = None if line is None else line.name
        item["options"] = {} if line is None else dict(line.options)
        exchange_id = item["exchange_item_id"]
        if exchange_id is not None:
            variant = catalog.variant(exchange_id)
            item["exchange_item"] = {
                "name": catalog.product(variant.product_id).name,
                "options": dict(variant.options),
                "price": str(variant.price),
            }
    for event, shown_event in zip(ret.events, shown["events"], strict=True):
        staff_id = event.staff_member_id
        shown_event["staff_name"] = None if staff_id is None else detail.staff_names.get(staff_id)
    customer = detail.customer
    shown["customer"] = {
        "customer_id": customer.id,
        "name": f"{customer.first_name} {customer.last_name}",
        "email": customer.email,
        "tier": customer.tier.value,
    }
    shown["order"] = order_json(detail.order)
    shown["moves"] = [status.value for status in detail.moves]
    shown["audit"] = [audit_entry_json(entry) for entry in detail.audit]
    shown["thread_id"] = ret.thread_id
    return shown


def lockout_json(lockout: Lockout) -> dict[str, Any]:
    kind, _, who = lockout.key.partition(":")
    return {
        "key": lockout.key,
        "kind": kind,
        "who": who,
        "failures": lockout.failures,
        "locked_until": lockout.locked_until.isoformat(),
    }


def customer_overview_json(overview: CustomerOverview) -> dict[str, Any]:
    shown = customer_json(overview.customer, overview.orders)
    shown["orders"] = [order_json(order) for order in overview.orders]
    shown["returns"] = [queue_entry_json(entry) for entry in overview.returns]
    shown["conversations"] = [
        {
            "thread_id": thread.thread_id,
            "title": thread.title,
            "created_at": thread.created_at.isoformat(),
            "updated_at": thread.updated_at.isoformat(),
        }
        for thread in overview.conversations
    ]
    shown["lockouts"] = [lockout_json(lockout) for lockout in overview.lockouts]
    return shown


def _stamp(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


def person_json(handoff: Handoff | None) -> dict[str, Any]:
    """Who of the team is handling the shopper's conversation; a null name: the assistant."""
    handler = None if handoff is None else handoff.handler
    return {"name": None if handler is None else handler.name}


def handoff_json(handoff: Handoff, now: datetime) -> dict[str, Any]:
    customer = (
        {"id": handoff.customer_id, "name": handoff.customer_name, "email": handoff.customer_email}
        if handoff.customer_id is not None
        else None
    )
    holder = handoff.holder
    return {
        "id": handoff.id,
        "status": handoff.status.value,
        "thread_id": handoff.thread_id,
        "customer": customer,
        "summary": handoff.summary,
        "created_at": handoff.created_at.isoformat(),
        "waiting_seconds": handoff.waiting_seconds(now),
        "order_id": handoff.order_id,
        "rma": handoff.rma,
        "claimed_by": None if holder is None else {"id": holder.id, "name": holder.name},
        "claimed_at": _stamp(handoff.claimed_at),
        "first_reply_at": _stamp(handoff.first_reply_at),
        "closed_at": _stamp(handoff.closed_at),
        "close_note": handoff.close_note,
    }
