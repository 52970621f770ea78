"""Request units Cosmos DB would charge, computed from the requests the test server logged.

The test server charges nothing real (it answers every request with a charge of 1), so
the figures are computed from what each request did and how many bytes it moved, with
Azure's published costs: a point read of a 1 KB item is 1 RU and of a 100 KB item 10 RU;
a write (insert, replace, upsert, delete) of a 1 KB item about 5 RU and of a 100 KB item
about 50 RU, with the default indexing policy; a query at least about 2.5 RU plus what it
reads. A transactional batch costs the sum of its operations. Session consistency (the
account's default) is assumed; strong or bounded staleness would double every read.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from tests.support.cosmos_server import LoggedRequest

KB = 1024
READ_RU_1KB = 1.0
# From 1 RU at 1 KB to 10 RU at 100 KB.
READ_RU_PER_EXTRA_KB = 9.0 / 99.0
WRITE_RU_1KB = 5.0
# From 5 RU at 1 KB to 50 RU at 100 KB.
WRITE_RU_PER_EXTRA_KB = 45.0 / 99.0
QUERY_RU_MINIMUM = 2.5
WRITES = frozenset({"create", "upsert", "replace", "delete", "patch"})


def _read_units(size: int) -> float:
    return READ_RU_1KB + READ_RU_PER_EXTRA_KB * max(0, math.ceil(size / KB) - 1)


def _write_units(size: int) -> float:
    return WRITE_RU_1KB + WRITE_RU_PER_EXTRA_KB * max(0, math.ceil(size / KB) - 1)


def request_units(request: LoggedRequest) -> float:
    if request.operation == "batch":
        return sum(_write_units(op["bytes"]) for op in request.operations)
    if request.operation in WRITES:
        return _write_units(request.request_bytes)
    if request.operation == "read":
        return _read_units(request.response_bytes)
    if request.operation in ("query", "feed"):
        return QUERY_RU_MINIMUM + READ_RU_PER_EXTRA_KB * math.ceil(request.response_bytes / KB)
    # Account and container metadata reads the SDK makes; cached after the first.
    return 1.0


def total_request_units(requests: Iterable[LoggedRequest]) -> float:
    return sum(request_units(request) for request in requests)
