"""Putting a return together, one answer at a time, and confirming it.

Every answer is checked against facts loaded from the database for this turn;
an answer that changes the amounts clears the answers that depended on them.
"""

from __future__ import annotations

from returndesk.domain import (
    NEW_GIFT_CARD,
    OfferKind,
    Outcome,
    ReasonCode,
    Resolution,
    ReturnItem,
    ReturnMethod,
    check_settlement_method,
    format_money,
    one_of,
)
from returndesk.errors import DomainError, InvalidRequest, NotFound
from returndesk.flow.state import FlowState
from returndesk.flow.turn import EventRejected, Turn
from returndesk.operations.returns import ReturnDraft, create_return
from returndesk.store.port.orders import normalize_order_id
from returndesk.usecases.returns.answers import ReturnAnswers
from returndesk.usecases.returns.events import (
    AnswerHygiene,
    AnswerOffer,
    ChooseMethod,
    ChoosePaymentMethod,
    ChooseResolution,
    ChooseVariant,
    GiveNote,
    GiveReason,
    SelectItems,
    ShortlistVariants,
    StartReturn,
)

USABLE = frozenset({Outcome.ELIGIBLE, Outcome.NEEDS_HYGIENE_ANSWER})


async def start_return(state: FlowState, event: StartReturn, turn: Turn) -> str | None:
    if event.order_id:
        state.answers(ReturnAnswers).order_id = await _customer_order_id(
            state, event.order_id, turn
        )
    return None


async def _customer_order_id(state: FlowState, order_id: str, turn: Turn) -> str:
    assert state.customer_id is not None
    wanted = normalize_order_id(order_id)
    # The records of a return on this order: the facts that follow read them too.
    found = await turn.source.records(turn.ops, (state.customer_id, wanted))
    if found.order is None:
        raise EventRejected(f"I can't find order {wanted} on your account.")
    return found.order.id


async def select_items(state: FlowState, event: SelectItems, turn: Turn) -> str | None:
    answers = state.answers(ReturnAnswers)
    order_id = await _customer_order_id(state, event.order_id, turn)
    probe = state.model_copy(deep=True)
    probe.replace_answers(ReturnAnswers(order_id=order_id, seal_opened=dict(answers.seal_opened)))
    facts = await turn.source.facts(turn.ops, probe)
    assert facts.order is not None
    keep = answers.line_nos if event.add and answers.order_id == order_id else []
    chosen = list(keep)
    for line_no in event.line_nos:
        verdict = facts.eligibility.get(line_no)
        if verdict is None:
            raise EventRejected(f"Order {order_id} has no item number {line_no}.")
        if verdict.outcome not in USABLE:
            raise EventRejected(f"{facts.order.line(line_no).name}: {verdict.message}")
        if line_no not in chosen:
            chosen.append(line_no)
    for item_id, count in event.quantities.items():
        units = [line for line in facts.order.lines if line.item_id == item_id]
        if not units:
            raise EventRejected(f"Order {order_id} has no item {item_id}.")
        free = [
            line.line_no
            for line in units
            if facts.eligibility[line.line_no].outcome in USABLE and line.line_no not in chosen
        ]
        if count > len(free):
            verdict = next(
                (facts.eligibility[line.line_no] for line in units if line.line_no not in free),
                None,
            )
            reason = f" {verdict.message}" if verdict and verdict.outcome not in USABLE else ""
            raise EventRejected(
                f"Only {len(free)} of the {units[0].name} can be returned.{reason}".strip()
            )
        chosen += free[:count]
    if not chosen:
        raise EventRejected("Please choose at least one item to return.")
    if answers.order_id != order_id:
        answers = ReturnAnswers(order_id=order_id)
        state.replace_answers(answers)
    answers.line_nos = sorted(chosen)
    _forget_lines(answers)
    _forget_amount_choices(answers)
    names = [facts.order.line(line).name for line in answers.line_nos]
    return f"You've chosen: {', '.join(names)}."


def _forget_lines(answers: ReturnAnswers) -> None:
    """Drop answers about lines no longer chosen."""
    chosen = set(answers.line_nos)
    for per_line in (answers.reasons, answers.notes, answers.seal_opened, answers.exchanges):
        for line in [line for line in per_line if line not in chosen]:
            del per_line[line]


def _forget_amount_choices(answers: ReturnAnswers) -> None:
    """The offer and the resolution depend on which items and why; ask again."""
    answers.offer_answer = None
    answers.resolution = None
    answers.credit_destination = None
    answers.exchanges = {}
    answers.exchange_payment_method_id = None


