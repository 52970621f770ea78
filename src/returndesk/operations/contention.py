"""Commands run again when another writer changed what they read before they could commit.

Where the database checks versions at commit instead of making writers wait (Cosmos DB's
ETags), a command that lost such a race wrote nothing and raised `Contention`; running it
again reads the winner's change and decides afresh (the return already made, the hand-off
already claimed). A command must do nothing outside its unit of work before it commits.
"""

from __future__ import annotations

import asyncio
import functools
import random
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from returndesk.errors import Conflict
from returndesk.store.port.errors import Contention

P = ParamSpec("P")
T = TypeVar("T")

# Enough for a burst of writers on one record (twenty Confirms of one return at once).
ATTEMPTS = 8
# The pause before the next attempt grows from this, with jitter so racers spread out.
FIRST_PAUSE_SECONDS = 0.01


def retried_on_contention(command: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[T]]:
    @functools.wraps(command)
    async def run(*args: P.args, **kwargs: P.kwargs) -> T:
        for attempt in range(ATTEMPTS):
            try:
                return await command(*args, **kwargs)
            except Contention as exc:
                if attempt == ATTEMPTS - 1:
                    raise Conflict(
                        "Someone else is changing this at the same moment; please try again."
                    ) from exc
                await asyncio.sleep(FIRST_PAUSE_SECONDS * 2**attempt * random.uniform(0.5, 1.5))
        raise AssertionError("unreachable")

    return run
