"""Run every benchmark, print one table and keep the figures as JSON in bench/results/."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from bench import (
    conversation_bench,
    conversation_holdout,
    http_bench,
    live_bench,
    nlu_bench,
    queue_bench,
    scale_bench,
    store_bench,
    ui_bench,
)
from bench.measure import Results

RESULTS_DIR = Path(__file__).parent / "results"


async def main() -> None:
    results = Results()
    with tempfile.TemporaryDirectory(prefix="returndesk-bench-") as workdir:
        await store_bench.run(results, Path(workdir))
        await nlu_bench.run(results, Path(workdir))
        await conversation_holdout.run(results, Path(workdir))
        await conversation_bench.run(results, Path(workdir))
        await http_bench.run(results, Path(workdir))
        await live_bench.run(results, Path(workdir))
        await scale_bench.run(results, Path(workdir))
        await queue_bench.run(results, Path(workdir))
        await ui_bench.run(results, Path(workdir))
    print(results.table())
    print(f"\nwritten to {results.write_json(RESULTS_DIR)}")


if __name__ == "__main__":
    asyncio.run(main())
