"""Throttling (429) is retried after the server's retry-after, within a bound, then
reported as the database being busy, with nothing written."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from returndesk.domain.staff import StaffRole
from returndesk.errors import ServiceBusy
from returndesk.store.cosmos.account import THROTTLE_RETRIES
from returndesk.store.port.storage import Storage
from returndesk.store.seed_format import demo_data_dir, read_seed_data
from tests.conftest import DEMO_NOW
from tests.support.cosmos_server import CosmosServer
from tests.support.stores import open_test_storage

pytestmark = pytest.mark.cosmos

THROTTLED = 100


@pytest.fixture
async def storage(demo_cosmos_url: str) -> AsyncIterator[Storage]:
    opened = open_test_storage(demo_cosmos_url)
    # The SDK reads the account and the containers once; the throttles are for the data.
    async with opened.reading() as repositories:
        await repositories.staff.every()
    yield opened
    await opened.close()


async def test_a_few_throttled_answers_are_waited_out(
    storage: Storage, cosmos: CosmosServer
) -> None:
    known = next(iter(read_seed_data(demo_data_dir()).users))
    cosmos.throttle(requests=3, retry_after_ms=5)

    async with storage.reading() as repositories:
        found = await repositories.customers.get(known)

    assert found.id == known
    assert cosmos.pending_throttles() == 0


async def test_throttling_past_the_retries_is_busy_and_writes_nothing(
    storage: Storage, cosmos: CosmosServer
) -> None:
    cosmos.throttle(requests=THROTTLED, retry_after_ms=1)

    with pytest.raises(ServiceBusy):
        async with storage.transaction() as repositories:
            await repositories.staff.add(
                email="busy@example.com",
                name="Ana",
                role=StaffRole.AGENT,
                password_hash="not checked here",
                at=DEMO_NOW,
            )

    answered = THROTTLED - cosmos.pending_throttles()
    cosmos.throttle(0, 0)
    # The first try and every retry allowed were answered 429; then it gave up.
    assert answered >= THROTTLE_RETRIES + 1
    async with storage.reading() as repositories:
        assert [member.email for member in await repositories.staff.every()] == []
