"""`GET /` in both UI modes: ReturnDesk's own page, or OpenAI's ChatKit web component."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from pydantic import ValidationError

from returndesk.settings import Settings
from returndesk.web.identity import COOKIE_NAME
from tests.support.app import http_client, running_app, settings_for
from tests.support.chatkit_client import ChatKitClient

CDN = "https://cdn.platform.openai.com"
CHATKIT_SCRIPT = f"{CDN}/deployments/chatkit/chatkit.js"
DOMAIN_KEY = "domain_pk_test_0123456789"


@asynccontextmanager
async def serving(sqlite_url: str, **overrides: object) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(settings_for(sqlite_url, **overrides)) as app, http_client(app) as http:
        yield http


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in policy.split(";"):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


def page_config(html: str) -> dict[str, object]:
    found = re.search(
        r'<script type="application/json" id="returndesk-config">(.*?)</script>', html, re.S
    )
    assert found, "the page carries its configuration"
    config: dict[str, object] = json.loads(found.group(1))
    return config


async def test_the_default_page_is_our_own_ui_and_loads_nothing_from_elsewhere(
    sqlite_url: str,
) -> None:
    async with serving(sqlite_url) as http:
        response = await http.get("/")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    # The built UI, or the note that it is not built yet: either way not OpenAI's.
    assert '<div id="root">' in response.text or "has not been built" in response.text
    assert "openai-chatkit" not in response.text
    assert "openai.com" not in response.text
    policy = directives(response.headers["content-security-policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert "frame-src" not in policy
    assert policy["frame-ancestors"] == ["'none'"]
    assert "openai.com" not in response.headers["content-security-policy"]


async def test_every_console_address_is_the_staff_page_and_loads_nothing_from_elsewhere(
    sqlite_url: str,
) -> None:
    async with serving(sqlite_url) as http:
        pages = [await http.get(path) for path in ("/staff", "/staff/returns/R-AAAAAAAA")]
        unknown_api = await http.get("/staff/api/nothing-here")

    for page in pages:
        assert page.status_code == 200
        assert "staff" in page.text.lower()
        assert "openai.com" not in page.text
        assert COOKIE_NAME not in page.headers.get("set-cookie", "")
        policy = directives(page.headers["content-security-policy"])
        assert policy["script-src"] == ["'self'"]
        assert policy["connect-src"] == ["'self'"]
    assert unknown_api.status_code == 404
    assert unknown_api.json()["error"]["message"]


async def test_chatkit_js_mode_serves_openais_web_component_with_the_domain_key(
    sqlite_url: str,
) -> None:
    async with serving(sqlite_url, ui="chatkit-js", chatkit_domain_key=DOMAIN_KEY) as http:
        response = await http.get("/")
        script = await http.get("/chatkit-js/page.js")
        style = await http.get("/chatkit-js/page.css")

    assert response.status_code == 200
    page = response.text
    assert f'<script src="{CHATKIT_SCRIPT}" async></script>' in page
    assert '<openai-chatkit id="chatkit"></openai-chatkit>' in page
    assert '<script src="/chatkit-js/page.js" defer></script>' in page
    assert '<div id="root">' not in page
    config = page_config(page)
    assert config["apiUrl"] == "/chatkit"
    assert config["domainKey"] == DOMAIN_KEY
    assert config["name"] == "ReturnDesk"
    assert config["primaryColor"] == "#2563eb"
    # No script on the page but the CDN's and our own file: the policy stays strict.
    assert re.findall(r"<script(?![^>]*application/json)[^>]*>", page) == [
        f'<script src="{CHATKIT_SCRIPT}" async>',
        '<script src="/chatkit-js/page.js" defer>',
    ]
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert "setOptions" in script.text
    assert "X-Customer-Token" in script.text
    assert style.status_code == 200


async def test_chatkit_js_mode_allows_openais_cdn_and_api_and_nothing_else(
    sqlite_url: str,
) -> None:
    async with serving(sqlite_url, ui="chatkit-js", chatkit_domain_key=DOMAIN_KEY) as http:
        response = await http.get("/")

    policy = directives(response.headers["content-security-policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", CDN]
    assert policy["connect-src"] == ["'self'", CDN, "https://api.openai.com"]
    assert policy["frame-src"] == ["'self'", CDN, "https://api.openai.com"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-eval'" not in response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy["script-src"]


async def test_chatkit_js_mode_talks_to_the_same_endpoint(sqlite_url: str) -> None:
    async with serving(sqlite_url, ui="chatkit-js", chatkit_domain_key=DOMAIN_KEY) as http:
        thread_id, events = await ChatKitClient(http).create_thread("hi")

    assert thread_id.startswith("thr_")
    assert any(event["type"] == "thread.item.done" for event in events)


async def test_branding_in_the_chatkit_js_page_cannot_break_out_of_it(sqlite_url: str) -> None:
    name = '</script><script>alert("x")</script>'
    async with serving(
        sqlite_url,
        ui="chatkit-js",
        chatkit_domain_key=DOMAIN_KEY,
        brand_name=name,
        brand_favicon_url='https://shop.example/icon.png"><script>',
    ) as http:
        page = (await http.get("/")).text

    assert "<script>alert" not in page
    assert '"><script>' not in page
    assert page_config(page)["name"] == name
    assert "<title>&lt;/script&gt;" in page


async def test_the_page_names_the_visitor_before_the_first_chatkit_call(sqlite_url: str) -> None:
    async with serving(sqlite_url) as http:
        page = await http.get("/")
        assert COOKIE_NAME in page.cookies
        again = await http.get("/")
        first_call = await ChatKitClient(http).post(
            {"type": "threads.list", "params": {"limit": 10}}
        )

    # Named once; the chat's own calls then go out as that visitor.
    assert "set-cookie" not in again.headers
    assert first_call.status_code == 200
    assert "set-cookie" not in first_call.headers


@pytest.mark.parametrize("key", [None, "", "   "])
def test_chatkit_js_mode_refuses_to_start_without_a_domain_key(key: str | None) -> None:
    with pytest.raises(ValidationError, match="RETURNDESK_CHATKIT_DOMAIN_KEY"):
        Settings(_env_file=None, ui="chatkit-js", chatkit_domain_key=key)


def test_the_ui_mode_and_domain_key_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("RETURNDESK_UI", raising=False)
    monkeypatch.delenv("RETURNDESK_CHATKIT_DOMAIN_KEY", raising=False)
    assert Settings(_env_file=None).ui == "returndesk"

    monkeypatch.setenv("RETURNDESK_UI", "chatkit-js")
    monkeypatch.setenv("RETURNDESK_CHATKIT_DOMAIN_KEY", DOMAIN_KEY)
    settings = Settings(_env_file=None)
    assert settings.ui == "chatkit-js"
    assert settings.chatkit_domain_key == DOMAIN_KEY

    monkeypatch.setenv("RETURNDESK_UI", "chatkit")
    with pytest.raises(ValidationError, match="returndesk"):
        Settings(_env_file=None)
