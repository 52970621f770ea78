"""The containers and their partition keys, chosen for the access patterns: every read a
shopper's request makes is a point read or a query inside one partition.

- threads, by thread: a thread, its items, its conversation state, its lease and its log.
- customers, by customer: the customer, their orders, their returns and return keys.
- owners, by visitor: the threads a visitor owns and whom they verified as.
- keys, by id: unique names that point into another partition (an email, an order id, a
  return number, a payment method, an attachment), each one point read away.
- catalog, one partition: products and their variants, read whole and cached.
- desk, by kind: what the staff console works on (hand-offs, live events, staff, audit,
  verification attempts), each kind its own partition with the counter that numbers it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Container:
    name: str
    # The document field holding the partition key.
    key: str
    # Composite indexes, for ORDER BY over two fields.
    composite: tuple[tuple[tuple[str, str], ...], ...] = field(default=())

    @property
    def partition_key_path(self) -> str:
        return f"/{self.key}"

    def indexing_policy(self) -> dict[str, Any]:
        policy: dict[str, Any] = {
            "indexingMode": "consistent",
            "includedPaths": [{"path": "/*"}],
            "excludedPaths": [{"path": '/"_etag"/?'}, {"path": "/json/?"}],
        }
        if self.composite:
            # Declared in both directions: Cosmos serves an ORDER BY from a composite index
            # only in its declared order or exactly the reverse.
            policy["compositeIndexes"] = [
                [{"path": path, "order": order} for path, order in index]
                for index in self.composite
            ]
        return policy


def _both_ways(*paths: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    return (
        tuple((path, "ascending") for path in paths),
        tuple((path, "descending") for path in paths),
    )


THREADS = Container("threads", "thread_id", _both_ways("/created_at", "/id"))
CUSTOMERS = Container("customers", "customer_id", _both_ways("/created_at", "/id"))
OWNERS = Container("owners", "owner_id", _both_ways("/created_at", "/id"))
KEYS = Container("keys", "id")
CATALOG = Container("catalog", "catalog")
DESK = Container("desk", "desk", _both_ways("/created_at", "/number"))

EVERY_CONTAINER = (THREADS, CUSTOMERS, OWNERS, KEYS, CATALOG, DESK)

# The catalog's one partition.
CATALOG_PARTITION = "catalog"
