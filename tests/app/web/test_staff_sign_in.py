"""Signing in to the staff console: a session of its own, apart from the shoppers'."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from returndesk.domain.staff import StaffRole
from returndesk.operations.context import Operations
from returndesk.operations.staff_accounts import add_staff, disable_staff
from returndesk.web.staff_session import COOKIE_NAME
from tests.support.app import http_client
from tests.support.shopper import Shopper

PASSWORD = "correct horse battery staple"
SESSION = "/staff/api/session"


@pytest.fixture
async def staff(ops: Operations) -> str:
    member = await add_staff(
        ops, email="ana@example.com", name="Ana Ruiz", role=StaffRole.ADMIN, password=PASSWORD
    )
    return member.email


@pytest.fixture
async def browser(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(app) as http:
        yield http


async def sign_in(http: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    return await http.post(SESSION, json={"email": email, "password": password})


async def test_signing_in_opens_a_session_in_its_own_strict_cookie(
    browser: httpx.AsyncClient, staff: str
) -> None:
    response = await sign_in(browser, staff)

    assert response.status_code == 200, response.text
    assert response.json()["name"] == "Ana Ruiz"
    assert response.json()["role"] == "admin"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE_NAME}=")
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
    assert "Path=/staff" in cookie
    again = await browser.get(SESSION)
    assert again.status_code == 200
    assert again.json()["email"] == staff


async def test_a_wrong_password_is_refused_and_repeated_failures_lock_out(
    browser: httpx.AsyncClient, staff: str
) -> None:
    wrong = await sign_in(browser, staff, "not the password at all")
    unknown = await sign_in(browser, "nobody@example.com", PASSWORD)

    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]
    for _ in range(4):
        await sign_in(browser, staff, "not the password at all")
    locked = await sign_in(browser, staff)
    assert locked.status_code == 429
    assert "try again in" in locked.json()["error"]["message"]


async def test_a_shoppers_cookie_never_opens_a_staff_route(
    app: FastAPI, shopper: Shopper, staff: str
) -> None:
    response = await shopper.client.http.get(SESSION)

    assert response.status_code == 403
    assert COOKIE_NAME not in shopper.client.http.cookies


async def test_a_change_needs_the_csrf_token_and_signing_out_ends_the_session(
    browser: httpx.AsyncClient, staff: str
) -> None:
    token = (await sign_in(browser, staff)).json()["csrf_token"]

    without = await browser.delete(SESSION)
    forged = await browser.delete(SESSION, headers={"X-CSRF-Token": "forged"})
    assert (without.status_code, forged.status_code) == (403, 403)
    assert (await browser.get(SESSION)).status_code == 200

    out = await browser.delete(SESSION, headers={"X-CSRF-Token": token})
    assert out.status_code == 204
    assert (await browser.get(SESSION)).status_code == 403


async def test_a_disabled_member_loses_their_session(
    browser: httpx.AsyncClient, ops: Operations, staff: str
) -> None:
    await sign_in(browser, staff)

    await disable_staff(ops, staff)

    assert (await browser.get(SESSION)).status_code == 403
    assert (await sign_in(browser, staff)).status_code == 401


@pytest.mark.parametrize(
    "body",
    [b"", b"not json", b'{"email": ["x"], "password": 1}', b"[" * 200 + b"]" * 200],
)
async def test_a_malformed_sign_in_is_a_clear_400(
    browser: httpx.AsyncClient, staff: str, body: bytes
) -> None:
    response = await browser.post(
        SESSION, content=body, headers={"content-type": "application/json"}
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_request"
