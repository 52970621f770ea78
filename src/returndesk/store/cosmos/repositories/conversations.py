"""Each thread's conversation state and its log on Cosmos DB, in the thread's partition, with
what the staff console and the label page look up by customer and by visitor kept beside
them: a customer's threads in the customer's partition, whom a visitor verified as in the
visitor's.

The state is versioned: a turn writes version N + 1 only over the version N it read,
replacing the document under that read's ETag, so two turns racing on one thread cannot
both commit.

The state is the word on whom a thread's shopper verified as. The documents beside it are
written only when the state's customer changes, in the same unit, and commit before the
thread's partition (see `unit_of_work`): a state naming a customer always has them. They
may outlive it (a unit whose state then lost its race, a thread deleted), so what they
point to is checked against the state when read.
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import UTC, datetime
from typing import Any

from returndesk.store.cosmos.containers import CUSTOMERS, OWNERS, THREADS
from returndesk.store.cosmos.documents import document_id, instant, stamp
from returndesk.store.cosmos.unit_of_work import Document, Unit
from returndesk.store.port.conversations import CustomerThread, StoredState

STATE_ID = "state"
# The thread's own document in its partition, written by the thread store.
THREAD_ID = "thread"

_CUSTOMER_THREADS = "SELECT * FROM c WHERE c.type = 'customer_thread'"
_OWNERS_THREADS = (
    "SELECT c.thread_id FROM c WHERE c.type = 'customer_thread' AND c.owner_id = @owner_id"
)


def customer_thread_id(thread_id: str) -> str:
    return document_id("thread", thread_id)


def verified_id(customer_id: str) -> str:
    return document_id("verified", customer_id)


class CosmosConversations:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    async def read_state(self, thread_id: str) -> StoredState:
        found = await self.unit.read(THREADS, thread_id, STATE_ID)
        if found is None:
            return StoredState({}, 0)
        return StoredState(found["data"], int(found["version"]))

    async def save_state(
        self,
        *,
        thread_id: str,
        owner_id: str,
        customer_id: str | None,
        data: dict[str, Any],
        expected_version: int,
        at: datetime,
    ) -> bool:
        if expected_version == 0:
            # Another request that made the state first fails this create at commit.
            state: Document = {
                "id": STATE_ID,
                THREADS.key: thread_id,
                "type": "state",
                "owner_id": owner_id,
                "customer_id": customer_id,
                "version": 1,
                "data": data,
                "updated_at": stamp(at),
            }
            self.unit.create(THREADS, state)
            earlier_customer = None
        else:
            found = await self.unit.read(THREADS, thread_id, STATE_ID)
            if found is None or int(found["version"]) != expected_version:
                return False
            state = found
            earlier_customer = state.get("customer_id")
            state.update(
                customer_id=customer_id,
                version=expected_version + 1,
                data=data,
                updated_at=stamp(at),
            )
            # Under the ETag read: a turn that committed since fails this unit.
            self.unit.replace(THREADS, state)
        if customer_id != earlier_customer:
            await self._listed_under(
                thread_id, str(state["owner_id"]), earlier_customer, customer_id, at
            )
        return True

    async def _listed_under(
        self,
        thread_id: str,
        owner_id: str,
        earlier_customer: str | None,
        customer_id: str | None,
        at: datetime,
    ) -> None:
        """List the thread under its new customer and no longer under the earlier one."""
        listed = customer_thread_id(thread_id)
        # Read first: deleting a document that is gone fails the whole unit.
        if (
            earlier_customer is not None
            and await self.unit.read(CUSTOMERS, earlier_customer, listed) is not None
        ):
            self.unit.delete(CUSTOMERS, earlier_customer, listed)
        if customer_id is None:
            return
        thread = await self.unit.read(THREADS, thread_id, THREAD_ID)
        self.unit.upsert(
            CUSTOMERS,
            {
                "id": listed,
                CUSTOMERS.key: customer_id,
                "type": "customer_thread",
                "thread_id": thread_id,
                "owner_id": owner_id,
                "title": None if thread is None else thread.get("title"),
                "created_at": stamp(at) if thread is None else thread["created_at"],
                "updated_at": stamp(at) if thread is None else thread["updated_at"],
            },
        )
        self.unit.upsert(
            OWNERS,
            {
                "id": verified_id(customer_id),
                OWNERS.key: owner_id,
                "type": "verified",
                "customer_id": customer_id,
            },
        )

    async def customer_threads(self, customer_id: str) -> list[CustomerThread]:
        """Newest first, with each thread's title and times as the thread has them now."""
        listed = await self.unit.query(CUSTOMERS, _CUSTOMER_THREADS, partition=customer_id)
        # The thread's own documents: the title and times here are as they were when the
        # shopper verified, and the listing may outlive the thread or its customer.
        threads = await asyncio.gather(
            *(self._thread_of(customer_id, doc["thread_id"]) for doc in listed)
        )
        found = [(thread, doc) for doc, thread in zip(listed, threads, strict=True) if thread]
        found.sort(key=lambda pair: (pair[0]["created_at"], pair[1]["id"]), reverse=True)
        return [
            CustomerThread(
                thread_id=doc["thread_id"],
                owner_id=str(thread.get("owner_id") or doc["owner_id"]),
                title=thread.get("title"),
                created_at=instant(thread["created_at"]),
                updated_at=instant(thread["updated_at"]),
            )
            for thread, doc in found
        ]

    async def _thread_of(self, customer_id: str, thread_id: str) -> Document | None:
        """The thread's document, if the thread is there and its state names the customer."""
        thread, state = await asyncio.gather(
            self.unit.read(THREADS, thread_id, THREAD_ID),
            self.unit.read(THREADS, thread_id, STATE_ID),
        )
        if state is None or state.get("customer_id") != customer_id:
            return None
        return thread

    async def verified_as(self, owner_id: str, customer_id: str) -> bool:
        # Most visitors asking never verified as the customer: one point read tells them.
        if await self.unit.read(OWNERS, owner_id, verified_id(customer_id)) is None:
            return False
        listed = await self.unit.query(
            CUSTOMERS, _OWNERS_THREADS, {"@owner_id": owner_id}, partition=customer_id
        )
        states = await asyncio.gather(
            *(self.unit.read(THREADS, doc["thread_id"], STATE_ID) for doc in listed)
        )
        return any(
            state is not None
            and state.get("customer_id") == customer_id
            and state.get("owner_id") == owner_id
            for state in states
        )

    async def log_event(
        self,
        *,
        thread_id: str,
        at: datetime,
        customer_id: str | None,
        event: str,
        flow: str,
        step: str,
        answers: dict[str, bool],
    ) -> None:
        # The app's clock may stand still (a store's tests fix it); the order the turns were
        # logged in is kept by the wall clock, which always moves on.
        logged_at = stamp(datetime.now(UTC))
        self.unit.create(
            THREADS,
            {
                # Unique, and in the order logged when listed by id.
                "id": document_id("log", logged_at, secrets.token_hex(6)),
                THREADS.key: thread_id,
                "type": "log",
                "at": stamp(at),
                "logged_at": logged_at,
                "customer_id": customer_id,
                "event": event,
                "flow": flow,
                "step": step,
                "answers": answers,
            },
        )
