"""The guards the frame's flows branch on, and what a guard is.

A use case declares its own guards beside its flow. Each answer counts only
while it is still valid against today's facts: a resolution the policy no
longer allows, or a method that no longer fits the chosen resolution, simply
makes its step current again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from returndesk.flow.facts import Facts
from returndesk.flow.state import FlowState

Guard = Callable[[FlowState, Facts], bool]


def verified(state: FlowState, facts: Facts) -> bool:
    return state.customer_id is not None


def never(state: FlowState, facts: Facts) -> bool:
    return False


FRAME_GUARDS: Mapping[str, Guard] = {guard.__name__: guard for guard in (verified, never)}
