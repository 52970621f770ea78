"""What the language layer is told about the conversation each turn.

The same brief goes to a hosted model (as JSON inside its instructions) and to
the offline model's reader (as its `Context`): the current question, and the
things the shopper may refer to by name — items with their line references,
exchange options, payment methods, orders and returns. It holds references
and the facts the shopper already sees, never anything about another customer.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from returndesk.domain import Catalog, OrderLine, OrderStatus, Outcome
from returndesk.flow.engine import FlowEngine
from returndesk.flow.facts import Facts, FactSource
from returndesk.flow.state import FlowState
from returndesk.llm.offline.context import (
    Context,
    ItemOption,
    PaymentOption,
    ProductOption,
    VariantOption,
)
from returndesk.operations.context import Operations
from returndesk.operations.queries import read_eligibility
from returndesk.store.port.storage import Repositories
from returndesk.usecases.returns.answers import ReturnAnswers

USABLE = {Outcome.ELIGIBLE, Outcome.NEEDS_HYGIENE_ANSWER}
# Steps at which the exchanged line is known, so an answer may name its new variant.
EXCHANGE_STEPS = {"offer", "resolution", "exchange_variant"}
# Steps whose answer names an order, which the shopper may do by naming its items: the
# orders of these statuses are the ones on the list.
ORDER_STEPS = {
    "choose_order": frozenset({OrderStatus.PENDING}),
    "status_pick": frozenset(OrderStatus) - {OrderStatus.CANCELLED},
}
# Steps whose answer names one of the shopper's returnable items.
ITEM_STEPS = {"choose_items", "menu", "confirmation", "status_result", "handoff_done"}


@dataclass(frozen=True, slots=True)
class StepBrief:
    """What a use case adds to the brief at one of its steps: the variants the line being
    changed may become, and the lines chosen so far."""

    variants: tuple[VariantOption, ...] = ()
    chosen_items: tuple[str, ...] = ()
    # The step reads the catalogue (a product question).
    catalogue: bool = False


BriefPart = Callable[[FlowState, Facts, Repositories, Operations], Awaitable[StepBrief]]


def line_ref(order_id: str, line_no: int) -> str:
    return f"{order_id}:{line_no}"


def parse_line_ref(ref: str) -> tuple[str, int]:
    """`#W2611340:2` → (`#W2611340`, 2); ValueError when it is not one."""
    order_id, _, line = ref.strip().rpartition(":")
    if not order_id or not line.isdigit():
        raise ValueError(f"not an item reference: {ref!r}")
    return order_id, int(line)


@dataclass(frozen=True, slots=True)
class Brief:
    step: str
    question: str
    verified: bool
    flow: str
    # The step is the flow's confirmation; a "no" there does `if_declined`.
    confirming: bool = False
    if_declined: str | None = None
    # The flow's request is over and the step asks whether there is anything else.
    wrapped_up: bool = False
    items: tuple[ItemOption, ...] = ()
    # Lines of pending orders, which may switch to another variant.
    changeable_items: tuple[ItemOption, ...] = ()
    chosen_items: tuple[str, ...] = ()
    variants: tuple[VariantOption, ...] = ()
    payment_methods: tuple[PaymentOption, ...] = ()
    orders: tuple[str, ...] = ()
    returns: tuple[str, ...] = ()
    offer: str | None = None
    # The order the shopper named for this return, whose items they most likely mean.
    order_id: str | None = None
    # The source of that order's original payment, where a refund would go.
    paid_with: str | None = None
    # The catalogue, for questions about a product.
    products: tuple[ProductOption, ...] = ()

    def nlu_context(self) -> Context:
        return Context(
            step=self.step,
            confirming=self.confirming,
            if_declined=self.if_declined,
            wrapped_up=self.wrapped_up,
            items=self.items,
            changeable_items=self.changeable_items,
            chosen_items=self.chosen_items,
            variants=self.variants,
            payment_methods=self.payment_methods,
            orders=self.orders,
            returns=self.returns,
            offer=self.offer,
            order_id=self.order_id,
            paid_with=self.paid_with,
            products=self.products,
        )

    def to_json(self) -> str:
        def money(value: Decimal | None) -> str | None:
            return None if value is None else str(value)

        def item_json(item: ItemOption) -> dict[str, object]:
            return {
                "ref": item.ref,
                "name": item.name,
                "options": dict(item.options),
                "price": money(item.price),
            }

        data = {
            "step": self.step,
            "question": self.question,
            "verified": self.verified,
            "flow": self.flow,
            "confirming": self.confirming,
            "if_declined": self.if_declined,
            "wrapped_up": self.wrapped_up,
            "items": [item_json(item) for item in self.items],
            "changeable_items": [item_json(item) for item in self.changeable_items],
            "chosen_items": list(self.chosen_items),
            "exchange_options": [
                {
                    "item_id": v.item_id,
                    "for_ref": v.for_ref,
                    "options": dict(v.options),
                    "price": money(v.price),
                    "available": v.available,
                }
                for v in self.variants
            ],
            "payment_methods": [
                {
                    "id": m.id,
                    "source": m.source,
                    "brand": m.brand,
                    "last_four": m.last_four,
                    "balance": money(m.balance),
                }
                for m in self.payment_methods
            ],
            "orders": list(self.orders),
            "returns": list(self.returns),
            "offer": self.offer,
            "order_id": self.order_id,
            "paid_with": self.paid_with,
            "products": [
                {"name": product.name, "options": {k: list(v) for k, v in product.options.items()}}
                for product in self.products
            ],
        }
        return json.dumps(data, separators=(",", ":"))


async def build_brief(
    ops: Operations,
    engine: FlowEngine,
    state: FlowState,
    source: FactSource | None = None,
    repositories: Repositories | None = None,
    parts: Mapping[str, BriefPart] | None = None,
) -> Brief:
    """`source` is the request's, whose facts the turn's tools then go on from; `repositories`
    one the caller reads other things through; `parts` what use cases add at their steps."""
    facts = await (source or FactSource()).facts(ops, state)
    step = engine.current_step(state, facts)
    confirming = engine.confirming(state, facts)
    brief = Brief(
        step=step.id,
        question=step.hint,
        verified=state.customer_id is not None,
        flow=state.flow,
        confirming=confirming,
        if_declined=engine.definition.flow(state.flow).if_declined if confirming else None,
        wrapped_up=engine.wrapped_up(state, facts),
    )
    # The catalogue goes where a product question may come: outside any request, and
    # at the steps that ask for it. Elsewhere it would only lengthen every turn.
    definition = engine.definition
    open_step = step.id in (definition.start, definition.after_verification) or brief.wrapped_up
    if facts.customer is None:
        return await _with_catalogue(brief, ops, repositories) if open_step else brief
    part = (parts or {}).get(step.id)
    if repositories is None:
        async with ops.storage.reading() as own:
            items, changeable, orders = await _items_and_orders(own, ops, facts, step.id)
            returns = await own.returns.customer_rmas(facts.customer.id)
            added = await part(state, facts, own, ops) if part else StepBrief()
    else:
        items, changeable, orders = await _items_and_orders(repositories, ops, facts, step.id)
        returns = await repositories.returns.customer_rmas(facts.customer.id)
        added = await part(state, facts, repositories, ops) if part else StepBrief()
    payment_methods = tuple(
        PaymentOption(m.id, m.source.value, m.brand, m.last_four, m.balance)
        for m in facts.customer.payment_methods
    )
    answers = state.answers(ReturnAnswers)
    chosen_order = answers.order_id
    brief = replace(
        brief,
        items=items,
        changeable_items=changeable,
        chosen_items=added.chosen_items
        or (tuple(line_ref(chosen_order, n) for n in answers.line_nos) if chosen_order else ()),
        variants=added.variants or (_variants(state, facts) if step.id in EXCHANGE_STEPS else ()),
        payment_methods=payment_methods,
        orders=tuple(
            order_id for order_id, status in orders if status is not OrderStatus.CANCELLED
        ),
        returns=tuple(returns),
        offer=facts.options.offer.kind.value if facts.options and facts.options.offer else None,
        order_id=state.answers(ReturnAnswers).order_id
        if state.flow == ReturnAnswers.flow
        else None,
        paid_with=_paid_with(facts),
    )
    if open_step or added.catalogue:
        brief = await _with_catalogue(brief, ops, repositories)
    return brief


async def _with_catalogue(
    brief: Brief, ops: Operations, repositories: Repositories | None
) -> Brief:
    if repositories is None:
        async with ops.storage.reading() as own:
            return replace(brief, products=_products(await ops.catalog.everything(own.products)))
    return replace(brief, products=_products(await ops.catalog.everything(repositories.products)))


async def _items_and_orders(
    repositories: Repositories, ops: Operations, facts: Facts, step: str
) -> tuple[tuple[ItemOption, ...], tuple[ItemOption, ...], Sequence[tuple[str, OrderStatus]]]:
    """The items the shopper may name, the lines of their pending orders, and the ids and
    statuses of their orders.

    Inside a return the items are the chosen order's lines (and no pending line is
    named); otherwise they are the returnable lines of every order, which needs the
    orders in full.
    """
    assert facts.customer is not None
    if facts.order is not None and step not in ITEM_STEPS:
        items = tuple(_item(facts.order.id, line) for line in facts.order.lines)
        return items, (), await repositories.orders.customer_order_statuses(facts.customer.id)
    orders = await repositories.orders.customer_orders(facts.customer.id)
    statuses = [(order.id, order.status) for order in orders]
    changeable = tuple(
        _item(order.id, line)
        for order in orders
        if order.status is OrderStatus.PENDING
        for line in order.lines
    )
    picking = ORDER_STEPS.get(step)
    if picking is not None:
        # "the speaker order": any line of an order on the list names it.
        items = tuple(
            _item(order.id, line)
            for order in orders
            if order.status in picking
            for line in order.lines
        )
        return items, changeable, statuses
    found = await read_eligibility(repositories, ops, facts.customer, orders)
    items = tuple(
        _item(entry.order.id, line)
        for entry in found.orders
        for line, verdict in zip(entry.order.lines, entry.lines, strict=True)
        if verdict.outcome in USABLE
    )
    return items, changeable, statuses


def product_options(catalog: Catalog) -> tuple[ProductOption, ...]:
    """The catalogue as the reader sees it: each product's name and option values."""
    return tuple(
        ProductOption(product.name, product.option_values())
        for product in sorted(catalog.products.values(), key=lambda p: p.name)
    )


