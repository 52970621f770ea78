"""What the database says about a conversation's answers, loaded afresh every request.

Guards and widgets read these; nothing here is kept between requests, so a
price or an eligibility verdict is never older than the request it serves.
Facts are derived from a few records (the customer, the order of the return,
its products, the lines other returns hold); a `FactSource` reads those once
per request and derives the facts again for every state a turn passes through.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from returndesk.domain import (
    Catalog,
    Customer,
    LineEligibility,
    MethodOption,
    Order,
    OrderLine,
    Policy,
    ReasonCode,
    Resolution,
    ReturnItem,
    ReturnOptions,
    ReturnRequest,
    Variant,
    check_order,
    choose_variants,
    held_line_nos,
    method_options,
    offered_variants,
    return_options,
    total_difference,
)
from returndesk.errors import ReturnDeskError
from returndesk.flow.state import FlowState
from returndesk.operations.context import Operations
from returndesk.store.commits import commits
from returndesk.store.port.storage import Repositories
from returndesk.store.request_memo import RequestMemo
from returndesk.usecases.returns.answers import ReturnAnswers


@dataclass(frozen=True, slots=True)
class Facts:
    policy: Policy
    now: datetime
    customer: Customer | None = None
    # The order of the return being put together, with its lines' verdicts.
    order: Order | None = None
    catalog: Catalog | None = None
    eligibility: Mapping[int, LineEligibility] = field(default_factory=dict)
    # Known once every chosen line has a valid reason (and note, where one is needed).
    request: ReturnRequest | None = None
    options: ReturnOptions | None = None
    # For the chosen resolution: how the items may travel back.
    methods: tuple[MethodOption, ...] = ()
    # For an exchange whose variants are all chosen.
    exchange_difference: Decimal | None = None
    # What each line of the request may be exchanged for, the very same one first when
    # the store was at fault.
    offered_variants: Mapping[int, tuple[Variant, ...]] = field(default_factory=dict)

    def replacement_offered(self, line: OrderLine) -> bool:
        """Whether the very same variant is offered first for `line`: the store was at fault."""
        offered = self.offered_variants.get(line.line_no, ())
        return bool(offered) and offered[0].item_id == line.item_id

    @property
    def hygiene_lines(self) -> tuple[int, ...]:
        """Chosen lines of hygiene-sealed products."""
        if self.order is None or self.catalog is None or self.request is None:
            return ()
        return tuple(
            line.line_no
            for line in self.request.lines
            if self.catalog.product(line.product_id).hygiene_sealed
        )


# Which records a state's facts need: its customer, and the order of a return.
RecordsKey = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class Records:
    customer: Customer | None = None
    order: Order | None = None
    catalog: Catalog | None = None
    # Lines of `order` that other returns hold.
    held: frozenset[int] = frozenset()


def records_key(state: FlowState) -> RecordsKey:
    if state.customer_id is None:
        return None, None
    if state.flow != ReturnAnswers.flow:
        return state.customer_id, None
    return state.customer_id, state.answers(ReturnAnswers).order_id


async def load_records(
    ops: Operations, key: RecordsKey, customer: Customer | None = None
) -> Records:
    if key[0] is None:
        return Records()
    async with ops.storage.reading() as repositories:
        return await read_records(repositories, ops, key, customer)


async def read_records(
    repositories: Repositories, ops: Operations, key: RecordsKey, customer: Customer | None = None
) -> Records:
    """The records for `key`; `customer`, when the caller read it already, is not read again."""
    customer_id, order_id = key
    if customer_id is None:
        return Records()
    if customer is None or customer.id != customer_id:
        customer = await repositories.customers.get(customer_id)
    if order_id is None:
        return Records(customer)
    try:
        order = await repositories.orders.customer_order(customer.id, order_id)
    except ReturnDeskError:
        return Records(customer)
    catalog = await ops.catalog.catalog(
        repositories.products, {line.product_id for line in order.lines}
    )
    held = held_line_nos(await repositories.returns.existing(customer.id, [order.id]), order.id)
    return Records(customer, order, catalog, held)


async def load_facts(ops: Operations, state: FlowState) -> Facts:
    return derive_facts(ops, state, await load_records(ops, records_key(state)))


class FactSource:
    """Facts for one request: each set of records read once, the facts derived for every state.

    Records are read again once anything in this process has committed since
    they were read (writes of conversations alone aside), so a command the turn
    ran (a return created, an order cancelled) always shows in the facts that
    follow it. Create one per request and drop it with the request.
    """

    def __init__(self) -> None:
        self._records: dict[RecordsKey, Records] = {}
        self._commits = commits()

    async def facts(self, ops: Operations, state: FlowState) -> Facts:
        return derive_facts(ops, state, await self.records(ops, records_key(state)))

    async def records(
        self, ops: Operations, key: RecordsKey, repositories: Repositories | None = None
    ) -> Records:
        """The records for `key`; read through `repositories` when given and not known yet."""
        self._forget_if_stale()
        found = self._records.get(key)
        if found is None:
            seen = commits()
            known = self._records.get((key[0], None))
            customer = known.customer if known is not None else None
            if repositories is None:
                found = await load_records(ops, key, customer)
            else:
                found = await read_records(repositories, ops, key, customer)
            # A commit while reading could make what was read older than it should be.
            if seen == commits():
                self._records[key] = found
        return found

    def remember(self, key: RecordsKey, records: Records, *, read_at: int) -> None:
        """Records a caller read itself, when `commits()` was `read_at`, exactly as
        `records` would have read them; kept only if nothing was committed since."""
        self._forget_if_stale()
        if read_at == commits():
            self._records[key] = records

    def _forget_if_stale(self) -> None:
        if self._commits != commits():
            self._records.clear()
            self._commits = commits()


def request_facts(memo: RequestMemo) -> FactSource:
    """The request's FactSource, kept on its memo for as long as the request lasts."""
    if not isinstance(memo.facts, FactSource):
        memo.facts = FactSource()
    return memo.facts