def _target_lines(
    answers: ReturnAnswers, line_no: int | None, missing: dict[int, str]
) -> list[int]:
    """The named line, else every chosen line still missing an answer, else all of them."""
    if line_no is not None:
        if line_no not in answers.line_nos:
            raise EventRejected("That item isn't part of this return.")
        return [line_no]
    unanswered = [line for line in answers.line_nos if line not in missing]
    return unanswered or list(answers.line_nos)


async def give_reason(state: FlowState, event: GiveReason, turn: Turn) -> str | None:
    try:
        reason = ReasonCode(event.reason)
    except ValueError as exc:
        raise EventRejected("Please choose one of the reasons shown.") from exc
    if reason not in turn.facts.policy.reasons:
        raise EventRejected("Please choose one of the reasons shown.")
    answers = state.answers(ReturnAnswers)
    for line in _target_lines(answers, event.line_no, answers.reasons):
        answers.reasons[line] = reason.value
        if event.note and event.note.strip():
            answers.notes[line] = event.note.strip()
    _forget_amount_choices(answers)
    return None


async def give_note(state: FlowState, event: GiveNote, turn: Turn) -> str | None:
    note = event.note.strip()
    if not note:
        raise EventRejected("Please write a few words about what's wrong.")
    answers = state.answers(ReturnAnswers)
    for line in _target_lines(answers, event.line_no, answers.notes):
        answers.notes[line] = note[:500]
    return None


async def answer_hygiene(state: FlowState, event: AnswerHygiene, turn: Turn) -> str | None:
    answers = state.answers(ReturnAnswers)
    sealed = turn.facts.hygiene_lines
    if not sealed:
        raise EventRejected("None of the chosen items needs a seal check.")
    if event.line_no is not None and event.line_no not in sealed:
        raise EventRejected("That item doesn't need a seal check.")
    targets = (
        [event.line_no]
        if event.line_no is not None
        else [line for line in sealed if line not in answers.seal_opened] or list(sealed)
    )
    for line in targets:
        answers.seal_opened[line] = event.opened
    if not event.opened:
        return None
    order = turn.facts.order
    assert order is not None
    answers.line_nos = [line for line in answers.line_nos if line not in targets]
    _forget_lines(answers)
    answers.seal_opened.update(dict.fromkeys(targets, True))
    _forget_amount_choices(answers)
    names = " and ".join(order.line(line).name for line in targets)
    return f"For hygiene reasons, the {names} can only be returned with the seal unbroken."


async def answer_offer(state: FlowState, event: AnswerOffer, turn: Turn) -> str | None:
    options = turn.facts.options
    if options is None or options.offer is None:
        raise EventRejected("There's no offer for this return.")
    answers = state.answers(ReturnAnswers)
    if not event.accept:
        answers.offer_answer = "declined"
        if answers.resolution == Resolution.KEEP_WITH_DISCOUNT.value:
            answers.resolution = None
        return "No problem, let's continue with the return."
    answers.offer_answer = "accepted"
    if options.offer.kind is OfferKind.KEEP_WITH_DISCOUNT:
        answers.resolution = Resolution.KEEP_WITH_DISCOUNT.value
    else:
        answers.resolution = Resolution.EXCHANGE.value
    answers.credit_destination = None
    answers.method = None
    return None


async def choose_resolution(state: FlowState, event: ChooseResolution, turn: Turn) -> str | None:
    options = turn.facts.options
    if options is None:
        raise EventRejected("Let's finish choosing the items and reasons first.")
    allowed = {option.resolution.value for option in options.resolutions}
    if event.resolution not in allowed:
        label = event.resolution.replace("_", " ").lower()
        raise EventRejected(f"A {label} isn't available for this return.")
    answers = state.answers(ReturnAnswers)
    if answers.offer_answer == "accepted":
        answers.offer_answer = "declined"
    answers.resolution = event.resolution
    answers.credit_destination = None
    if event.resolution == Resolution.STORE_CREDIT.value:
        answers.credit_destination = _credit_destination(event.credit_destination, turn)
    if event.resolution != Resolution.EXCHANGE.value:
        answers.exchanges = {}
        answers.exchange_payment_method_id = None
    return None


