"""The conversation engine on a toy definition: which step is current, what an event may
do, requests kept until the shopper is verified, going back, Confirm, and the definition
checked at start-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, cast

import pytest
from pydantic import ConfigDict

from returndesk.domain import load_policy
from returndesk.errors import ConfigurationError
from returndesk.flow.actions import EventCatalog
from returndesk.flow.definition import load_definition
from returndesk.flow.engine import KEPT_FOR_LATER, VERIFY_FIRST, Dispatched, FlowEngine
from returndesk.flow.events import (
    FRAME_EVENTS,
    Confirm,
    FlowEvent,
    GoBack,
    Progress,
    QueueRequests,
    StartOver,
    Verify,
)
from returndesk.flow.facts import Facts, FactSource
from returndesk.flow.guards import Guard
from returndesk.flow.navigation import ALREADY_DONE, NOTHING_TO_CONFIRM
from returndesk.flow.state import Answers, FlowState
from returndesk.flow.turn import Caller, EventRejected, Handler, Turn
from returndesk.operations.context import Operations

FRAME = """
start: verify
after_verification: menu
anytime: [go_back, start_over]
flows:
  verify:
    steps:
      - {id: verify, widget: card, hint: "Who are you?", done: verified, accepts: [verify]}
  menu:
    steps:
      - {id: menu, widget: card, hint: "What can I do?", done: never}
"""
LOOKUP = """
flows:
  lookup:
    title: Look-up
    starts: [ask]
    before_verification: keep
    confirmation: sure
    finished: shown
    steps:
      - id: pick
        widget: card
        hint: Which order?
        done: chosen
        clears: [order_id]
        accepts: [pick]
      - {id: sure, widget: card, hint: "Sure?", done: confirmed, accepts: [confirm]}
      - {id: shown, widget: card, hint: "Anything else?", done: never}
"""
KNOWN_ORDER = "#W1000001"
PROGRESS = Progress("Looking", "Looked", "search")


@dataclass(frozen=True, slots=True)
class Ask:
    name: ClassVar[str] = "ask"
    progress: ClassVar[Progress] = PROGRESS
    order_id: str | None = None


@dataclass(frozen=True, slots=True)
class Pick:
    name: ClassVar[str] = "pick"
    progress: ClassVar[Progress] = PROGRESS
    order_id: str


class LookupAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "lookup"
    order_id: str | None = None
    confirmed: bool = False


async def verify(state: FlowState, event: Verify, turn: Turn) -> str | None:
    if event.email != "ada@example.com":
        return "I couldn't verify those details."
    state.customer_id = "ada"
    return "Thanks, Ada."


async def ask(state: FlowState, event: Ask, turn: Turn) -> str | None:
    if event.order_id not in (None, KNOWN_ORDER):
        raise EventRejected(f"I can't find order {event.order_id} on your account.")
    state.answers(LookupAnswers).order_id = event.order_id
    return None


async def pick(state: FlowState, event: Pick, turn: Turn) -> str | None:
    state.answers(LookupAnswers).order_id = event.order_id
    return None


async def confirm_lookup(state: FlowState, turn: Turn) -> str | None:
    state.answers(LookupAnswers).confirmed = True
    return "Done."


HANDLERS: dict[str, Handler] = {"verify": verify, "ask": ask, "pick": pick}
GUARDS: dict[str, Guard] = {
    "verified": lambda state, facts: state.customer_id is not None,
    "never": lambda state, facts: False,
    "chosen": lambda state, facts: state.answers(LookupAnswers).order_id is not None,
    "confirmed": lambda state, facts: state.answers(LookupAnswers).confirmed,
}
FACTS = Facts(load_policy(), datetime(2026, 3, 10, tzinfo=UTC))


class Unread(FactSource):
    """The toy flow's guards need no records: nothing is read from a database."""

    async def facts(self, ops: Operations, state: FlowState) -> Facts:
        return FACTS


def toy(lookup: str = LOOKUP, frame: str = FRAME, **overrides: Any) -> FlowEngine:
    return FlowEngine(
        load_definition(frame, [("lookup.yaml", lookup)]),
        events=EventCatalog([*FRAME_EVENTS, Ask, Pick]),
        guards=overrides.get("guards", GUARDS),
        handlers=overrides.get("handlers", HANDLERS),
        widgets=overrides.get("widgets", {"card"}),
        answers={"lookup": LookupAnswers},
        confirmations={"lookup": confirm_lookup},
    )


async def send(engine: FlowEngine, state: FlowState, event: FlowEvent) -> Dispatched:
    return await engine.dispatch(
        state,
        event,
        ops=cast(Operations, None),
        thread_id="thr_toy",
        caller=Caller("visitor:1"),
        source=Unread(),
    )


