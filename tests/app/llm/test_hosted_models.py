"""The language layer against a hosted model: a local fake OpenAI-compatible or Azure server."""

from __future__ import annotations

import json

import pytest
from fastapi import FastAPI

from returndesk.operations.context import Operations
from returndesk.web.state import AppState
from tests.support.demo import find_line, ordinary
from tests.support.fake_openai import (
    Failure,
    FakeModelServer,
    Text,
    ToolCall,
)
from tests.support.shopper import Shopper


def usage(app: FastAPI) -> dict[str, int]:
    state: AppState = app.state.returndesk
    return state.usage.snapshot()


@pytest.mark.parametrize("hybrid", [False], ids=["every-turn-to-the-model"])
async def test_the_model_calls_a_tool_and_the_engine_carries_it_out(
    app: FastAPI,
    shopper: Shopper,
    fake: FakeModelServer,
    ops: Operations,
    provider: str,
    hybrid: bool,
) -> None:
    assert not hybrid
    pick = await find_line(ops, ordinary)
    fake.answer(
        ToolCall("verify", {"email": pick.customer.email}),
        Text("Thanks, you're verified! What can I do for you?"),
    )

    await shopper.say(f"hey there, it's me, {pick.customer.email}, can you help")

    assert shopper.texts == ["Thanks, you're verified! What can I do for you? "]
    assert "Return or exchange items" in shopper.labels()
    first, second = fake.requests
    if provider == "azure":
        assert first.path == "/openai/deployments/rd-chat/chat/completions"
        assert first.query["api-version"] == "2024-10-21"
        assert first.headers["api-key"] == "azure-key"
    else:
        assert first.path == "/v1/chat/completions"
        assert first.headers["authorization"] == "Bearer local-key"
        assert first.body["model"] == "served-model"
    assert first.body["stream"] is True
    system = first.body["messages"][0]
    assert system["role"] == "system"
    assert '"step":"verify"' in system["content"]
    tool_names = {tool["function"]["name"] for tool in first.body["tools"]}
    assert {"verify", "select_items", "confirm", "request_handoff"} <= tool_names
    tool_result = json.loads(second.body["messages"][-1]["content"])
    assert tool_result["done"] is True
    assert usage(app)["llm_calls"] == 2
    assert usage(app)["input_tokens"] == 240


async def test_a_confident_simple_answer_skips_the_hosted_model(
    app: FastAPI, shopper: Shopper, fake: FakeModelServer, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    await shopper.submit(shopper.form_with("email"), {"email": pick.customer.email})
    await shopper.click("Return or exchange items")
    await shopper.submit(shopper.form_with(pick.order.id), {f"qty:{pick.line.item_id}": True})

    await shopper.say("it stopped working")
    await shopper.say("full refund")

    assert fake.requests == []
    assert "How would you like to send it back?" in shopper.said
    assert usage(app)["offline_turns"] == 2
    assert usage(app)["llm_calls"] == 0


async def test_a_provider_failure_apologises_and_loses_nothing(
    app: FastAPI, shopper: Shopper, fake: FakeModelServer, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    await shopper.submit(shopper.form_with("email"), {"email": pick.customer.email})
    menu_id = shopper.widget_id
    fake.answer(Failure(500), Failure(500))

    await shopper.say("hmm, what are my options here exactly, could you explain?")

    [error] = [e for e in shopper.events if e["type"] == "error"]
    assert error["allow_retry"] is True
    assert "Please try again" in error["message"]
    assert usage(app)["provider_errors"] == 1
    # The state is as it was: the menu still answers a click.
    shopper.widget_id = menu_id
    await shopper.click("Return or exchange items")
    assert "Which items would you like to return?" in str(shopper.widget)
    # And the next typed message reaches the model again.
    fake.answer(Text("Sure, pick the items on the card."))
    await shopper.say("ok so what now, which one should I choose?")
    assert shopper.texts == ["Sure, pick the items on the card. "]
