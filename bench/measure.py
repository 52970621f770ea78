"""Timing helpers and the result table every benchmark reports into."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Figure:
    benchmark: str
    metric: str
    value: float
    unit: str
    target: str = ""


@dataclass(slots=True)
class Results:
    figures: list[Figure] = field(default_factory=list)

    def add(self, benchmark: str, metric: str, value: float, unit: str, target: str = "") -> None:
        self.figures.append(Figure(benchmark, metric, value, unit, target))

    def table(self) -> str:
        rows = [("benchmark", "metric", "value", "target")]
        rows += [
            (f.benchmark, f.metric, f"{f.value:,.2f} {f.unit}".strip(), f.target)
            for f in self.figures
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            for row in rows
        ]
        lines.insert(1, "  ".join("-" * width for width in widths))
        return "\n".join(line.rstrip() for line in lines)

    def write_json(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = folder / f"bench-{stamp}.json"
        path.write_text(json.dumps([asdict(f) for f in self.figures], indent=2) + "\n")
        return path


@dataclass(frozen=True, slots=True)
class Latencies:
    """Per-call latencies in milliseconds."""

    samples: tuple[float, ...]

    def percentile(self, p: float) -> float:
        ordered = sorted(self.samples)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return ordered[index]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p99(self) -> float:
        return self.percentile(99)


async def time_calls(call: Callable[[int], Awaitable[object]], count: int) -> Latencies:
    """Call `call(n)` for n in range(count), one after another, timing each."""
    samples = []
    for n in range(count):
        started = time.perf_counter()
        await call(n)
        samples.append((time.perf_counter() - started) * 1000)
    return Latencies(tuple(samples))