def derive_facts(ops: Operations, state: FlowState, records: Records) -> Facts:
    now = ops.clock()
    customer, order, catalog = records.customer, records.order, records.catalog
    if customer is None:
        return Facts(ops.policy, now)
    if order is None or catalog is None:
        return Facts(ops.policy, now, customer)
    answers = state.answers(ReturnAnswers)
    held = records.held
    verdicts = check_order(
        order,
        customer=customer,
        catalog=catalog,
        policy=ops.policy,
        now=now,
        held_line_nos=held,
        seal_answers=answers.seal_opened,
    )
    eligibility = {verdict.line_no: verdict for verdict in verdicts}
    request = _request(order, answers)
    options = methods = difference = None
    offered: dict[int, tuple[Variant, ...]] = {}
    if request is not None:
        try:
            options = return_options(request, customer=customer, catalog=catalog, policy=ops.policy)
        except ReturnDeskError:
            options = None
        offered = offered_variants(request, catalog, ops.policy)
    resolution = _resolution(answers)
    if request is not None and options is not None and resolution is not None:
        methods = method_options(
            request, resolution=resolution, customer=customer, catalog=catalog, policy=ops.policy
        )
        if resolution is Resolution.EXCHANGE:
            difference = _difference(request, answers, offered)
    return Facts(
        ops.policy,
        now,
        customer,
        order,
        catalog,
        eligibility,
        request if options is not None else None,
        options,
        methods or (),
        difference,
        offered if options is not None else {},
    )


def _request(order: Order, answers: ReturnAnswers) -> ReturnRequest | None:
    """The request the answers describe, once every chosen line has a reason."""
    if not answers.line_nos or any(line not in answers.reasons for line in answers.line_nos):
        return None
    try:
        items = tuple(
            ReturnItem(line, ReasonCode(answers.reasons[line]), answers.notes.get(line))
            for line in answers.line_nos
        )
        return ReturnRequest(order, items)
    except (ValueError, ReturnDeskError):
        return None


def _resolution(answers: ReturnAnswers) -> Resolution | None:
    try:
        return None if answers.resolution is None else Resolution(answers.resolution)
    except ValueError:
        return None


def _difference(
    request: ReturnRequest, answers: ReturnAnswers, offered: Mapping[int, Sequence[Variant]]
) -> Decimal | None:
    if any(line not in answers.exchanges for line in answers.line_nos):
        return None
    try:
        chosen = choose_variants(request.lines, answers.exchanges, offered)
    except ReturnDeskError:
        return None
    return total_difference(request.lines, chosen)
