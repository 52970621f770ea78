"""The package as pip installs it (as the Dockerfile does) holds every file the app reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "returndesk"


def data_files() -> set[str]:
    """Files of the package that are not Python: policy, flow, demo data, migrations, UI."""
    return {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }


def build_wheel(tmp_path: Path) -> Path:
    """The package built as `pip install .` builds it; from a copy, so the build leaves
    nothing behind in the work tree."""
    source = tmp_path / "source"
    shutil.copytree(
        PACKAGE, source / "src" / "returndesk", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    built = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(built),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = built.glob("returndesk-*.whl")
    return wheel


def test_the_built_wheel_holds_every_data_file(tmp_path: Path) -> None:
    packed = set(zipfile.ZipFile(build_wheel(tmp_path)).namelist())

    assert sorted(data_files() - packed) == []
    assert "returndesk/flow/conversation.yaml" in packed
    for use_case in ("returns", "cancellations", "status", "handoff"):
        assert f"returndesk/usecases/{use_case}/flow.yaml" in packed


SMOKE = """
import asyncio, json, sys
import httpx
import returndesk
from returndesk.settings import Settings
from returndesk.store.sql.migrate import upgrade
from returndesk.web.app import create_app

assert returndesk.__file__.startswith(sys.argv[1]), returndesk.__file__
url = "sqlite+aiosqlite:///" + sys.argv[2]
upgrade(url)

async def main():
    app = create_app(Settings(_env_file=None, database_url=url, secret_key="package-test"))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app") as http:
            page = await http.get("/")
            body = {"type": "threads.create", "params": {"input": {
                "content": [{"type": "input_text", "text": "hi"}],
                "attachments": [], "inference_options": {}}}}
            stream = await http.post("/chatkit", content=json.dumps(body))
    print(page.status_code, "<div id=\\"root\\">" in page.text, stream.status_code,
          "widget" in stream.text)

asyncio.run(main())
"""


def test_the_installed_wheel_serves_the_ui_and_a_conversation(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    ran = subprocess.run(
        [sys.executable, "-c", SMOKE, str(site), str(tmp_path / "app.db")],
        env={**os.environ, "PYTHONPATH": str(site)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.split() == ["200", "True", "200", "True"]
