"""Whole typed conversations, written from shoppers' goals, replayed against /chatkit.

Each conversation in conversation_holdout.yaml opens with the shopper's first
message(s); after that, whenever the assistant asks a question, the shopper
types the answer written for that kind of question. The replay stops when the
request is done, when the same question comes a third time without progress,
or after a bound on turns; then the database is compared with what the shopper
wanted. The app runs in this process with the offline model and is called
through its real HTTP route, as a browser would call it.

`python -m bench.conversation_holdout` prints each miss with the last question
asked and what was written.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import yaml
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from tests.support.sql_store import sql_session

from bench.measure import Results
from returndesk.flow.facts import FactSource
from returndesk.settings import Settings
from returndesk.store.seed_format import demo_data_dir
from returndesk.store.sql.db import create_engine, create_session_factory
from returndesk.store.sql.migrate import upgrade_async
from returndesk.store.sql.seed import seed_store
from returndesk.store.sql.tables import HandoffRow, OrderRow, PaymentMethodRow, ReturnRow
from returndesk.usecases.status.answers import StatusAnswers
from returndesk.web.app import create_app
from returndesk.web.state import AppState

# The first set, then a second written later, once the first had been used for tuning.
DATASETS = (
    Path(__file__).parent / "conversation_holdout.yaml",
    Path(__file__).parent / "conversation_holdout_2.yaml",
)
# The store is loaded as of this moment and the conversations run at it.
STORE_DAY = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
MAX_TURNS = 16
# The question a step asks, by the key the conversations answer it under.
QUESTION_OF_STEP = {
    "verify": "identity",
    "menu": "menu",
    "choose_items": "items",
    "reason": "reason",
    "reason_note": "note",
    "hygiene": "seal",
    "offer": "offer",
    "resolution": "resolution",
    "exchange_variant": "variant",
    "exchange_payment": "payment",
    "method": "method",
    "summary": "confirm",
    "choose_order": "order",
    "cancel_reason": "cancel_reason",
    "cancel_summary": "confirm",
    "choose_return": "return_number",
    "cancel_return_summary": "confirm",
    "status_pick": "status_target",
}
FINISHED_STEPS = frozenset(
    {"confirmation", "cancel_done", "cancel_return_done", "status_result", "handoff_done"}
)


@dataclass(frozen=True, slots=True)
class Holdout:
    id: str
    goal: str
    opening: list[str]
    answers: dict[str, str | list[str]]
    expect: dict[str, Any]


@dataclass(slots=True)
class Replay:
    holdout: Holdout
    questions: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def load_holdouts(path: Path = DATASETS[0]) -> list[Holdout]:
    data = yaml.safe_load(path.read_text())
    return [
        Holdout(
            id=entry["id"],
            goal=entry["goal"],
            opening=list(entry["opening"]),
            answers=dict(entry.get("answers") or {}),
            expect=dict(entry["expect"]),
        )
        for entry in data["conversations"]
    ]


def _input(text: str) -> dict[str, Any]:
    return {
        "content": [{"type": "input_text", "text": text}],
        "attachments": [],
        "inference_options": {},
    }


class _Shopper:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.thread_id = ""

    async def say(self, text: str) -> list[str]:
        if self.thread_id:
            body = {
                "type": "threads.add_user_message",
                "params": {"thread_id": self.thread_id, "input": _input(text)},
            }
        else:
            body = {"type": "threads.create", "params": {"input": _input(text)}}
        response = await self.http.post("/chatkit", content=json.dumps(body))
        if response.status_code != 200:
            raise AssertionError(f"{response.status_code}: {response.text[:200]}")
        events = [
            json.loads(block.removeprefix("data: "))
            for block in response.text.split("\n\n")
            if block.startswith("data: ")
        ]
        if not self.thread_id:
            self.thread_id = events[0]["thread"]["id"]
        return [
            part["text"]
            for event in events
            if event["type"] == "thread.item.done" and event["item"]["type"] == "assistant_message"
            for part in event["item"]["content"]
        ]


async def _current_step(app: FastAPI, thread_id: str) -> str:
    state: AppState = app.state.returndesk
    conversation = state.server.conversation
    flow_state, _ = await conversation.state_of(thread_id)
    facts = await FactSource().facts(conversation.ops, flow_state)
    return conversation.engine.current_step(flow_state, facts).id


async def replay(app: FastAPI, holdout: Holdout) -> Replay:
    """Play one conversation and compare the database with what the shopper wanted."""
    state: AppState = app.state.returndesk
    record = Replay(holdout)
    before = await _snapshot(state)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://holdout", timeout=60
    ) as http:
        shopper = _Shopper(http)
        for text in holdout.opening:
            record.said.extend(await shopper.say(text))
        asked: Counter[str] = Counter()
        for _ in range(MAX_TURNS):
            step = await _current_step(app, shopper.thread_id)
            record.questions.append(step)
            if step in FINISHED_STEPS:
                break
            question = QUESTION_OF_STEP.get(step, step)
            asked[step] += 1
            if asked[step] > 3:
                record.problems.append(f"asked {question!r} again and again")
                break
            answer = _answer(holdout, question, asked[step])
            if answer is None:
                record.problems.append(f"asked {question!r}, which the shopper had no answer for")
                break
            record.said.extend(await shopper.say(answer))
        else:
            record.problems.append(f"not finished after {MAX_TURNS} answers")
        record.problems.extend(await _compare(state, holdout, before, shopper.thread_id))
    if "nothing_written" in holdout.expect or "status_of" in holdout.expect:
        # Ending without a finished request is what these shoppers get; only the data counts.
        record.problems = [p for p in record.problems if not p.startswith(("asked", "not fin"))]
    return record


def _answer(holdout: Holdout, question: str, nth: int) -> str | None:
    answer = holdout.answers.get(question)
    if answer is None:
        return None
    if isinstance(answer, list):
        return str(answer[min(nth, len(answer)) - 1])
    return str(answer)


@dataclass(frozen=True, slots=True)
class _Snapshot:
    returns: frozenset[str]
    order_status: dict[str, str]
    handoffs: int
    payment_methods: frozenset[str]


async def _snapshot(state: AppState) -> _Snapshot:
    async with state.storage.reading() as repositories:
        session = sql_session(repositories)
        returns = (await session.scalars(select(ReturnRow.rma))).all()
        orders = (await session.execute(select(OrderRow.id, OrderRow.status))).all()
        handoffs = (await session.scalars(select(HandoffRow.id))).all()
        methods = (await session.scalars(select(PaymentMethodRow.id))).all()
    return _Snapshot(
        frozenset(returns),
        {row.id: row.status for row in orders},
        len(handoffs),
        frozenset(methods),
    )


async def _compare(
    state: AppState, holdout: Holdout, before: _Snapshot, thread_id: str
) -> list[str]:
    after = await _snapshot(state)
    expect = holdout.expect
    problems: list[str] = []
    new_rmas = after.returns - before.returns
    changed_orders = {
        order: status
        for order, status in after.order_status.items()
        if before.order_status.get(order) != status
    }
    async with state.storage.reading() as repositories:
        session = sql_session(repositories)
        created = (
            await session.scalars(
                select(ReturnRow)
                .where(ReturnRow.rma.in_(new_rmas))
                .options(selectinload(ReturnRow.lines))
            )
        ).all()
    wanted_return = expect.get("return")
    if wanted_return is None and created:
        problems.append(f"a return was written: {[_describe(row) for row in created]}")
    if wanted_return is not None:
        if len(created) != 1:
            problems.append(f"{len(created)} returns written, one wanted")
        else:
            problems.extend(_return_problems(created[0], wanted_return, before))
    wanted_cancel = expect.get("cancelled_order")
    if wanted_cancel is None and changed_orders:
        problems.append(f"orders changed: {changed_orders}")
    if wanted_cancel is not None:
        async with state.storage.reading() as repositories:
            session = sql_session(repositories)
            order = await session.get(OrderRow, wanted_cancel["order"])
        if order is None or order.status != "cancelled":
            problems.append(f"order {wanted_cancel['order']} not cancelled")
        elif (order.cancel_reason or "").replace("_", " ") != wanted_cancel["reason"]:
            problems.append(
                f"cancelled for {order.cancel_reason!r}, not {wanted_cancel['reason']!r}"
            )
    if expect.get("handoff") and after.handoffs == before.handoffs:
        problems.append("no hand-off recorded")
    if not expect.get("handoff") and after.handoffs != before.handoffs:
        problems.append("a hand-off was recorded")
    if "status_of" in expect:
        flow_state, _ = await state.server.conversation.state_of(thread_id)
        shown = flow_state.answers(StatusAnswers).order_id
        if shown != expect["status_of"]:
            problems.append(f"status shown for {shown!r}")
    return problems


def _describe(row: ReturnRow) -> str:
    items = [line.item_id for line in row.lines]
    return f"{row.rma} {row.order_id} {items} {row.resolution} {row.method}"


def _return_problems(row: ReturnRow, wanted: dict[str, Any], before: _Snapshot) -> list[str]:
    problems = []
    if row.order_id != wanted["order"]:
        problems.append(f"return of order {row.order_id}, not {wanted['order']}")
    items = sorted(line.item_id for line in row.lines)
    if items != sorted(wanted["items"]):
        problems.append(f"items {items}, not {sorted(wanted['items'])}")
    if row.resolution != wanted["resolution"]:
        problems.append(f"resolution {row.resolution}, not {wanted['resolution']}")
    if wanted.get("method", "any") != "any" and row.method != wanted.get("method"):
        problems.append(f"method {row.method}, not {wanted.get('method')}")
    exchanges = {line.item_id: line.exchange_item_id for line in row.lines if line.exchange_item_id}
    if exchanges != (wanted.get("exchange_to") or {}):
        problems.append(f"exchanged {exchanges}, not {wanted.get('exchange_to')}")
    credit_to = wanted.get("credit_to")
    if credit_to == "new_gift_card" and row.refund_payment_method_id in before.payment_methods:
        problems.append(f"credit to {row.refund_payment_method_id}, not a new gift card")
    elif credit_to not in (None, "new_gift_card") and row.refund_payment_method_id != credit_to:
        problems.append(f"credit to {row.refund_payment_method_id}, not {credit_to}")
    return problems


async def demo_store(workdir: Path) -> str:
    url = f"sqlite+aiosqlite:///{workdir / 'holdout.db'}"
    await upgrade_async(url)
    engine = create_engine(url)
    try:
        await seed_store(create_session_factory(engine), demo_data_dir(), now=STORE_DAY)
    finally:
        await engine.dispose()
    return url


def holdout_app(database_url: str) -> FastAPI:
    settings = Settings(
        _env_file=None,
        environment="test",
        database_url=database_url,
        secret_key="holdout-secret-key",
        # Every conversation verifies once from the same address.
        verification_max_failures_per_address=1000,
    )
    return create_app(settings, clock=lambda: STORE_DAY)


async def replay_all(workdir: Path, path: Path) -> list[Replay]:
    app = holdout_app(await demo_store(workdir))
    async with app.router.lifespan_context(app):
        return [await replay(app, holdout) for holdout in load_holdouts(path)]


async def run(results: Results, workdir: Path) -> None:
    """The share of each holdout's conversations that reached what the shopper wanted."""
    for index, path in enumerate(DATASETS):
        folder = workdir / f"holdout-{index}"
        folder.mkdir()
        replays = await replay_all(folder, path)
        passed = sum(record.passed for record in replays)
        results.add(
            "conversation holdout",
            f"{path.stem} ({len(replays)}) reached",
            100 * passed / len(replays),
            "%",
        )


async def main() -> None:
    for path in DATASETS:
        with tempfile.TemporaryDirectory(prefix="returndesk-holdout-") as workdir:
            replays = await replay_all(Path(workdir), path)
        for record in replays:
            if not record.passed:
                print(f"MISS {record.holdout.id}: {'; '.join(record.problems)}")
                print(f"     goal: {record.holdout.goal}")
                print(f"     questions: {' > '.join(record.questions)}")
                print(f"     last said: {record.said[-1][:200] if record.said else ''}")
        passed = sum(record.passed for record in replays)
        print(
            f"{path.name}: {passed}/{len(replays)} conversations reached what the shopper "
            f"wanted ({100 * passed / len(replays):.1f} %)\n"
        )


if __name__ == "__main__":
    asyncio.run(main())
