"""What the brief tells the models at the variant step: the variants the open line may
become, so "a size 9" or "the grey one" can be read against them."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.llm.brief import BriefPart, StepBrief, line_ref
from returndesk.llm.offline.context import VariantOption
from returndesk.operations.context import Operations
from returndesk.store.port.storage import Repositories
from returndesk.usecases.item_change.answers import ChangeItemsAnswers
from returndesk.usecases.item_change.cues import VARIANT_STEP
from returndesk.usecases.item_change.queries import view_of


async def _open_line_variants(
    state: FlowState, facts: Facts, repositories: Repositories, ops: Operations
) -> StepBrief:
    answers = state.answers(ChangeItemsAnswers)
    if answers.order_id is None or facts.customer is None:
        return StepBrief()
    order = await repositories.orders.customer_order(facts.customer.id, answers.order_id)
    catalog = await ops.catalog.catalog(
        repositories.products, {line.product_id for line in order.lines}
    )
    view = view_of(answers, order, catalog, facts.customer)
    chosen = tuple(line_ref(order.id, n) for n in answers.line_nos)
    if view.open_line is None:
        return StepBrief(chosen_items=chosen)
    ref = line_ref(order.id, view.open_line.line_no)
    # In the card's order: what may be chosen, closest first, then what is sold out.
    variants = tuple(
        VariantOption(v.item_id, ref, dict(v.options), v.price, v.available)
        for v in view.shown(view.open_line)
    )
    return StepBrief(variants=variants, chosen_items=chosen)


BRIEFS: Mapping[str, BriefPart] = {VARIANT_STEP: _open_line_variants}
