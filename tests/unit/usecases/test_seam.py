"""What registering use cases derives, and what it refuses at start-up."""

from __future__ import annotations

import pytest

from returndesk.errors import ConfigurationError
from returndesk.llm.offline import Context
from returndesk.usecases.seam import BUILT_IN, UseCases, load_use_cases

CALLBACK = "tests.fixtures.usecases.callback.usecase"


@pytest.fixture(scope="module")
def with_callback() -> UseCases:
    return UseCases(load_use_cases([*BUILT_IN, CALLBACK]))


def test_every_event_is_a_tool_of_the_same_name_described_by_its_docstring(
    with_callback: UseCases,
) -> None:
    tools = {tool.name: tool for tool in with_callback.tools()}

    assert set(with_callback.events.types) | {"policy_question"} == set(tools)
    callback = tools["request_callback"]
    assert callback.description.startswith("Ask for a person to phone the shopper back")
    time = callback.params_json_schema["properties"]["time"]
    assert time["description"] == "The part of the day the shopper wants the call."
    schema = callback.params_json_schema
    assert time["anyOf"][0] == {"$ref": "#/$defs/CallbackTime"}
    assert schema["$defs"]["CallbackTime"]["enum"] == ["morning", "afternoon", "evening"]


def test_a_tool_takes_the_domain_enum_where_its_event_takes_one_of_its_values(
    with_callback: UseCases,
) -> None:
    tools = {tool.name: tool for tool in with_callback.tools()}

    method = tools["choose_method"].params_json_schema["properties"]["method"]
    assert method["enum"] == ["PREPAID_LABEL", "QR_DROP_OFF", "SCHEDULE_PICKUP", "STORE_DROP_OFF"]
    items = tools["select_items"].params_json_schema["properties"]
    # Items are named by the brief's refs; the order is the refs' own, and quantities are
    # only ever typed into a form.
    assert set(items) == {"item_refs", "add"}


def test_its_cues_give_the_offline_model_its_intent(with_callback: UseCases) -> None:
    reader = with_callback.reader()

    asked = reader.understand("I'd like a callback in the afternoon", Context(step="menu"))
    answered = reader.understand("evening please", Context(step="callback_time"))

    assert (asked.intent, dict(asked.slots)) == ("request_callback", {"time": "afternoon"})
    assert (answered.intent, dict(answered.slots)) == ("choose_callback_time", {"time": "evening"})


def test_its_flow_is_on_the_menu_after_the_built_in_ones(with_callback: UseCases) -> None:
    events = [event for event, _ in with_callback.definition.menu()]
    built_in = [event for event, _ in UseCases(load_use_cases()).definition.menu()]

    assert events == [*built_in, "request_callback"]
    assert built_in[0] == "start_return"


def test_without_it_nothing_of_it_is_known() -> None:
    built_in = UseCases(load_use_cases())

    assert "request_callback" not in built_in.events.types
    assert "callback" not in built_in.definition.flows


@pytest.mark.parametrize(
    ("module", "message"),
    [
        ("tests.fixtures.usecases.no_such_module", "cannot be imported"),
        ("tests.fixtures.usecases.callback.events", "has no USE_CASE"),
    ],
)
def test_a_module_that_is_not_a_use_case_stops_start_up_with_its_name(
    module: str, message: str
) -> None:
    with pytest.raises(ConfigurationError, match=f"{module}.*{message}"):
        load_use_cases([module])


def test_a_use_case_registered_twice_is_refused() -> None:
    with pytest.raises(ConfigurationError, match=r"defined twice|declared twice"):
        UseCases(load_use_cases([*BUILT_IN, CALLBACK, CALLBACK]))
