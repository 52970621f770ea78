"""The web UI's weight: the built JavaScript (and CSS), gzipped as a browser receives it.

Measures what `make setup` built into src/returndesk/web/static/assets/; it
builds nothing itself.
"""

from __future__ import annotations

import asyncio
import gzip
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.measure import Results

ASSETS_DIR = Path(__file__).parent.parent / "src" / "returndesk" / "web" / "static" / "assets"
BUDGET_KB = 200


@dataclass(frozen=True, slots=True)
class Weight:
    files: int
    raw: int
    gzipped: int


def weigh(assets: Path, suffix: str) -> Weight:
    paths = sorted(assets.glob(f"*{suffix}"))
    contents = [path.read_bytes() for path in paths]
    return Weight(
        files=len(paths),
        raw=sum(len(content) for content in contents),
        gzipped=sum(len(gzip.compress(content, compresslevel=9)) for content in contents),
    )


async def run(results: Results, workdir: Path, assets: Path = ASSETS_DIR) -> None:
    scripts = await asyncio.to_thread(weigh, assets, ".js")
    if scripts.files == 0:
        print(f"ui bench: no built JavaScript in {assets}; run `make setup`", file=sys.stderr)
        return
    styles = await asyncio.to_thread(weigh, assets, ".css")
    results.add("ui", "JavaScript, gzipped", scripts.gzipped / 1024, "KB", f"≤ {BUDGET_KB} KB")
    results.add("ui", "JavaScript, raw", scripts.raw / 1024, "KB")
    if styles.files:
        results.add("ui", "CSS, gzipped", styles.gzipped / 1024, "KB")
