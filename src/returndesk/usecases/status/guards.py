"""The condition the status flow branches on."""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.flow.facts import Facts
from returndesk.flow.guards import Guard
from returndesk.flow.state import FlowState
from returndesk.usecases.status.answers import StatusAnswers


def status_target_chosen(state: FlowState, facts: Facts) -> bool:
    answers = state.answers(StatusAnswers)
    return answers.order_id is not None or answers.rma is not None


GUARDS: Mapping[str, Guard] = {"status_target_chosen": status_target_chosen}
