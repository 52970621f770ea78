"""Checked seed data as row dictionaries for bulk inserts, with days ago turned into dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from returndesk.domain.dates import require_aware
from returndesk.store.seed_format import SeedData, dollars_to_cents

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SeedRows:
    """One list per table, in an order that satisfies the foreign keys.

    Lines, fulfilments and transactions carry `order_id` and are loaded with their order.
    """

    customers: list[Row]
    payment_methods: list[Row]
    products: list[Row]
    variants: list[Row]
    orders: list[Row]
    order_lines: list[Row]
    fulfilments: list[Row]
    transactions: list[Row]


def build_rows(data: SeedData, now: datetime) -> SeedRows:
    """`data` must have passed `check_seed_data`; `now` anchors every "days ago"."""
    now = require_aware(now, "now").astimezone(UTC)
    rows = SeedRows([], [], [], [], [], [], [], [])
    _add_customers(data, rows)
    _add_products(data, rows)
    _add_orders(data, rows, now)
    return rows


def _add_customers(data: SeedData, rows: SeedRows) -> None:
    for user_id, user in data.users.items():
        rows.customers.append(
            {
                "id": user_id,
                "first_name": user.name.first_name,
                "last_name": user.name.last_name,
                "email": user.email.strip().lower(),  # look-ups compare lower case
                **user.address.model_dump(),
                "tier": data.overlay.customers[user_id].tier.value,
            }
        )
        for method_id, method in user.payment_methods.items():
            rows.payment_methods.append(
                {
                    "id": method_id,
                    "customer_id": user_id,
                    "source": method.source.value,
                    "brand": method.brand,
                    "last_four": method.last_four,
                    "balance_cents": (
                        None if method.balance is None else dollars_to_cents(method.balance)
                    ),
                }
            )


def _add_products(data: SeedData, rows: SeedRows) -> None:
    for product_id, product in data.products.items():
        facts = data.overlay.products[product_id]
        rows.products.append(
            {
                "id": product_id,
                "name": product.name,
                "category": facts.category,
                "activatable": facts.activatable,
                "hygiene_sealed": facts.hygiene_sealed,
            }
        )
        for item_id, variant in product.variants.items():
            rows.variants.append(
                {
                    "item_id": item_id,
                    "product_id": product_id,
                    "options": dict(variant.options),
                    "price_cents": dollars_to_cents(variant.price),
                    "available": variant.available,
                }
            )


def _add_orders(data: SeedData, rows: SeedRows, now: datetime) -> None:
    for order_id, order in data.orders.items():
        dates = data.overlay.orders[order_id]
        placed_at = now - timedelta(days=dates.placed_days_ago)
        delivered_at = (
            None
            if dates.delivered_days_ago is None
            else now - timedelta(days=dates.delivered_days_ago)
        )
        rows.orders.append(
            {
                "id": order_id,
                "customer_id": order.user_id,
                "status": order.status.value,
                "address": order.address.model_dump(),
                "placed_at": placed_at,
                "delivered_at": delivered_at,
            }
        )
        final_sale = set(dates.final_sale_item_ids)
        for line_no, item in enumerate(order.items, start=1):
            rows.order_lines.append(
                {
                    "order_id": order_id,
                    "line_no": line_no,
                    "item_id": item.item_id,
                    "product_id": item.product_id,
                    "name": item.name,
                    "options": dict(item.options),
                    "price_cents": dollars_to_cents(item.price),
                    # Listed by item id: every unit of that item in the order is final sale.
                    "final_sale": item.item_id in final_sale,
                }
            )
        for fulfilment in order.fulfillments:
            rows.fulfilments.append(
                {
                    "order_id": order_id,
                    "tracking_ids": list(fulfilment.tracking_id),
                    "item_ids": list(fulfilment.item_ids),
                }
            )
        for seq, payment in enumerate(order.payment_history, start=1):
            rows.transactions.append(
                {
                    "order_id": order_id,
                    "seq": seq,
                    "kind": payment.transaction_type.value,
                    "amount_cents": dollars_to_cents(payment.amount),
                    "payment_method_id": payment.payment_method_id,
                    # The data has no payment times; the order's moment is the honest guess.
                    "created_at": placed_at,
                }
            )
