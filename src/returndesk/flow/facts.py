"""What the database says about a conversation's answers, loaded afresh every turn.

Guards and widgets read these; nothing here is kept between requests, so a
price or an eligibility verdict is never older than the request it serves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from returndesk.domain import (
    Catalog,
    Customer,
    LineEligibility,
    MethodOption,
    Order,
    Policy,
    ReasonCode,
    Resolution,
    ReturnItem,
    ReturnOptions,
    ReturnRequest,
    check_order,
    choose_variants,
    held_line_nos,
    method_options,
    return_options,
    total_difference,
)
from returndesk.errors import ReturnDeskError
from returndesk.flow.state import FlowState, ReturnAnswers
from returndesk.operations.context import Operations
from returndesk.store.repositories.catalog import load_catalog
from returndesk.store.repositories.customers import get_customer
from returndesk.store.repositories.orders import get_customer_order
from returndesk.store.repositories.returns import existing_returns


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


async def load_facts(ops: Operations, state: FlowState) -> Facts:
    now = ops.clock()
    if state.customer_id is None:
        return Facts(ops.policy, now)
    async with ops.sessions() as session:
        customer = await get_customer(session, state.customer_id)
        answers = state.returns
        if state.flow != "return" or answers.order_id is None:
            return Facts(ops.policy, now, customer)
        try:
            order = await get_customer_order(session, customer.id, answers.order_id)
        except ReturnDeskError:
            return Facts(ops.policy, now, customer)
        catalog = await load_catalog(session, {line.product_id for line in order.lines})
        held = held_line_nos(await existing_returns(session, [order.id]), order.id)
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
    if request is not None:
        try:
            options = return_options(request, customer=customer, catalog=catalog, policy=ops.policy)
        except ReturnDeskError:
            options = None
    resolution = _resolution(answers)
    if request is not None and options is not None and resolution is not None:
        methods = method_options(
            request, resolution=resolution, customer=customer, catalog=catalog, policy=ops.policy
        )
        if resolution is Resolution.EXCHANGE:
            difference = _difference(request, answers, catalog)
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


def _difference(request: ReturnRequest, answers: ReturnAnswers, catalog: Catalog) -> Decimal | None:
    if any(line not in answers.exchanges for line in answers.line_nos):
        return None
    try:
        chosen = choose_variants(request.lines, answers.exchanges, catalog)
    except ReturnDeskError:
        return None
    return total_difference(request.lines, chosen)