_last_products: tuple[Catalog, tuple[ProductOption, ...]] | None = None


def _products(catalog: Catalog) -> tuple[ProductOption, ...]:
    """`product_options`, worked out again only when the catalogue is read again (see
    CatalogCache)."""
    global _last_products
    if _last_products is None or _last_products[0] is not catalog:
        _last_products = (catalog, product_options(catalog))
    return _last_products[1]


def _item(order_id: str, line: OrderLine) -> ItemOption:
    return ItemOption(
        line_ref(order_id, line.line_no), order_id, line.name, dict(line.options), line.price
    )


def _paid_with(facts: Facts) -> str | None:
    if facts.order is None or facts.customer is None:
        return None
    method_id = facts.order.original_payment_method_id
    for method in facts.customer.payment_methods:
        if method.id == method_id:
            return method.source.value
    return None


def _variants(state: FlowState, facts: Facts) -> tuple[VariantOption, ...]:
    if facts.request is None or facts.catalog is None or facts.order is None:
        return ()
    variants = []
    # What the card shows: the shortlist, when the shopper's words narrowed it down.
    shortlist = set(state.answers(ReturnAnswers).shortlist)
    for line in facts.request.lines:
        if line.line_no in state.answers(ReturnAnswers).exchanges:
            continue
        ref = line_ref(facts.order.id, line.line_no)
        variants += [
            VariantOption(v.item_id, ref, dict(v.options), v.price, v.available)
            for v in facts.offered_variants.get(line.line_no, ())
            if not shortlist or v.item_id in shortlist
        ]
    return tuple(variants)


