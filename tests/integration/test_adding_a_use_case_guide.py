"""docs/adding-a-use-case.md, followed literally: the files it shows, written where it says,
registered by the setting it gives, make a call back that works by clicking and typing."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DEMO_NOW
from tests.support.app import http_client, running_app, settings_for
from tests.support.chatkit_client import ChatKitClient
from tests.support.shopper import Shopper

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "adding-a-use-case.md"
# "`mystore/callback/flow.yaml`:" and the code block that follows it.
SHOWN_FILE = re.compile(r"^`(mystore/[\w/]+\.(?:py|yaml))`:\n\n```\w+\n(.*?)^```$", re.M | re.S)
EMAIL = "yusuf.rossi7301@example.com"


def guide_files() -> dict[str, str]:
    return {path: code for path, code in SHOWN_FILE.findall(GUIDE.read_text(encoding="utf-8"))}


@pytest.fixture
def mystore(tmp_path: Path) -> Iterator[Path]:
    """The guide's package, written from its text, importable as `mystore`."""
    (tmp_path / "mystore" / "callback").mkdir(parents=True)
    (tmp_path / "mystore" / "__init__.py").touch()
    (tmp_path / "mystore" / "callback" / "__init__.py").write_text('"""A call back."""\n')
    for path, code in guide_files().items():
        (tmp_path / path).write_text(code, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in [name for name in sys.modules if name.split(".")[0] == "mystore"]:
        del sys.modules[name]


def test_the_guide_shows_every_file_of_the_use_case() -> None:
    shown = {path.removeprefix("mystore/callback/") for path in guide_files()}

    assert shown == {
        "flow.yaml",
        "events.py",
        "answers.py",
        "guards.py",
        "handlers.py",
        "widgets.py",
        "cues.py",
        "usecase.py",
    }


@pytest.mark.usefixtures("mystore")
async def test_its_use_case_works_clicked_and_typed(demo_database_url: str) -> None:
    settings = settings_for(demo_database_url, use_cases=["mystore.callback.usecase"])
    async with running_app(settings, clock=lambda: DEMO_NOW) as app, http_client(app) as http:
        clicking = Shopper(ChatKitClient(http))
        await clicking.start()
        await clicking.submit(clicking.form_with("email"), {"email": EMAIL})
        await clicking.click("Ask for a call back")
        await clicking.click("In the afternoon")
        assert "call you in the afternoon" in str(clicking.widget)

        typing = Shopper(ChatKitClient(http))
        await typing.start()
        await typing.say(f"my email is {EMAIL}")
        await typing.say("I'd like a callback")
        await typing.say("the evening works best")
        assert "call you in the evening" in str(typing.widget)
