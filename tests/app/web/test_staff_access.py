"""Who may use which staff route: shoppers none, agents the console, admins also the staff."""

from __future__ import annotations

from fastapi import FastAPI

from tests.support.shopper import Shopper
from tests.support.staff import STAFF_PASSWORD, StaffConsole

SIGN_IN = ("POST", "/staff/api/session")


def staff_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every staff API route and method the app declares, with path parameters filled in."""
    routes: list[tuple[str, str]] = []
    for template, operations in app.openapi()["paths"].items():
        if template.startswith("/staff/api"):
            path = template.replace("{rma}", "R-AAAAAAAA").replace("{email}", "a@example.com")
            routes.extend((method.upper(), path) for method in operations)
    return routes


async def test_a_shoppers_cookie_or_token_opens_no_staff_route(
    app: FastAPI, shopper: Shopper
) -> None:
    routes = staff_routes(app)
    assert len(routes) >= 8
    http = shopper.client.http

    for method, path in routes:
        if (method, path) == SIGN_IN:
            continue
        for headers in ({}, {"X-Customer-Token": "anything"}):
            response = await http.request(method, path, json={}, headers=headers)
            assert response.status_code == 403, (method, path, response.text)


async def test_an_agent_works_the_queue_but_cannot_manage_staff(agent: StaffConsole) -> None:
    assert (await agent.get("/staff/api/returns")).status_code == 200
    listed = await agent.get("/staff/api/staff")
    added = await agent.post(
        "/staff/api/staff",
        {"email": "x@example.com", "name": "X", "role": "admin", "password": STAFF_PASSWORD},
    )

    assert listed.status_code == added.status_code == 403
    assert "admin" in added.json()["error"]["message"]


async def test_an_admin_adds_and_disables_staff_and_the_disabled_are_signed_out(
    app: FastAPI, admin: StaffConsole, agent: StaffConsole
) -> None:
    added = await admin.post(
        "/staff/api/staff",
        {
            "email": "Kim@Example.com",
            "name": "Kim Ode",
            "role": "agent",
            "password": STAFF_PASSWORD,
        },
    )
    assert added.status_code == 200, added.text
    assert added.json()["email"] == "kim@example.com"
    again = await admin.post(
        "/staff/api/staff",
        {"email": "kim@example.com", "name": "Kim", "role": "agent", "password": STAFF_PASSWORD},
    )
    assert again.status_code == 409
    weak = await admin.post(
        "/staff/api/staff",
        {"email": "lu@example.com", "name": "Lu", "role": "agent", "password": "short"},
    )
    assert weak.status_code == 400

    disabled = await admin.post("/staff/api/staff/sam@example.com/disable", {})
    assert disabled.json()["disabled"] is True
    assert (await agent.get("/staff/api/returns")).status_code == 403
    yourself = await admin.post("/staff/api/staff/ana@example.com/disable", {})
    assert yourself.status_code == 400

    members = (await admin.get("/staff/api/staff")).json()["staff"]
    assert {m["email"]: m["disabled"] for m in members} == {
        "ana@example.com": False,
        "kim@example.com": False,
        "sam@example.com": True,
    }
    assert all("password" not in str(m) for m in members)


async def test_bad_bodies_are_clear_400s(admin: StaffConsole) -> None:
    deep = "[" * 5000 + "]" * 5000
    for path in ("/staff/api/staff", "/staff/api/returns/R-AAAAAAAA/moves"):
        for body in (deep, "{not json", '"\\ud800"', "x" * 100_000):
            response = await admin.http.post(
                path,
                content=body,
                headers={"X-CSRF-Token": admin.csrf_token, "content-type": "application/json"},
            )
            assert response.status_code in (400, 413), (path, body[:20], response.text)
    unknown = await admin.move("R-AAAAAAAA", "approved")
    assert unknown.status_code == 404
