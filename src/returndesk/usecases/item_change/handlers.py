"""Choosing the order, its lines and their new variants, and writing the switch on Confirm.

Every answer is checked against the order and the catalogue as they are now; the
write checks them again under a lock (see `operations.order_changes`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from returndesk.domain import (
    Catalog,
    Order,
    OrderLine,
    Variant,
    check_order_change,
    option_pairs,
    plan_item_change,
    plan_item_switches,
    switch_variants,
)
from returndesk.errors import DomainError, InvalidRequest, NotFound
from returndesk.flow.orders import require_allowed
from returndesk.flow.state import FlowState
from returndesk.flow.turn import EventRejected, Turn
from returndesk.llm.brief import parse_line_ref
from returndesk.operations.order_changes import change_items
from returndesk.store.port.orders import normalize_order_id
from returndesk.usecases.item_change.answers import ChangeItemsAnswers
from returndesk.usecases.item_change.events import (
    ChooseDifferenceMethod,
    ChooseItemLines,
    ChooseNewVariant,
    FinishItemChoices,
    SelectItemOrder,
    StartItemChange,
)
from returndesk.usecases.item_change.queries import order_and_catalog, view_of
from returndesk.widgets.inputs import describe_options


async def start_item_change(state: FlowState, event: StartItemChange, turn: Turn) -> str | None:
    answers = state.answers(ChangeItemsAnswers)
    answers.wanted_options = list(event.variant_options)
    refs = [_ref(ref) for ref in event.item_refs]
    order_id = event.order_id or (refs[0][0] if refs else None)
    if order_id is None:
        return None
    order, catalog = await _changeable(order_id, turn)
    answers.order_id = order.id
    if not refs:
        return None
    if any(ref_order != order.id for ref_order, _ in refs):
        raise EventRejected("Items can be changed for one order at a time.")
    return _take_lines(answers, order, catalog, [order.line(n) for _, n in refs], turn)


async def select_item_order(state: FlowState, event: SelectItemOrder, turn: Turn) -> str | None:
    answers = state.answers(ChangeItemsAnswers)
    order, _ = await _changeable(event.order_id, turn)
    answers.order_id = order.id
    return None


async def choose_item_lines(state: FlowState, event: ChooseItemLines, turn: Turn) -> str | None:
    answers = state.answers(ChangeItemsAnswers)
    if answers.order_id is None:
        raise EventRejected("Which order has the items you want to change?")
    order, catalog = await _changeable(answers.order_id, turn)
    lines: list[OrderLine] = []
    for ref_order, line_no in (_ref(ref) for ref in event.item_refs):
        if ref_order != order.id:
            raise EventRejected("Items can be changed for one order at a time.")
        lines.append(_line(order, line_no))
    lines += _by_quantity(order, event.quantities)
    if not lines:
        raise EventRejected("Tick the items you want to change.")
    answers.choices = {}
    return _take_lines(answers, order, catalog, lines, turn)


def _take_lines(
    answers: ChangeItemsAnswers,
    order: Order,
    catalog: Catalog,
    lines: Sequence[OrderLine],
    turn: Turn,
) -> str | None:
    """Note the lines to change; a line whose product has no other available option is
    refused, and options asked for earlier choose the variant of a single line."""
    for line in lines:
        if not _offered(line, catalog):
            raise EventRejected(
                f"The {line.name} has no other option available at the moment, "
                "so it can't be switched."
            )
    answers.line_nos = sorted({line.line_no for line in lines})
    answers.choices = {n: item for n, item in answers.choices.items() if n in answers.line_nos}
    answers.complete = False
    remark = None
    if answers.wanted_options and len(lines) == 1:
        try:
            answers.choices[lines[0].line_no] = _by_options(
                lines[0], catalog, answers.wanted_options
            ).item_id
        except EventRejected as refused:
            remark = refused.message
        answers.wanted_options = []
    _settle(answers, order, catalog, turn)
    return remark


async def choose_new_variant(state: FlowState, event: ChooseNewVariant, turn: Turn) -> str | None:
    answers = state.answers(ChangeItemsAnswers)
    if answers.order_id is None or not answers.line_nos:
        raise EventRejected("Let's choose the items to change first.")
    asked = [event.item_id] if event.item_id else []
    order, catalog = await _changeable(answers.order_id, turn, asked)
    line_no = event.line_no or next(
        (n for n in sorted(answers.line_nos) if n not in answers.choices), answers.line_nos[-1]
    )
    if line_no not in answers.line_nos:
        raise EventRejected("That item isn't one of the items you're changing.")
    line = _line(order, line_no)
    if event.item_id:
        _check_switch(order, {line_no: event.item_id}, catalog, turn)
        answers.choices[line_no] = event.item_id
    elif event.variant_options:
        answers.choices[line_no] = _by_options(line, catalog, event.variant_options).item_id
    else:
        raise EventRejected(f"What would you like instead of the {line.name}?")
    answers.complete = False
    _settle(answers, order, catalog, turn)
    return None


async def finish_item_choices(state: FlowState, event: FinishItemChoices, turn: Turn) -> str | None:
    answers = state.answers(ChangeItemsAnswers)
    if not answers.line_nos or any(n not in answers.choices for n in answers.line_nos):
        raise EventRejected("Let's choose the new items first.")
    answers.complete = True
    return None


async def choose_difference_method(
    state: FlowState, event: ChooseDifferenceMethod, turn: Turn
) -> str | None:
    answers = state.answers(ChangeItemsAnswers)
    if answers.order_id is None or not answers.choices:
        raise EventRejected("Let's choose the new items first.")
    order, catalog = await _changeable(answers.order_id, turn)
    customer = turn.facts.customer
    assert customer is not None
    try:
        plan_item_change(
            order,
            customer=customer,
            choices=answers.choices,
            payment_method_id=event.payment_method_id,
            catalog=catalog,
        )
    except (DomainError, InvalidRequest, NotFound) as exc:
        raise EventRejected(exc.message) from exc
    answers.payment_method_id = event.payment_method_id
    return None


async def confirm_item_change(state: FlowState, turn: Turn) -> str | None:
    answers = state.answers(ChangeItemsAnswers)
    if answers.order_id is None or not answers.choices or state.customer_id is None:
        raise EventRejected("Let's choose the items and what they become first.")
    try:
        await change_items(
            turn.ops,
            answers.order_id,
            customer_id=state.customer_id,
            choices=answers.choices,
            payment_method_id=answers.payment_method_id,
        )
    except (DomainError, NotFound, InvalidRequest) as exc:
        raise EventRejected(exc.message) from exc
    answers.done = True
    return None


# --- Helpers ------------------------------------------------------------------------------


async def _changeable(
    order_id: str, turn: Turn, asked_items: Sequence[str] = ()
) -> tuple[Order, Catalog]:
    customer = turn.facts.customer
    assert customer is not None
    try:
        order, catalog = await order_and_catalog(turn.ops, customer.id, order_id, asked_items)
    except NotFound as exc:
        raise EventRejected(
            f"I can't find order {normalize_order_id(order_id)} on your account."
        ) from exc
    require_allowed(order, check_order_change(order, customer))
    return order, catalog


def _ref(ref: str) -> tuple[str, int]:
    try:
        order_id, line_no = parse_line_ref(ref)
    except ValueError as exc:
        raise EventRejected("I don't recognise that item; please use the items shown.") from exc
    return normalize_order_id(order_id), line_no


def _line(order: Order, line_no: int) -> OrderLine:
    try:
        return order.line(line_no)
    except NotFound as exc:
        raise EventRejected(exc.message) from exc


def _by_quantity(order: Order, quantities: Mapping[str, int]) -> list[OrderLine]:
    """That many lines of each item id, in line order; more than the order holds is refused."""
    lines: list[OrderLine] = []
    for item_id, count in quantities.items():
        holding = [line for line in order.lines if line.item_id == item_id]
        if count < 0 or count > len(holding):
            raise EventRejected("Please choose how many of each item to change.")
        lines += holding[:count]
    return lines


def _offered(line: OrderLine, catalog: Catalog) -> tuple[Variant, ...]:
    try:
        return switch_variants(line, catalog)
    except NotFound:
        # A product no longer in the catalogue has nothing to switch to.
        return ()


def _check_switch(order: Order, choices: Mapping[int, str], catalog: Catalog, turn: Turn) -> None:
    customer = turn.facts.customer
    assert customer is not None
    try:
        plan_item_switches(order, customer=customer, choices=choices, catalog=catalog)
    except (DomainError, InvalidRequest, NotFound) as exc:
        raise EventRejected(exc.message) from exc


def _by_options(line: OrderLine, catalog: Catalog, wanted: Iterable[str]) -> Variant:
    """The available variant closest to the line that has every option asked for."""
    asked = option_pairs(wanted)
    found = next((v for v in _offered(line, catalog) if v.has_options(asked)), None)
    if found is not None:
        return found
    described = describe_options(asked) or "that option"
    product = catalog.product(line.product_id)
    if any(not variant.available for variant in product.variants_with(asked)):
        raise EventRejected(
            f"The {line.name} in {described} is sold out; choose one of the options shown."
        )
    raise EventRejected(
        f"The {line.name} doesn't come in {described}; choose one of the options shown."
    )


def _settle(answers: ChangeItemsAnswers, order: Order, catalog: Catalog, turn: Turn) -> None:
    """The difference once every line has its choice; the method is asked again when it
    no longer fits the amount."""
    customer = turn.facts.customer
    assert customer is not None
    view = view_of(answers, order, catalog, customer)
    if view.open_line is not None:
        answers.difference = None
        answers.payment_method_id = None
        return
    answers.difference = str(view.difference)
    if view.payment_method is None:
        answers.payment_method_id = None
