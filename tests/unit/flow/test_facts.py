"""Facts within one request: records read once, facts derived afresh for every state."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from returndesk.domain import Outcome
from returndesk.flow.facts import FactSource, Records, load_facts
from returndesk.flow.state import FlowState
from returndesk.operations.context import Operations
from returndesk.operations.returns import create_return
from returndesk.store.commits import commits
from returndesk.usecases.returns.answers import ReturnAnswers
from tests.support.demo import Pick, draft, find_line, ordinary
from tests.support.sql_log import is_select, sent_statements
from tests.support.sql_store import sql_sessions


@pytest.fixture
def statements(ops: Operations) -> Iterator[list[str]]:
    with sent_statements(sql_sessions(ops.storage), is_select) as seen:
        yield seen


def returning(pick: Pick, **answers: object) -> FlowState:
    state = FlowState(flow="return", customer_id=pick.customer.id)
    state.replace_answers(ReturnAnswers(order_id=pick.order.id, **answers))
    return state


async def test_a_request_reads_the_records_once_and_derives_each_state(
    ops: Operations, statements: list[str]
) -> None:
    pick = await find_line(ops, ordinary)
    source = FactSource()
    chosen = returning(pick, line_nos=[pick.line.line_no])
    reasoned = returning(
        pick, line_nos=[pick.line.line_no], reasons={pick.line.line_no: "DEFECTIVE"}
    )
    statements.clear()

    first = await source.facts(ops, chosen)
    reads = len(statements)
    second = await source.facts(ops, reasoned)

    assert len(statements) == reads
    assert first == await load_facts(ops, chosen)
    assert second == await load_facts(ops, reasoned)
    assert first.request is None
    assert second.request is not None


async def test_records_are_read_again_once_something_was_committed(ops: Operations) -> None:
    pick = await find_line(ops, ordinary)
    source = FactSource()
    state = returning(pick)
    before = await source.facts(ops, state)
    assert before.eligibility[pick.line.line_no].outcome is Outcome.ELIGIBLE

    await create_return(ops, draft(pick, "facts-test"))

    after = await source.facts(ops, state)
    assert after.eligibility[pick.line.line_no].outcome is not Outcome.ELIGIBLE
    assert after == await load_facts(ops, state)


async def test_records_a_caller_read_are_kept_only_if_nothing_was_committed_since(
    ops: Operations, statements: list[str]
) -> None:
    pick = await find_line(ops, ordinary)
    verified = FlowState(flow="menu", customer_id=pick.customer.id)
    key = (pick.customer.id, None)

    fresh = FactSource()
    fresh.remember(key, Records(pick.customer), read_at=commits())
    statements.clear()
    assert (await fresh.facts(ops, verified)).customer == pick.customer
    assert statements == []

    stale = FactSource()
    read_at = commits()
    await create_return(ops, draft(pick, "remember-test"))
    stale.remember(key, Records(pick.customer), read_at=read_at)
    statements.clear()
    assert (await stale.facts(ops, verified)).customer == pick.customer
    assert statements != []