def _credit_destination(destination: str | None, turn: Turn) -> str:
    customer = turn.facts.customer
    assert customer is not None
    if destination is None and customer.gift_cards:
        # Where the money goes is the shopper's call, never a guess.
        cards = [_lower_first(card.describe()) for card in customer.gift_cards]
        raise EventRejected(
            f"Should the store credit go on your {' or your '.join(cards)}, or on a new gift card?"
        )
    if destination is None or destination == NEW_GIFT_CARD:
        return NEW_GIFT_CARD
    if destination not in {card.id for card in customer.gift_cards}:
        raise EventRejected("Store credit can go to one of your gift cards or a new one.")
    return destination


async def choose_variant(state: FlowState, event: ChooseVariant, turn: Turn) -> str | None:
    answers = state.answers(ReturnAnswers)
    facts = turn.facts
    if answers.resolution != Resolution.EXCHANGE.value or facts.request is None:
        raise EventRejected("Choose an exchange first.")
    candidates = [
        line
        for line in facts.request.lines
        if (event.line_no is None or line.line_no == event.line_no)
        and any(v.item_id == event.item_id for v in facts.offered_variants.get(line.line_no, ()))
    ]
    if not candidates:
        raise EventRejected("That option isn't available in exchange; please pick one shown.")
    open_first = sorted(candidates, key=lambda line: line.line_no in answers.exchanges)
    answers.exchanges[open_first[0].line_no] = event.item_id
    answers.exchange_payment_method_id = None
    answers.shortlist = []
    return None


async def shortlist_variants(state: FlowState, event: ShortlistVariants, turn: Turn) -> str | None:
    answers = state.answers(ReturnAnswers)
    facts = turn.facts
    if answers.resolution != Resolution.EXCHANGE.value or facts.request is None:
        raise EventRejected("Choose an exchange first.")
    line = next(
        (line for line in facts.request.lines if line.line_no not in answers.exchanges), None
    )
    if line is None:
        raise EventRejected("Every item already has its replacement.")
    offered = {v.item_id: v for v in facts.offered_variants.get(line.line_no, ())}
    fitting = [offered[item_id] for item_id in dict.fromkeys(event.item_ids) if item_id in offered]
    if len(fitting) != len(set(event.item_ids)):
        raise EventRejected("That option isn't available in exchange; please pick one shown.")
    answers.shortlist = [variant.item_id for variant in fitting]
    if not fitting:
        return None
    labels = [f"{'/'.join(v.options.values())} ({format_money(v.price)})" for v in fitting]
    return f"These fit: {one_of(labels)}. I've put them on the card."


async def choose_payment_method(
    state: FlowState, event: ChoosePaymentMethod, turn: Turn
) -> str | None:
    difference = turn.facts.exchange_difference
    customer = turn.facts.customer
    if difference is None or difference == 0 or customer is None:
        raise EventRejected("There's no price difference to settle.")
    try:
        check_settlement_method(difference, event.payment_method_id, customer)
    except (DomainError, NotFound, InvalidRequest) as exc:
        raise EventRejected(exc.message) from exc
    state.answers(ReturnAnswers).exchange_payment_method_id = event.payment_method_id
    return None


async def choose_method(state: FlowState, event: ChooseMethod, turn: Turn) -> str | None:
    allowed = {option.method.value for option in turn.facts.methods}
    if event.method not in allowed:
        try:
            label = ReturnMethod(event.method).value.replace("_", " ").lower()
        except ValueError:
            label = "that method"
        raise EventRejected(f"{label.capitalize()} isn't available for this return.")
    state.answers(ReturnAnswers).method = event.method
    return None


async def confirm_return(state: FlowState, turn: Turn) -> str | None:
    answers = state.answers(ReturnAnswers)
    facts = turn.facts
    if facts.request is None or state.customer_id is None or answers.resolution is None:
        raise EventRejected("Let's finish the return's details first.")
    draft = ReturnDraft(
        customer_id=state.customer_id,
        order_id=facts.request.order.id,
        items=tuple(
            ReturnItem(line, ReasonCode(answers.reasons[line]), answers.notes.get(line))
            for line in answers.line_nos
        ),
        resolution=Resolution(answers.resolution),
        method=ReturnMethod(answers.method) if facts.methods and answers.method else None,
        idempotency_key=f"{turn.thread_id}:{turn.token}",
        store_credit_destination=answers.credit_destination,
        exchange_item_ids=dict(answers.exchanges),
        exchange_payment_method_id=answers.exchange_payment_method_id,
        seal_answers=dict(answers.seal_opened),
        thread_id=turn.thread_id,
    )
    try:
        created = await create_return(turn.ops, draft)
    except (DomainError, NotFound, InvalidRequest) as exc:
        raise EventRejected(exc.message) from exc
    answers.confirmed_rma = created.rma
    return None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
