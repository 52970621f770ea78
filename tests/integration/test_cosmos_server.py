"""The Cosmos DB test server answers as Cosmos does where the project relies on it.

Through the real SDK (azure.cosmos.aio): a missing item is NotFound, a transactional
batch is all or nothing, a query given a partition key sees that partition only, a
query without one is logged as a fan-out, and throttling reaches the SDK's retries.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from azure.cosmos import PartitionKey
from azure.cosmos.aio import ContainerProxy
from azure.cosmos.exceptions import (
    CosmosBatchOperationError,
    CosmosHttpResponseError,
    CosmosResourceNotFoundError,
)

from tests.support.cosmos_server import CosmosServer, FanOut, cosmos_server

# The tests share one server, so they run on one worker.
pytestmark = pytest.mark.xdist_group("cosmos_server")

# Throttled answers after which the SDK gives up by default: one try and nine retries.
SDK_THROTTLE_ATTEMPTS = 10


@pytest.fixture(scope="session")
def cosmos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CosmosServer]:
    with cosmos_server(tmp_path_factory.mktemp("cosmos")) as server:
        yield server


@pytest.fixture
async def container(cosmos: CosmosServer) -> AsyncIterator[ContainerProxy]:
    """A container of its own, partitioned by /pk, and no throttle left by another test."""
    cosmos.throttle(0, 0)
    async with cosmos.client() as client:
        database = await client.create_database_if_not_exists("harness")
        yield await database.create_container(
            id=f"c-{uuid.uuid4().hex}", partition_key=PartitionKey(path="/pk")
        )
    cosmos.throttle(0, 0)


async def ids_in(container: ContainerProxy, partition: str) -> set[str]:
    query = container.query_items("SELECT c.id FROM c", partition_key=partition)
    return {row["id"] async for row in query}


def statuses(results: list[dict[str, Any]]) -> list[int]:
    return [result["statusCode"] for result in results]


async def test_reading_a_missing_item_raises_not_found(container: ContainerProxy) -> None:
    await container.create_item({"id": "there", "pk": "a"})

    with pytest.raises(CosmosResourceNotFoundError):
        await container.read_item("missing", partition_key="a")
    with pytest.raises(CosmosResourceNotFoundError):
        await container.read_item("there", partition_key="b")


async def test_every_write_gives_the_item_a_new_etag(container: ContainerProxy) -> None:
    created = await container.create_item({"id": "x", "pk": "a", "n": 1})
    replaced = await container.replace_item("x", {"id": "x", "pk": "a", "n": 2})
    upserted = await container.upsert_item({"id": "x", "pk": "a", "n": 3})
    patched = await container.patch_item(
        "x", partition_key="a", patch_operations=[{"op": "incr", "path": "/n", "value": 1}]
    )

    etags = [item["_etag"] for item in (created, replaced, upserted, patched)]
    assert len(set(etags)) == 4
    assert all(isinstance(item["_ts"], int) for item in (created, replaced, upserted, patched))
    assert (await container.read_item("x", partition_key="a"))["_etag"] == etags[-1]


async def test_a_batch_whose_third_operation_fails_applies_nothing(
    container: ContainerProxy,
) -> None:
    taken = await container.create_item({"id": "taken", "pk": "a", "n": 1})

    with pytest.raises(CosmosBatchOperationError) as failure:
        await container.execute_item_batch(
            [
                ("replace", ("taken", {"id": "taken", "pk": "a", "n": 2})),
                ("create", ({"id": "new", "pk": "a"},)),
                ("create", ({"id": "taken", "pk": "a"},)),
            ],
            partition_key="a",
        )

    assert failure.value.error_index == 2
    assert failure.value.status_code == 409
    assert statuses(failure.value.operation_responses) == [424, 424, 409]
    assert await ids_in(container, "a") == {"taken"}
    kept = await container.read_item("taken", partition_key="a")
    assert (kept["n"], kept["_etag"]) == (1, taken["_etag"])


async def test_a_batch_replacing_on_a_stale_etag_fails_with_412_and_applies_nothing(
    container: ContainerProxy,
) -> None:
    stale = await container.create_item({"id": "x", "pk": "a", "n": 1})
    current = await container.replace_item("x", {"id": "x", "pk": "a", "n": 2})

    with pytest.raises(CosmosBatchOperationError) as failure:
        await container.execute_item_batch(
            [
                ("create", ({"id": "new", "pk": "a"},)),
                (
                    "replace",
                    ("x", {"id": "x", "pk": "a", "n": 3}),
                    {"if_match_etag": stale["_etag"]},
                ),
            ],
            partition_key="a",
        )

    assert (failure.value.error_index, failure.value.status_code) == (1, 412)
    assert statuses(failure.value.operation_responses) == [424, 412]
    assert await ids_in(container, "a") == {"x"}
    assert (await container.read_item("x", partition_key="a"))["_etag"] == current["_etag"]


async def test_a_mixed_batch_applies_every_operation_and_returns_their_etags(
    container: ContainerProxy,
) -> None:
    for item_id in ("read", "replace", "patch", "delete"):
        await container.create_item({"id": item_id, "pk": "a", "n": 1})
    to_replace = await container.read_item("replace", partition_key="a")

    results = await container.execute_item_batch(
        [
            ("create", ({"id": "create", "pk": "a", "n": 1},)),
            ("upsert", ({"id": "upsert", "pk": "a", "n": 1},)),
            (
                "replace",
                ("replace", {"id": "replace", "pk": "a", "n": 2}),
                {"if_match_etag": to_replace["_etag"]},
            ),
            ("patch", ("patch", [{"op": "incr", "path": "/n", "value": 2}])),
            ("read", ("read",)),
            ("delete", ("delete",)),
        ],
        partition_key="a",
    )

    assert statuses(results) == [201, 201, 200, 200, 200, 204]
    stored = {
        item_id: await container.read_item(item_id, partition_key="a")
        for item_id in ("create", "upsert", "replace", "patch", "read")
    }
    for result, item in zip(results[:5], stored.values(), strict=True):
        assert result["eTag"] == item["_etag"]
        assert result["resourceBody"] == item
    assert (stored["replace"]["n"], stored["patch"]["n"]) == (2, 3)
    assert await ids_in(container, "a") == set(stored)


async def test_a_batch_refuses_an_item_of_another_partition(container: ContainerProxy) -> None:
    with pytest.raises(CosmosBatchOperationError) as failure:
        await container.execute_item_batch(
            [("create", ({"id": "x", "pk": "a"},)), ("create", ({"id": "y", "pk": "b"},))],
            partition_key="a",
        )

    assert (failure.value.error_index, failure.value.status_code) == (1, 400)
    assert await ids_in(container, "a") == set()


async def test_a_query_given_a_partition_key_sees_only_that_partition(
    container: ContainerProxy,
) -> None:
    for item_id, partition in [("a1", "a"), ("a2", "a"), ("b1", "b")]:
        await container.create_item({"id": item_id, "pk": partition})

    query = container.query_items("SELECT * FROM c ORDER BY c.id", partition_key="a")

    assert [row["id"] async for row in query] == ["a1", "a2"]


async def test_only_a_query_without_a_partition_key_is_logged_as_a_fan_out(
    cosmos: CosmosServer, container: ContainerProxy
) -> None:
    await container.create_item({"id": "a1", "pk": "a"})
    cosmos.clear_fan_outs()

    scoped = container.query_items("SELECT * FROM c WHERE c.n > 0", partition_key="a")
    assert [row async for row in scoped] == []
    assert cosmos.fan_outs() == []

    fanned = container.query_items("SELECT * FROM c")
    assert [row["id"] async for row in fanned] == ["a1"]
    assert cosmos.fan_outs() == [FanOut("harness", container.id, "query", "SELECT * FROM c")]

    cosmos.clear_fan_outs()
    assert cosmos.fan_outs() == []


async def test_the_sdk_retries_a_throttled_request_until_it_succeeds(
    cosmos: CosmosServer, container: ContainerProxy
) -> None:
    cosmos.throttle(requests=3, retry_after_ms=5)

    await container.upsert_item({"id": "x", "pk": "a"})

    assert cosmos.pending_throttles() == 0
    assert await ids_in(container, "a") == {"x"}


async def test_the_sdk_gives_up_with_429_past_its_retry_budget(
    cosmos: CosmosServer, container: ContainerProxy
) -> None:
    cosmos.throttle(requests=SDK_THROTTLE_ATTEMPTS, retry_after_ms=7)

    with pytest.raises(CosmosHttpResponseError) as failure:
        await container.upsert_item({"id": "x", "pk": "a"})

    assert (failure.value.status_code, failure.value.sub_status) == (429, 3200)
    assert cosmos.pending_throttles() == 0
    # The SDK waited as each answer's x-ms-retry-after-ms said, by its own account.
    retried = container.client_connection.last_response_headers
    assert retried["x-ms-throttle-retry-count"] == SDK_THROTTLE_ATTEMPTS - 1
    assert retried["x-ms-throttle-retry-wait-time-ms"] == 7 * (SDK_THROTTLE_ATTEMPTS - 1)
    assert await ids_in(container, "a") == set()
