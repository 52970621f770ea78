"""The conversation engine on a toy definition: which step is current, what an event may
do, requests kept until the shopper is verified, and the definition checked at start-up."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

import pytest
import yaml

from returndesk.domain import load_policy
from returndesk.errors import ConfigurationError
from returndesk.flow.definition import DefinitionSpec, FlowDefinition
from returndesk.flow.engine import (
    KEPT_FOR_LATER,
    VERIFY_FIRST,
    Caller,
    EventRejected,
    FlowEngine,
    Handler,
    Turn,
)
from returndesk.flow.events import AskStatus, FlowEvent, SelectStatusTarget, Verify
from returndesk.flow.facts import Facts, FactSource
from returndesk.flow.guards import Guard
from returndesk.flow.state import FlowState
from returndesk.operations.context import Operations

TOY = """
start: verify
after_verification: menu
anytime: [ask_status]
until_verified: [ask_status]
flows:
  verify:
    steps:
      - {id: verify, widget: card, hint: "Who are you?", done: verified, accepts: [verify]}
  menu:
    steps:
      - {id: menu, widget: card, hint: "What can I do?", done: never}
  status:
    steps:
      - id: pick
        widget: card
        hint: Which order?
        done: chosen
        accepts: [select_status_target]
      - {id: shown, widget: card, hint: "Anything else?", done: never}
"""
KNOWN_ORDER = "#W1000001"


async def verify(state: FlowState, event: Verify, turn: Turn) -> str | None:
    if event.email != "ada@example.com":
        return "I couldn't verify those details."
    state.customer_id = "ada"
    state.flow = "menu"
    return "Thanks, Ada."


async def ask_status(state: FlowState, event: AskStatus, turn: Turn) -> str | None:
    if event.order_id not in (None, KNOWN_ORDER):
        raise EventRejected(f"I can't find order {event.order_id} on your account.")
    state.flow = "status"
    state.status.order_id = event.order_id
    return None


async def select_status_target(
    state: FlowState, event: SelectStatusTarget, turn: Turn
) -> str | None:
    state.status.order_id = event.order_id
    return None


HANDLERS: dict[str, Handler] = {
    "verify": verify,
    "ask_status": ask_status,
    "select_status_target": select_status_target,
}
GUARDS: dict[str, Guard] = {
    "verified": lambda state, facts: state.customer_id is not None,
    "never": lambda state, facts: False,
    "chosen": lambda state, facts: state.status.order_id is not None,
}
FACTS = Facts(load_policy(), datetime(2026, 3, 10, tzinfo=UTC))


class Unread(FactSource):
    """The toy flow's guards need no records: nothing is read from a database."""

    async def facts(self, ops: Operations, state: FlowState) -> Facts:
        return FACTS


def toy(text: str = TOY, **overrides: Any) -> FlowEngine:
    definition = FlowDefinition(DefinitionSpec.model_validate(yaml.safe_load(text)))
    return FlowEngine(
        definition,
        guards=overrides.get("guards", GUARDS),
        handlers=overrides.get("handlers", HANDLERS),
        widgets=overrides.get("widgets", {"card"}),
    )


async def send(engine: FlowEngine, state: FlowState, event: FlowEvent) -> Any:
    return await engine.dispatch(
        state,
        event,
        ops=cast(Operations, None),
        thread_id="thr_toy",
        caller=Caller("visitor:1"),
        source=Unread(),
    )


@pytest.mark.parametrize(
    ("kind", "overrides", "name"),
    [
        ("guard", {"guards": {k: v for k, v in GUARDS.items() if k != "chosen"}}, "chosen"),
        (
            "event",
            {"handlers": {k: v for k, v in HANDLERS.items() if k != "select_status_target"}},
            "select_status_target",
        ),
        ("widget", {"widgets": {"other"}}, "card"),
    ],
)
def test_a_definition_naming_what_the_code_lacks_is_refused_with_the_name(
    kind: str, overrides: dict[str, Any], name: str
) -> None:
    with pytest.raises(ConfigurationError, match=f"unknown {kind} '{name}'"):
        toy(**overrides)


def test_a_flow_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="flow 'lobby' is not defined"):
        toy(TOY.replace("after_verification: menu", "after_verification: lobby"))


async def test_the_current_step_is_the_first_not_done_and_an_event_moves_it() -> None:
    engine = toy()
    state = engine.initial_state()
    assert engine.current_step(state, FACTS).id == "verify"
    done = await send(engine, state, Verify(email="ada@example.com"))
    assert (done.step.id, done.remark) == ("menu", "Thanks, Ada.")
    assert done.state.token != state.token
    assert not engine.finished(done.state, FACTS)
    done = await send(engine, done.state, AskStatus())
    assert done.step.id == "pick"
    done = await send(engine, done.state, SelectStatusTarget(order_id=KNOWN_ORDER))
    assert done.step.id == "shown"
    assert done.state.trail == ["pick"]
    assert engine.finished(done.state, FACTS)


async def test_an_event_the_step_does_not_take_is_refused_and_changes_nothing() -> None:
    engine = toy()
    state = (await send(engine, engine.initial_state(), Verify(email="ada@example.com"))).state
    before = state.model_copy(deep=True)
    with pytest.raises(EventRejected, match="What can I do"):
        await send(engine, state, SelectStatusTarget(order_id=KNOWN_ORDER))
    assert state == before


async def test_before_verification_other_events_ask_who_the_shopper_is() -> None:
    engine = toy()
    with pytest.raises(EventRejected) as refused:
        await send(engine, engine.initial_state(), SelectStatusTarget(order_id=KNOWN_ORDER))
    assert refused.value.message == VERIFY_FIRST


async def test_a_request_before_verification_is_kept_then_carried_out() -> None:
    engine = toy()
    kept = await send(engine, engine.initial_state(), AskStatus(order_id=KNOWN_ORDER))
    assert kept.remark == KEPT_FOR_LATER
    assert kept.step.id == "verify"
    assert kept.state.pending is not None
    failed = await send(engine, kept.state, Verify(email="nobody@example.com"))
    assert failed.step.id == "verify"
    assert failed.state.pending == kept.state.pending
    done = await send(engine, failed.state, Verify(email="ada@example.com"))
    assert done.step.id == "shown"
    assert done.state.status.order_id == KNOWN_ORDER
    assert done.state.pending is None
    assert done.remark == "Thanks, Ada."


async def test_a_kept_request_refused_once_verified_says_why_and_leaves_the_menu() -> None:
    engine = toy()
    kept = await send(engine, engine.initial_state(), AskStatus(order_id="#W9999999"))
    done = await send(engine, kept.state, Verify(email="ada@example.com"))
    assert done.step.id == "menu"
    assert done.remark == "Thanks, Ada. I can't find order #W9999999 on your account."
    assert done.state.pending is None


async def test_any_event_applied_resets_the_count_of_answers_that_changed_nothing() -> None:
    engine = toy()
    state = engine.initial_state()
    state.unanswered = 3
    done = await send(engine, state, Verify(email="ada@example.com"))
    assert done.state.unanswered == 0
