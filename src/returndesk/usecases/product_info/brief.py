"""At its own steps a product question reads the catalogue, as outside any request."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState
from returndesk.llm.brief import StepBrief
from returndesk.operations.context import Operations


async def with_catalogue(
    state: FlowState, facts: Facts, session: AsyncSession, ops: Operations
) -> StepBrief:
    return StepBrief(catalogue=True)
