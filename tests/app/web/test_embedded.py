"""Embedded mode: a customer token signed by the store's site counts as verification."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from returndesk.domain import load_policy
from returndesk.operations.context import Operations
from returndesk.store.sql.storage import SqlStorage
from tests.conftest import DEMO_NOW
from tests.support.app import http_client, running_app, settings_for
from tests.support.chatkit_client import ChatKitClient, assistant_texts, parse_sse, user_input
from tests.support.demo import find_line, ordinary

SECRET = "shared-secret-with-the-store-site-0123456789"


def token(customer_id: str, key: str, algorithm: str = "HS256", **claims: object) -> str:
    body = {"sub": customer_id, "exp": datetime.now(UTC) + timedelta(minutes=5), **claims}
    return jwt.encode(body, key, algorithm=algorithm)


async def some_customer(url: str) -> tuple[str, str]:
    storage = SqlStorage(url)
    ops = Operations(storage, load_policy(), clock=lambda: DEMO_NOW)
    pick = await find_line(ops, ordinary)
    await storage.close()
    return pick.customer.id, pick.customer.first_name


async def start(client: ChatKitClient, headers: dict[str, str]) -> tuple[int, list[str], str]:
    response = await client.http.post(
        "/chatkit",
        content=json.dumps({"type": "threads.create", "params": {"input": user_input("hi")}}),
        headers=headers,
    )
    if response.status_code != 200:
        return response.status_code, [response.json()["error"]["message"]], ""
    events = parse_sse(response.text)
    return 200, assistant_texts(events), json.dumps(events[-1]["item"].get("widget", {}))


async def test_a_valid_hs256_token_skips_verification(demo_sqlite_url: str) -> None:
    customer_id, first_name = await some_customer(demo_sqlite_url)
    settings = settings_for(
        demo_sqlite_url, embed_jwt_secret=SECRET, embed_jwt_audience="returndesk"
    )
    async with running_app(settings, clock=lambda: DEMO_NOW) as app, http_client(app) as http:
        status, texts, widget = await start(
            ChatKitClient(http),
            {"x-customer-token": token(customer_id, SECRET, aud="returndesk")},
        )

    assert status == 200
    assert texts[0].startswith(f"Hi, {first_name}!")
    assert "Return or exchange items" in widget


async def test_an_rs256_token_from_the_store_key_is_accepted(demo_sqlite_url: str) -> None:
    customer_id, first_name = await some_customer(demo_sqlite_url)
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    settings = settings_for(demo_sqlite_url, embed_jwt_public_key=public_pem)
    async with running_app(settings, clock=lambda: DEMO_NOW) as app, http_client(app) as http:
        status, texts, _ = await start(
            ChatKitClient(http), {"x-customer-token": token(customer_id, private_pem, "RS256")}
        )

    assert status == 200
    assert texts[0].startswith(f"Hi, {first_name}!")


@pytest.mark.parametrize(
    ("make_token", "fragment"),
    [
        pytest.param(
            lambda c: token(c, "some-other-secret-of-enough-length-xx"), "Signature", id="forged"
        ),
        pytest.param(
            lambda c: token(c, SECRET, exp=datetime.now(UTC) - timedelta(minutes=1)),
            "expired",
            id="expired",
        ),
        pytest.param(lambda c: "not-a-token", "not valid", id="garbage"),
    ],
)
async def test_a_bad_token_is_refused_with_401(
    demo_sqlite_url: str, make_token: Callable[[str], str], fragment: str
) -> None:
    customer_id, _ = await some_customer(demo_sqlite_url)
    settings = settings_for(demo_sqlite_url, embed_jwt_secret=SECRET)
    async with running_app(settings, clock=lambda: DEMO_NOW) as app, http_client(app) as http:
        status, messages, _ = await start(
            ChatKitClient(http), {"x-customer-token": make_token(customer_id)}
        )

    assert status == 401
    assert fragment.lower() in messages[0].lower()


async def test_tokens_are_refused_when_embedded_mode_is_off(demo_sqlite_url: str) -> None:
    customer_id, _ = await some_customer(demo_sqlite_url)
    async with running_app(settings_for(demo_sqlite_url)) as app, http_client(app) as http:
        status, messages, _ = await start(
            ChatKitClient(http), {"x-customer-token": token(customer_id, SECRET)}
        )

    assert status == 401
    assert "not accepted" in messages[0]
