"""The web UI's weight: each page's JavaScript (and CSS), gzipped as a browser receives it.

A page weighs what its HTML loads from /assets/ (its entry script, the chunks it
preloads, its stylesheet), so code only the staff console loads never counts
against the shopper's page. Measures what `make setup` built into
src/returndesk/web/static/; it builds nothing itself.
"""

from __future__ import annotations

import asyncio
import gzip
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.measure import Results

STATIC_DIR = Path(__file__).parent.parent / "src" / "returndesk" / "web" / "static"
BUDGET_KB = 200
PAGES = {"shopper page": "index.html", "staff console": "staff.html"}
_ASSET = re.compile(r'(?:src|href)="/assets/([^"]+)"')


@dataclass(frozen=True, slots=True)
class Weight:
    files: int
    raw: int
    gzipped: int


def weigh(static: Path, page: str, suffix: str) -> Weight:
    """What `page` loads from /assets/ of one kind (".js" or ".css")."""
    html = (static / page).read_text(encoding="utf-8")
    names = sorted({name for name in _ASSET.findall(html) if name.endswith(suffix)})
    contents = [(static / "assets" / name).read_bytes() for name in names]
    return Weight(
        files=len(contents),
        raw=sum(len(content) for content in contents),
        gzipped=sum(len(gzip.compress(content, compresslevel=9)) for content in contents),
    )


async def run(results: Results, workdir: Path, static: Path = STATIC_DIR) -> None:
    for label, page in PAGES.items():
        if not (static / page).is_file():
            print(f"ui bench: no built {page} in {static}; run `make setup`", file=sys.stderr)
            continue
        scripts = await asyncio.to_thread(weigh, static, page, ".js")
        styles = await asyncio.to_thread(weigh, static, page, ".css")
        target = f"≤ {BUDGET_KB} KB" if page == "index.html" else ""
        results.add("ui", f"{label}: JavaScript, gzipped", scripts.gzipped / 1024, "KB", target)
        results.add("ui", f"{label}: JavaScript, raw", scripts.raw / 1024, "KB")
        results.add("ui", f"{label}: CSS, gzipped", styles.gzipped / 1024, "KB")