async def verified(engine: FlowEngine) -> FlowState:
    return (await send(engine, engine.initial_state(), Verify(email="ada@example.com"))).state


@pytest.mark.parametrize(
    ("kind", "overrides", "name"),
    [
        ("guard", {"guards": {k: v for k, v in GUARDS.items() if k != "chosen"}}, "chosen"),
        ("event", {"handlers": {k: v for k, v in HANDLERS.items() if k != "pick"}}, "pick"),
        ("widget", {"widgets": {"other"}}, "card"),
    ],
)
def test_a_definition_naming_what_the_code_lacks_is_refused_with_the_name(
    kind: str, overrides: dict[str, Any], name: str
) -> None:
    with pytest.raises(ConfigurationError, match=f"unknown {kind} '{name}'"):
        toy(**overrides)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("clears: [order_id]", "clears: [order_number]"), "unknown answer 'order_number'"),
        (("confirmation: sure", "confirmation: unsure"), "unknown step 'unsure'"),
        (("starts: [ask]", "starts: [tell]"), "unknown event 'tell'"),
    ],
)
def test_a_use_case_flow_naming_what_it_lacks_is_refused_with_the_name(
    change: tuple[str, str], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        toy(LOOKUP.replace(*change))


def test_a_flow_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="flow 'lobby' is not defined"):
        toy(frame=FRAME.replace("after_verification: menu", "after_verification: lobby"))


def test_two_use_cases_defining_one_flow_are_refused() -> None:
    with pytest.raises(ConfigurationError, match="flow 'lookup' is defined twice"):
        load_definition(FRAME, [("a.yaml", LOOKUP), ("b.yaml", LOOKUP)])


async def test_the_current_step_is_the_first_not_done_and_an_event_moves_it() -> None:
    engine = toy()
    state = engine.initial_state()
    assert engine.current_step(state, FACTS).id == "verify"
    done = await send(engine, state, Verify(email="ada@example.com"))
    assert (done.step.id, done.remark) == ("menu", "Thanks, Ada.")
    assert done.state.token != state.token
    assert not engine.finished(done.state, FACTS)
    done = await send(engine, done.state, Ask())
    assert (done.state.flow, done.step.id) == ("lookup", "pick")
    assert engine.title(done.state) == "Look-up"
    done = await send(engine, done.state, Pick(order_id=KNOWN_ORDER))
    assert done.step.id == "sure"
    assert engine.confirming(done.state, FACTS)
    done = await send(engine, done.state, Confirm())
    assert (done.step.id, done.remark) == ("shown", "Done.")
    assert done.state.trail == ["pick", "sure"]
    assert engine.finished(done.state, FACTS)
    assert engine.wrapped_up(done.state, FACTS)


async def test_a_starting_event_enters_its_flow_afresh() -> None:
    engine = toy()
    state = (await send(engine, await verified(engine), Ask(order_id=KNOWN_ORDER))).state
    assert state.answers(LookupAnswers).order_id == KNOWN_ORDER
    again = (await send(engine, state, Ask())).state
    assert again.answers(LookupAnswers).order_id is None
    assert again.trail == []


async def test_going_back_forgets_what_the_step_clears_and_asks_it_again() -> None:
    engine = toy()
    state = (await send(engine, await verified(engine), Ask())).state
    state = (await send(engine, state, Pick(order_id=KNOWN_ORDER))).state
    back = await send(engine, state, GoBack())
    assert back.step.id == "pick"
    assert back.state.answers(LookupAnswers).order_id is None
    menu = await send(engine, back.state, GoBack())
    assert (menu.state.flow, menu.step.id) == ("menu", "menu")


async def test_going_back_from_a_finished_request_is_refused() -> None:
    engine = toy()
    state = (await send(engine, await verified(engine), Ask(order_id=KNOWN_ORDER))).state
    state = (await send(engine, state, Confirm())).state
    with pytest.raises(EventRejected, match=ALREADY_DONE):
        await send(engine, state, GoBack())


async def test_confirm_outside_a_flow_with_a_confirmation_is_refused() -> None:
    confirming_menu = FRAME.replace("done: never}", "done: never, accepts: [confirm]}")
    engine = toy(frame=confirming_menu)
    with pytest.raises(EventRejected, match=NOTHING_TO_CONFIRM):
        await send(engine, await verified(engine), Confirm())


async def test_an_event_the_step_does_not_take_is_refused_and_changes_nothing() -> None:
    engine = toy()
    state = await verified(engine)
    before = state.model_copy(deep=True)
    with pytest.raises(EventRejected, match="What can I do"):
        await send(engine, state, Pick(order_id=KNOWN_ORDER))
    assert state == before


