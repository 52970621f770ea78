"""Checks across the seed files: every id an order or the overlay names exists.

The database would refuse some of these only halfway through the load, with a
constraint name instead of a file and a field; others (a line naming the wrong
product, a delivered order without a delivery date) it would accept silently.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from returndesk.domain.orders import OrderStatus
from returndesk.errors import DataError
from returndesk.store.seed_format import ORDERS, OVERLAY, PRODUCTS, USERS, OrderRecord, SeedData


def check_seed_data(data: SeedData) -> None:
    """Raise `DataError` for the first reference that points nowhere."""
    for problem in _problems(data):
        raise problem


def _problems(data: SeedData) -> Iterator[DataError]:
    yield from _keys_match_ids(data)
    yield from _unique_across_records(data)
    variants = {
        item_id: product_id
        for product_id, product in data.products.items()
        for item_id in product.variants
    }
    for order_id, order in data.orders.items():
        yield from _order_references(data, order_id, order, variants)
    yield from _overlay_covers(data)


def _keys_match_ids(data: SeedData) -> Iterator[DataError]:
    for order_id, order in data.orders.items():
        if order.order_id != order_id:
            yield DataError(ORDERS, f"{order_id}.order_id", f"{order.order_id!r} differs from key")
    for product_id, product in data.products.items():
        if product.product_id != product_id:
            yield DataError(
                PRODUCTS, f"{product_id}.product_id", f"{product.product_id!r} differs from key"
            )
        for item_id, variant in product.variants.items():
            if variant.item_id != item_id:
                yield DataError(
                    PRODUCTS,
                    f"{product_id}.variants.{item_id}.item_id",
                    f"{variant.item_id!r} differs from key",
                )
    for user_id, user in data.users.items():
        for method_id, method in user.payment_methods.items():
            if method.id != method_id:
                yield DataError(
                    USERS,
                    f"{user_id}.payment_methods.{method_id}.id",
                    f"{method.id!r} differs from key",
                )


def _unique_across_records(data: SeedData) -> Iterator[DataError]:
    # Each is a primary key or unique column of its own table, shared by all records.
    emails: dict[str, str] = {}
    methods: dict[str, str] = {}
    for user_id, user in data.users.items():
        if (owner := emails.setdefault(user.email.lower(), user_id)) != user_id:
            yield DataError(USERS, f"{user_id}.email", f"{user.email} is also {owner}'s email")
        for method_id in user.payment_methods:
            if (owner := methods.setdefault(method_id, user_id)) != user_id:
                yield DataError(
                    USERS, f"{user_id}.payment_methods.{method_id}", f"also one of {owner}'s"
                )
    items: dict[str, str] = {}
    for product_id, product in data.products.items():
        for item_id in product.variants:
            if (owner := items.setdefault(item_id, product_id)) != product_id:
                yield DataError(
                    PRODUCTS, f"{product_id}.variants.{item_id}", f"also a variant of {owner}"
                )


def _order_references(
    data: SeedData, order_id: str, order: OrderRecord, variants: Mapping[str, str]
) -> Iterator[DataError]:
    user = data.users.get(order.user_id)
    if user is None:
        yield DataError(ORDERS, f"{order_id}.user_id", f"no customer {order.user_id} in {USERS}")
        return
    for index, item in enumerate(order.items):
        where = f"{order_id}.items[{index}]"
        if item.product_id not in data.products:
            yield DataError(
                ORDERS, f"{where}.product_id", f"no product {item.product_id} in {PRODUCTS}"
            )
        elif variants.get(item.item_id) != item.product_id:
            yield DataError(
                ORDERS, f"{where}.item_id", f"{item.item_id} is not a variant of {item.product_id}"
            )
    ordered = {item.item_id for item in order.items}
    for index, fulfilment in enumerate(order.fulfillments):
        for position, item_id in enumerate(fulfilment.item_ids):
            if item_id not in ordered:
                yield DataError(
                    ORDERS,
                    f"{order_id}.fulfillments[{index}].item_ids[{position}]",
                    f"{item_id} is not an item of this order",
                )
    for index, payment in enumerate(order.payment_history):
        if payment.payment_method_id not in user.payment_methods:
            yield DataError(
                ORDERS,
                f"{order_id}.payment_history[{index}].payment_method_id",
                f"{order.user_id} has no payment method {payment.payment_method_id}",
            )


def _overlay_covers(data: SeedData) -> Iterator[DataError]:
    """Tiers, categories and dates exist only in the overlay, so it must name everything."""
    overlay = data.overlay
    yield from _same_keys("customers", data.users, overlay.customers, USERS)
    yield from _same_keys("products", data.products, overlay.products, PRODUCTS)
    yield from _same_keys("orders", data.orders, overlay.orders, ORDERS)
    for product_id, facts in overlay.products.items():
        product = data.products.get(product_id)
        if product is not None and facts.name != product.name:
            yield DataError(
                OVERLAY,
                f"products.{product_id}.name",
                f"{facts.name!r} but {PRODUCTS} says {product.name!r}",
            )
    for order_id, dates in overlay.orders.items():
        order = data.orders.get(order_id)
        if order is None:
            continue
        delivered = order.status is OrderStatus.DELIVERED
        if delivered != (dates.delivered_days_ago is not None):
            expected = "needed" if delivered else "not allowed"
            yield DataError(
                OVERLAY,
                f"orders.{order_id}.delivered_days_ago",
                f"{expected}: the order is {order.status.value}",
            )
        ordered = {item.item_id for item in order.items}
        for index, item_id in enumerate(dates.final_sale_item_ids):
            if item_id not in ordered:
                yield DataError(
                    OVERLAY,
                    f"orders.{order_id}.final_sale_item_ids[{index}]",
                    f"{item_id} is not an item of this order",
                )


def _same_keys(
    section: str, records: Mapping[str, object], facts: Mapping[str, object], file: str
) -> Iterator[DataError]:
    for key in records:
        if key not in facts:
            yield DataError(OVERLAY, f"{section}.{key}", f"missing; {file} has it")
    for key in facts:
        if key not in records:
            yield DataError(OVERLAY, f"{section}.{key}", f"not in {file}")
