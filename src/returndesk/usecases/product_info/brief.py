"""At its repositories steps a product question reads the catalogue, as outside any request."""

from __future__ import annotations

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.llm.brief import StepBrief
from returndesk.operations.context import Operations
from returndesk.store.port.storage import Repositories


async def with_catalogue(
    state: FlowState, facts: Facts, repositories: Repositories, ops: Operations
) -> StepBrief:
    return StepBrief(catalogue=True)
