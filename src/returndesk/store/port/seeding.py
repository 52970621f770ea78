"""What loading data into the store reports."""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields

# How far back the demo store's history goes.
HISTORY_DAYS = 90


@dataclass(frozen=True, slots=True)
class SeedCounts:
    customers: int = 0
    payment_methods: int = 0
    products: int = 0
    variants: int = 0
    orders: int = 0
    order_lines: int = 0

    @property
    def total(self) -> int:
        return sum(astuple(self))

    def describe(self) -> str:
        """`500 customers, 1,000 orders, ...`; kinds with none are left out."""
        parts = []
        for field in fields(self):
            count: int = getattr(self, field.name)
            if count:
                noun = field.name.replace("_", " ")
                parts.append(f"{count:,} {noun.removesuffix('s') if count == 1 else noun}")
        return ", ".join(parts) or "nothing"


@dataclass(frozen=True, slots=True)
class SeedReport:
    added: SeedCounts
    # Already in the database before this load, and left as they were.
    skipped: SeedCounts

    def summary(self) -> str:
        text = f"Added {self.added.describe()}"
        if self.skipped.total:
            text += f"; already present: {self.skipped.describe()}"
        return text + "."


@dataclass(frozen=True, slots=True)
class HistoryCounts:
    customers: int = 0
    orders: int = 0
    returns: int = 0
    cancellations: int = 0
    conversations: int = 0
    handoffs: int = 0

    def describe(self) -> str:
        return ", ".join(
            f"{getattr(self, f.name):,} {f.name.replace('_', ' ')}" for f in fields(self)
        )

    @property
    def total(self) -> int:
        return sum(astuple(self))