@functools.lru_cache(maxsize=64)
def context_from_json(text: str) -> Context:
    """The reader's context from a brief written by `Brief.to_json`; the offline model reads
    the same brief at each of a turn's calls, so it is read once."""
    data = json.loads(text)

    def money(value: str | None) -> Decimal | None:
        return None if value is None else Decimal(value)

    def item(raw: dict[str, Any]) -> ItemOption:
        return ItemOption(
            raw["ref"],
            parse_line_ref(raw["ref"])[0],
            raw["name"],
            raw["options"],
            money(raw["price"]) or Decimal(0),
        )

    return Context(
        step=data.get("step"),
        confirming=bool(data.get("confirming")),
        if_declined=data.get("if_declined"),
        wrapped_up=bool(data.get("wrapped_up")),
        items=tuple(item(raw) for raw in data.get("items", [])),
        changeable_items=tuple(item(raw) for raw in data.get("changeable_items", [])),
        chosen_items=tuple(data.get("chosen_items", [])),
        variants=tuple(
            VariantOption(
                v["item_id"],
                v["for_ref"],
                v["options"],
                money(v["price"]) or Decimal(0),
                v["available"],
            )
            for v in data.get("exchange_options", [])
        ),
        payment_methods=tuple(
            PaymentOption(m["id"], m["source"], m["brand"], m["last_four"], money(m["balance"]))
            for m in data.get("payment_methods", [])
        ),
        orders=tuple(data.get("orders", [])),
        returns=tuple(data.get("returns", [])),
        offer=data.get("offer"),
        order_id=data.get("order_id"),
        paid_with=data.get("paid_with"),
        products=tuple(
            ProductOption(raw["name"], {k: tuple(v) for k, v in raw["options"].items()})
            for raw in data.get("products", [])
        ),
    )
