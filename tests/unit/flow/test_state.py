"""A thread's state: answers kept per flow, and states stored before that read as before."""

from __future__ import annotations

from returndesk.flow.state import FlowState
from returndesk.usecases.cancellations.answers import CancelOrderAnswers
from returndesk.usecases.returns.answers import ReturnAnswers
from returndesk.usecases.status.answers import StatusAnswers


def test_a_state_stored_with_one_field_per_flow_reads_into_answers_by_flow() -> None:
    stored = {
        "flow": "return",
        "customer_id": "sofia_hernandez_5364",
        "token": "t0k3n",
        "returns": {"order_id": "#W9609649", "line_nos": [2], "reasons": {"2": "SIZE_TOO_SMALL"}},
        "cancel_order": {"order_id": None, "reason": None, "done": False},
        "cancel_return": {"rma": None, "done": False},
        "status": {"order_id": None, "rma": None},
        "handoff": {"summary": None, "recorded": False},
        "trail": ["choose_items"],
    }

    state = FlowState.model_validate(stored)

    answers = state.answers(ReturnAnswers)
    assert (answers.order_id, answers.line_nos, answers.reasons) == (
        "#W9609649",
        [2],
        {2: "SIZE_TOO_SMALL"},
    )
    assert state.answers(StatusAnswers) == StatusAnswers()
    assert state.trail == ["choose_items"]
    again = FlowState.model_validate(state.model_dump(mode="json"))
    assert again.model_dump(mode="json") == state.model_dump(mode="json")


def test_answers_survive_the_json_round_trip_in_their_own_model() -> None:
    state = FlowState(flow="cancel_order")
    state.answers(CancelOrderAnswers).order_id = "#W2611340"

    again = FlowState.model_validate_json(state.model_dump_json())

    assert again.answers(CancelOrderAnswers).order_id == "#W2611340"
    assert isinstance(again.answers(CancelOrderAnswers), CancelOrderAnswers)


def test_entering_a_flow_forgets_every_answer_and_the_way_back() -> None:
    state = FlowState(flow="return", trail=["choose_items"])
    state.answers(ReturnAnswers).line_nos = [1]

    state.enter("status")

    assert (state.flow, state.trail) == ("status", [])
    assert state.answers(ReturnAnswers) == ReturnAnswers()
