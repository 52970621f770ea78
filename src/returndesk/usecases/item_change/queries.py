"""The order being changed, its catalogue and the choices so far, read into a view-model.

Handlers and widgets both start from it, so both see the same order and offers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from returndesk.domain import (
    Catalog,
    Customer,
    ItemSwitch,
    Order,
    OrderLine,
    PaymentMethod,
    Variant,
    settlement_methods,
    switch_variants,
)
from returndesk.domain.money import total
from returndesk.operations.context import Operations
from returndesk.operations.queries import pending_orders
from returndesk.usecases.item_change.answers import ChangeItemsAnswers
from returndesk.widgets.inputs import WidgetInput


@dataclass(frozen=True, slots=True)
class ItemChangeView:
    order: Order
    catalog: Catalog
    # The chosen lines that have their new variant, in line order.
    switches: tuple[ItemSwitch, ...]
    # The first chosen line still without one: the one being asked about.
    open_line: OrderLine | None
    # The shopper's methods that may settle the difference (none when it is nothing).
    methods: tuple[PaymentMethod, ...]
    payment_method: PaymentMethod | None

    @property
    def difference(self) -> Decimal:
        return total(switch.difference for switch in self.switches)

    def offered(self, line: OrderLine) -> tuple[Variant, ...]:
        return switch_variants(line, self.catalog)

    def shown(self, line: OrderLine) -> tuple[Variant, ...]:
        """Every other variant of the line's product, as the card lists them: those that
        may be chosen, closest first, then the sold-out ones, for the shopper to see what
        exists."""
        offered = self.offered(line)
        product = self.catalog.product(line.product_id)
        sold_out = tuple(
            v for v in product.variants if v.item_id != line.item_id and v not in offered
        )
        return offered + sold_out


async def changeable_orders(given: WidgetInput, ops: Operations) -> list[Order]:
    """The shopper's pending orders: only those can switch items."""
    assert given.state.customer_id is not None
    return await pending_orders(ops, given.state.customer_id)


async def order_and_catalog(
    ops: Operations, customer_id: str, order_id: str, asked_items: Iterable[str] = ()
) -> tuple[Order, Catalog]:
    """The order and its products, with the products of `asked_items` too: an item of
    another product is then refused as such, not as unknown."""
    async with ops.storage.reading() as repositories:
        order = await repositories.orders.customer_order(customer_id, order_id)
        products = {line.product_id for line in order.lines}
        products |= await repositories.products.products_of_items(asked_items)
        catalog = await ops.catalog.catalog(repositories.products, products)
    return order, catalog


def view_of(
    answers: ChangeItemsAnswers, order: Order, catalog: Catalog, customer: Customer
) -> ItemChangeView:
    switches = tuple(
        ItemSwitch(order.line(n), catalog.variant(answers.choices[n]))
        for n in sorted(answers.line_nos)
        if n in answers.choices
    )
    open_line = next(
        (order.line(n) for n in sorted(answers.line_nos) if n not in answers.choices), None
    )
    methods = settlement_methods(total(switch.difference for switch in switches), customer)
    chosen = next((m for m in methods if m.id == answers.payment_method_id), None)
    return ItemChangeView(order, catalog, switches, open_line, methods, chosen)


async def item_change(given: WidgetInput, ops: Operations) -> ItemChangeView:
    answers = given.state.answers(ChangeItemsAnswers)
    customer = given.facts.customer
    assert answers.order_id is not None
    assert customer is not None
    order, catalog = await order_and_catalog(ops, customer.id, answers.order_id)
    return view_of(answers, order, catalog, customer)
