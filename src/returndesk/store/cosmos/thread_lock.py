"""One request at a time per thread, across every process and machine: a lease document
in the thread's partition.

A turn creates the lease (or takes over one that expired) under its ETag, renews it while
the turn runs, and deletes it when the turn ends. A process killed mid-turn leaves its
lease to expire, and the next turn takes over after at most `LEASE_SECONDS`. The
conversation state's version check stays the last word: a turn whose lease lapsed (a
stall longer than the lease) still cannot overwrite a newer state.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from azure.core import MatchConditions
from azure.cosmos import exceptions
from azure.cosmos.aio import DatabaseProxy

from returndesk.store.cosmos.containers import THREADS
from returndesk.store.cosmos.documents import instant, stamp
from returndesk.store.cosmos.unit_of_work import translated_errors

LEASE_ID = "lease"
LEASE_SECONDS = 10.0
RENEW_SECONDS = 3.0
# A waiting turn looks again after a pause in this range.
WAIT_SECONDS = (0.02, 0.08)


class LeaseLocks:
    def __init__(self, database: DatabaseProxy) -> None:
        self._threads = database.get_container_client(THREADS.name)

    @asynccontextmanager
    async def hold(self, thread_id: str) -> AsyncIterator[None]:
        holder = secrets.token_hex(8)
        etag = await self._acquire(thread_id, holder)
        lease = {"etag": etag}
        renewing = asyncio.create_task(self._renew(thread_id, holder, lease))
        try:
            yield
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing
            await self._release(thread_id, lease["etag"])

    def _lease(self, thread_id: str, holder: str) -> dict[str, str]:
        expires = datetime.now(UTC) + timedelta(seconds=LEASE_SECONDS)
        return {
            "id": LEASE_ID,
            THREADS.key: thread_id,
            "type": "lease",
            "holder": holder,
            "expires_at": stamp(expires),
        }

    async def _acquire(self, thread_id: str, holder: str) -> str:
        while True:
            with translated_errors():
                try:
                    current = await self._threads.read_item(LEASE_ID, partition_key=thread_id)
                except exceptions.CosmosResourceNotFoundError:
                    current = None
                try:
                    if current is None:
                        created = await self._threads.create_item(self._lease(thread_id, holder))
                        return str(created["_etag"])
                    if instant(current["expires_at"]) <= datetime.now(UTC):
                        taken = await self._threads.replace_item(
                            LEASE_ID,
                            self._lease(thread_id, holder),
                            etag=current["_etag"],
                            match_condition=MatchConditions.IfNotModified,
                        )
                        return str(taken["_etag"])
                except (
                    exceptions.CosmosResourceExistsError,
                    exceptions.CosmosAccessConditionFailedError,
                ):
                    pass
            await asyncio.sleep(random.uniform(*WAIT_SECONDS))

    async def _renew(self, thread_id: str, holder: str, lease: dict[str, str]) -> None:
        while True:
            await asyncio.sleep(RENEW_SECONDS)
            # A failed renewal is left to the next one; the state's version check guards
            # the turn should the lease lapse meanwhile.
            with contextlib.suppress(exceptions.CosmosHttpResponseError):
                renewed = await self._threads.replace_item(
                    LEASE_ID,
                    self._lease(thread_id, holder),
                    etag=lease["etag"],
                    match_condition=MatchConditions.IfNotModified,
                )
                lease["etag"] = renewed["_etag"]

    async def _release(self, thread_id: str, etag: str) -> None:
        # Gone or taken over after expiring: it is not ours to delete any more.
        with contextlib.suppress(exceptions.CosmosHttpResponseError):
            await self._threads.delete_item(
                LEASE_ID,
                partition_key=thread_id,
                etag=etag,
                match_condition=MatchConditions.IfNotModified,
            )
