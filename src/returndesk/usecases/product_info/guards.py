"""The condition the product flow branches on."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.flow.facts import Facts
from returndesk.flow.guards import Guard
from returndesk.flow.state import FlowState
from returndesk.usecases.product_info.answers import ProductAnswers


def product_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(ProductAnswers).product_id is not None


GUARDS: Mapping[str, Guard] = {"product_chosen": product_chosen}