async def test_before_verification_other_events_ask_who_the_shopper_is() -> None:
    engine = toy()
    with pytest.raises(EventRejected) as refused:
        await send(engine, engine.initial_state(), Pick(order_id=KNOWN_ORDER))
    assert refused.value.message == VERIFY_FIRST


async def test_a_request_before_verification_is_kept_then_carried_out() -> None:
    engine = toy()
    kept = await send(engine, engine.initial_state(), Ask(order_id=KNOWN_ORDER))
    assert kept.remark == KEPT_FOR_LATER
    assert kept.step.id == "verify"
    assert kept.state.pending is not None
    failed = await send(engine, kept.state, Verify(email="nobody@example.com"))
    assert failed.step.id == "verify"
    assert failed.state.pending == kept.state.pending
    done = await send(engine, failed.state, Verify(email="ada@example.com"))
    assert done.step.id == "sure"
    assert done.state.answers(LookupAnswers).order_id == KNOWN_ORDER
    assert done.state.pending is None
    assert done.remark == "Thanks, Ada."


async def test_a_request_that_refuses_before_verification_asks_who_the_shopper_is() -> None:
    engine = toy(LOOKUP.replace("before_verification: keep", "before_verification: refuse"))
    with pytest.raises(EventRejected) as refused:
        await send(engine, engine.initial_state(), Ask(order_id=KNOWN_ORDER))
    assert refused.value.message == VERIFY_FIRST


async def test_a_request_answered_before_verification_runs_where_the_shopper_is() -> None:
    engine = toy(LOOKUP.replace("before_verification: keep", "before_verification: answer"))
    done = await send(engine, engine.initial_state(), Ask(order_id=KNOWN_ORDER))
    assert (done.state.flow, done.step.id) == ("verify", "verify")
    assert done.state.pending is None


async def test_a_kept_request_refused_once_verified_says_why_and_leaves_the_menu() -> None:
    engine = toy()
    kept = await send(engine, engine.initial_state(), Ask(order_id="#W9999999"))
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


@dataclass(frozen=True, slots=True)
class Need:
    """Starts a request that cannot begin without its detail."""

    name: ClassVar[str] = "need"
    progress: ClassVar[Progress] = PROGRESS
    order_id: str


async def need(state: FlowState, event: Need, turn: Turn) -> str | None:
    return None


QUEUEING_FRAME = FRAME.replace(
    "anytime: [go_back, start_over]", "anytime: [go_back, start_over, queue_requests]"
)
CALLED_LOOKUP = LOOKUP.replace("title: Look-up", "title: Look-up\n    called: the look-up")
NEEDY = """
flows:
  needy:
    called: the detailed request
    starts: [need]
    steps:
      - {id: needy_done, widget: card, hint: "Anything else?", done: never}
"""


def queueing() -> FlowEngine:
    return FlowEngine(
        load_definition(
            QUEUEING_FRAME,
            [("lookup.yaml", CALLED_LOOKUP), ("needy.yaml", NEEDY)],
        ),
        events=EventCatalog([*FRAME_EVENTS, Ask, Pick, Need]),
        guards=GUARDS,
        handlers={**HANDLERS, "need": need},
        widgets={"card"},
        answers={"lookup": LookupAnswers},
        confirmations={"lookup": confirm_lookup},
    )  # fmt: skip


async def test_a_request_asked_with_another_starts_once_that_one_is_over() -> None:
    engine = queueing()
    state = (await send(engine, await verified(engine), Ask(order_id=KNOWN_ORDER))).state

    queued = await send(engine, state, QueueRequests(requests=("ask",)))
    assert queued.remark == "First the look-up, then the look-up."
    assert queued.step.id == "sure"
    done = await send(engine, queued.state, Confirm())

    assert done.remark == "Done. Now the look-up."
    assert (done.state.flow, done.step.id) == ("lookup", "pick")
    assert done.state.answers(LookupAnswers).order_id is None
    assert done.state.queued == []


async def test_only_requests_can_be_queued_and_starting_over_drops_them() -> None:
    engine = queueing()
    state = (await send(engine, await verified(engine), Ask(order_id=KNOWN_ORDER))).state

    with pytest.raises(EventRejected):
        await send(engine, state, QueueRequests(requests=("pick",)))
    queued = (await send(engine, state, QueueRequests(requests=("ask",)))).state
    over = await send(engine, queued, StartOver())
    assert over.state.queued == []


async def test_a_queued_request_that_needs_its_details_is_left_to_the_shopper() -> None:
    engine = queueing()
    state = (await send(engine, await verified(engine), Ask(order_id=KNOWN_ORDER))).state
    state = (await send(engine, state, QueueRequests(requests=("need",)))).state

    done = await send(engine, state, Confirm())

    assert done.remark == "Done. When you're ready, tell me about the detailed request."
    assert done.state.flow == "lookup"
