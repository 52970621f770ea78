"""The `returndesk` command, run as a store's team would run it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from returndesk.cli import app
from returndesk.domain import ReturnStatus, load_policy
from returndesk.operations.context import Operations, utc_now
from returndesk.operations.returns import create_return
from returndesk.operations.staff_accounts import check_password
from returndesk.store.seed_format import demo_data_dir
from returndesk.store.sql.db import create_engine, create_session_factory
from returndesk.store.sql.seed import seed_store
from returndesk.store.sql.storage import SqlStorage
from tests.support.demo import draft, find_line, ordinary

runner = CliRunner()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RETURNDESK_POLICY_FILE", raising=False)


def run(database_url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"RETURNDESK_DATABASE_URL": database_url})
    return result.exit_code, result.output


@pytest.fixture
def store_url(sqlite_url: str) -> str:
    """The demo store loaded just now, since the CLI runs on the real clock."""

    async def load() -> None:
        engine = create_engine(sqlite_url)
        try:
            await seed_store(create_session_factory(engine), demo_data_dir(), now=utc_now())
        finally:
            await engine.dispose()

    asyncio.run(load())
    return sqlite_url


def make_return(database_url: str) -> str:
    async def work() -> str:
        storage = SqlStorage(database_url)
        try:
            ops = Operations(storage, load_policy())
            pick = await find_line(ops, ordinary)
            return (await create_return(ops, draft(pick, "cli"))).rma
        finally:
            await storage.close()

    return asyncio.run(work())


@pytest.mark.usefixtures("env")
def test_seed_demo_loads_the_store_once(sqlite_url: str) -> None:
    code, output = run(sqlite_url, "seed", "demo")
    assert code == 0, output
    assert "500 customers" in output
    assert "1,000 orders" in output
    assert "50 products" in output
    assert "History of the last 90 days: 3,000 customers" in output

    code, output = run(sqlite_url, "seed", "demo", "--if-empty")
    assert (code, output.strip()) == (0, "The store already has data; nothing loaded.")

    code, output = run(sqlite_url, "seed", "demo")
    assert code == 0
    assert output.startswith("Added nothing; already present: 500 customers")
    assert "History" not in output


@pytest.mark.usefixtures("env")
def test_seed_of_a_missing_folder_says_which_file(sqlite_url: str, tmp_path: Path) -> None:
    code, output = run(sqlite_url, "seed", str(tmp_path / "nowhere"))

    assert code == 1
    assert "users.json" in output


@pytest.mark.usefixtures("env")
def test_orders_show_prints_the_order_as_json(store_url: str) -> None:
    code, output = run(store_url, "orders", "show", "W2611340", "--json")

    assert code == 0, output
    order = json.loads(output)
    assert order["order_id"] == "#W2611340"
    assert order["customer_id"] == "james_li_5688"
    assert [item["name"] for item in order["items"]] == ["Water Bottle", "Office Chair"]
    assert order["tracking_ids"] == ["357962501027"]
    assert order["status"] == "processed"
    assert order["shipping_address"]["city"] == "New York"
    assert order["fulfilments"] == [
        {"tracking_ids": ["357962501027"], "item_ids": ["6469567736", "8426249116"]}
    ]
    assert order["payments"] == [
        {"kind": "payment", "amount": "536.65", "payment_method_id": "gift_card_1725971"}
    ]


@pytest.mark.usefixtures("env")
def test_customers_show_prints_the_default_address_and_gift_card_balances(
    store_url: str,
) -> None:
    code, output = run(store_url, "customers", "show", "james_li_5688", "--json")

    assert code == 0, output
    customer = json.loads(output)
    assert customer["default_address"]["zip"] == "10083"
    gift_card = next(m for m in customer["payment_methods"] if m["source"] == "gift_card")
    assert gift_card["id"] == "gift_card_1725971"
    assert gift_card["balance"] is not None
    assert "#W2611340" in [order["order_id"] for order in customer["orders"]]

    code, output = run(store_url, "customers", "show", "nobody_1")
    assert code == 1
    assert "No customer nobody_1." in output


@pytest.mark.usefixtures("env")
def test_an_unknown_order_is_a_clear_error(store_url: str) -> None:
    code, output = run(store_url, "orders", "show", "#W0000000")

    assert code == 1
    assert "Order #W0000000 was not found." in output


@pytest.mark.usefixtures("env")
def test_returns_list_and_show_use_the_documented_json_shape(store_url: str) -> None:
    rma = make_return(store_url)

    code, output = run(store_url, "returns", "list", "--json")
    assert code == 0, output
    listed = json.loads(output)
    assert [ret["rma"] for ret in listed] == [rma]

    code, output = run(store_url, "returns", "show", rma.lower(), "--json")
    assert code == 0, output
    shown = json.loads(output)
    assert shown == listed[0]
    documented = {
        "rma", "order_id", "customer_id", "status", "items", "resolution",
        "refund_payment_method_id", "exchange_item_ids", "method", "refund_amount", "created_at",
    }  # fmt: skip
    assert documented <= set(shown)
    assert set(shown["items"][0]) >= {"item_id", "product_id", "reason_code"}
    assert shown["status"] == "awaiting_shipment"

    code, output = run(store_url, "returns", "list", "--customer", "nobody", "--json")
    assert (code, json.loads(output)) == (0, [])


@pytest.mark.usefixtures("env")
def test_returns_advance_follows_the_lifecycle_and_refuses_skipping(store_url: str) -> None:
    rma = make_return(store_url)

    code, output = run(store_url, "returns", "advance", rma, "--to", "refunded")
    assert code == 1
    assert "cannot become refunded" in output

    for status in ("in_transit", "received", "refunded", "closed"):
        code, output = run(store_url, "returns", "advance", rma, "--to", status, "--json")
        assert code == 0, output
        assert json.loads(output)["status"] == status

    code, output = run(store_url, "returns", "show", rma)
    assert f"{rma}  {ReturnStatus.CLOSED.value}" in output


@pytest.mark.usefixtures("env")
def test_returns_reject_needs_a_return_under_review(store_url: str) -> None:
    rma = make_return(store_url)

    code, output = run(store_url, "returns", "reject", rma, "--reason", "worn")

    assert code == 1
    assert "cannot become rejected" in output


def test_a_database_without_tables_asks_for_an_upgrade(env: None, tmp_path: Path) -> None:
    empty = f"sqlite+aiosqlite:///{tmp_path / 'never-upgraded.db'}"
    for command in (["seed", "demo"], ["orders", "show", "#W2611340"], ["returns", "list"]):
        code, output = run(empty, *command)
        assert code == 1, command
        assert "has no tables yet: run `returndesk db upgrade`" in output, command


def run_with_input(database_url: str, text: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(
        app, list(args), input=text, env={"RETURNDESK_DATABASE_URL": database_url}
    )
    return result.exit_code, result.output


@pytest.mark.usefixtures("env")
def test_staff_accounts_are_managed_from_the_command_line(store_url: str) -> None:
    password = "correct horse battery staple\n"

    code, output = run_with_input(
        store_url, password, "staff", "add", "Ana@Example.com", "--name", "Ana Ruiz",
        "--role", "admin", "--password-stdin",
    )  # fmt: skip
    assert (code, output.strip()) == (0, "Added ana@example.com (admin).")

    code, output = run_with_input(
        store_url, "short\n", "staff", "add", "bo@example.com", "--name", "Bo", "--password-stdin"
    )
    assert code == 1
    assert "at least 12 characters" in output

    code, output = run(
        store_url, "staff", "add", "bo@example.com", "--name", "Bo", "--role", "boss"
    )
    assert code == 2

    code, output = run(store_url, "staff", "disable", "ana@example.com")
    assert (code, output.strip()) == (0, "Disabled ana@example.com.")
    code, output = run_with_input(
        store_url, password, "staff", "reset-password", "ana@example.com", "--password-stdin"
    )
    assert (code, output.strip()) == (0, "New password set for ana@example.com.")

    code, output = run(store_url, "staff", "list", "--json")
    assert code == 0, output
    [member] = json.loads(output)
    assert member["email"] == "ana@example.com"
    assert member["role"] == "admin"
    assert member["disabled"] is True
    assert "password" not in json.dumps(member)


@pytest.mark.usefixtures("env")
def test_audit_list_shows_each_move_and_account_change_newest_first(store_url: str) -> None:
    rma = make_return(store_url)
    run(store_url, "returns", "advance", rma, "--to", "in_transit", "--note", "scanned")
    run_with_input(
        store_url, "correct horse battery staple\n", "staff", "add", "bo@example.com",
        "--name", "Bo", "--password-stdin",
    )  # fmt: skip
    run(store_url, "returns", "advance", rma, "--to", "refunded")

    code, output = run(store_url, "audit", "list", "--json")

    assert code == 0, output
    entries = json.loads(output)
    assert [(e["action"], e["subject"]) for e in entries] == [
        ("staff.added", "bo@example.com"),
        ("return.moved", rma),
    ]
    assert entries[1]["detail"] == {
        "from": "awaiting_shipment",
        "to": "in_transit",
        "note": "scanned",
    }
    assert entries[1]["staff_email"] is None
    code, output = run(store_url, "audit", "list", "--subject", rma)
    assert code == 0
    assert f"command line  return.moved  {rma}" in output
    assert "bo@example.com" not in output


@pytest.mark.usefixtures("env")
def test_make_run_gets_one_demo_admin_in_development_with_its_password_shown_once(
    store_url: str,
) -> None:
    code, output = run(store_url, "staff", "demo-admin")
    assert code == 0, output
    password = output.strip().rsplit(" ", 1)[-1]
    assert output.startswith("Staff console: sign in as admin@example.com with password ")

    code, again = run(store_url, "staff", "demo-admin")
    assert (code, again) == (0, "")

    async def signs_in() -> bool:
        storage = SqlStorage(store_url)
        try:
            ops = Operations(storage, load_policy())
            return await check_password(ops, "admin@example.com", password) is not None
        finally:
            await storage.close()

    assert asyncio.run(signs_in())

    result = runner.invoke(
        app,
        ["staff", "demo-admin"],
        env={"RETURNDESK_DATABASE_URL": store_url, "RETURNDESK_ENVIRONMENT": "production",
             "RETURNDESK_SECRET_KEY": "a-real-secret-for-this-test-only-0123456789"},
    )  # fmt: skip
    assert result.output.strip() == "A demo admin is made in development only."
