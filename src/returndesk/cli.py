"""The `returndesk` command: serve the app, manage the database, look at orders and returns."""

from __future__ import annotations

import asyncio
import json
import secrets
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from returndesk.domain import ReturnStatus, format_money, load_policy
from returndesk.domain.audit import AuditEntry
from returndesk.domain.staff import StaffMember, StaffRole
from returndesk.errors import ReturnDeskError
from returndesk.operations.context import Operations, utc_now
from returndesk.operations.json_views import (
    audit_entry_json,
    customer_json,
    order_json,
    return_json,
    staff_json,
)
from returndesk.operations.queries import expire_overdue, return_status
from returndesk.operations.staff import advance_return, reject_return
from returndesk.operations.staff_accounts import (
    add_staff,
    disable_staff,
    list_staff,
    reset_password,
)
from returndesk.settings import Settings
from returndesk.store.backends import open_storage
from returndesk.store.port.returns import StoredReturn
from returndesk.store.port.seeding import HISTORY_DAYS
from returndesk.store.seed_format import demo_data_dir
from returndesk.web.logs import log_config
from returndesk.web.worker_metrics import shared_metrics

app = typer.Typer(
    help="ReturnDesk: a self-hosted returns and exchanges assistant.", no_args_is_help=True
)
db_app = typer.Typer(help="Create or migrate the database.", no_args_is_help=True)
orders_app = typer.Typer(help="Look at orders.", no_args_is_help=True)
customers_app = typer.Typer(help="Look at customers.", no_args_is_help=True)
staff_app = typer.Typer(help="The store's staff accounts for the console.", no_args_is_help=True)
returns_app = typer.Typer(help="Look at returns and move them along.", no_args_is_help=True)
audit_app = typer.Typer(help="What the store's staff did, and who.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(orders_app, name="orders")
app.add_typer(customers_app, name="customers")
app.add_typer(staff_app, name="staff")
app.add_typer(returns_app, name="returns")
app.add_typer(audit_app, name="audit")

T = TypeVar("T")
# Open requests get this long to finish when the server is stopped.
GRACEFUL_SHUTDOWN_SECONDS = 5

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _run(work: Callable[[Operations], Awaitable[T]]) -> T:
    """Run `work` with the configured database and policy; errors become a message and exit 1."""
    settings = Settings()

    async def main() -> T:
        storage = open_storage(**settings.storage_options())
        try:
            await storage.check_schema()
            return await work(Operations(storage, load_policy(settings.policy_file)))
        finally:
            await storage.close()

    try:
        return asyncio.run(main())
    except ReturnDeskError as exc:
        typer.secho(f"error: {exc.message}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from exc


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2))


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
) -> None:
    """Serve the chat UI and the ChatKit endpoint."""
    import uvicorn

    settings = Settings()
    processes = workers or settings.workers
    with shared_metrics(processes):
        uvicorn.run(
            "returndesk.web.app:create_app",
            factory=True,
            host=host or settings.host,
            port=port or settings.port,
            workers=processes,
            log_level=settings.log_level,
            log_config=log_config(settings.log_level, settings.log_format),
            # The app logs each request itself, with its type, thread and latency.
            access_log=False,
            # Live event streams never end by themselves: on shutdown they are cut after this.
            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create the database or bring its schema up to date."""
    settings = Settings()

    async def main() -> None:
        storage = open_storage(**settings.storage_options())
        try:
            await storage.upgrade()
        finally:
            await storage.close()

    try:
        asyncio.run(main())
    except ReturnDeskError as exc:
        typer.secho(f"error: {exc.message}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from exc
    typer.echo("Database is up to date.")


@app.command()
def seed(
    source: Annotated[str, typer.Argument(help="`demo`, or a folder holding the same files.")],
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing when customers already exist.")
    ] = False,
    no_history: Annotated[
        bool,
        typer.Option(
            "--no-history",
            help="With `demo`: skip the 90 days of past returns, exchanges and conversations.",
        ),
    ] = False,
) -> None:
    """Load store data: customers, products and orders (users/products/orders/overlay.json).

    `demo` also loads a past for the staff console: customers of its own with 90 days of
    returns, exchanges, cancellations and conversations (the same every time).
    """
    folder = demo_data_dir() if source == "demo" else Path(source)

    async def work(ops: Operations) -> str:
        if if_empty and not await ops.storage.is_empty():
            return "The store already has data; nothing loaded."
        now = utc_now()
        summary = (await ops.storage.seed(folder, now=now)).summary()
        if source == "demo" and not no_history:
            history = await ops.storage.seed_history(now=now, policy=ops.policy)
            if history.total:
                summary += f"\nHistory of the last {HISTORY_DAYS} days: {history.describe()}."
        return summary

    typer.echo(_run(work))


@orders_app.command("show")
def orders_show(order_id: str, as_json: JsonFlag = False) -> None:
    """An order with its items, tracking numbers and payments."""

    async def work(ops: Operations) -> dict[str, Any]:
        async with ops.storage.reading() as repositories:
            return order_json(await repositories.orders.get(order_id))

    data = _run(work)
    if as_json:
        _print_json(data)
        return
    typer.echo(f"{data['order_id']}  {data['status']}  customer {data['customer_id']}")
    for item in data["items"]:
        options = ", ".join(f"{k} {v}" for k, v in item["options"].items())
        sale = "  final sale" if item["final_sale"] else ""
        typer.echo(f"  {item['line_no']}. {item['name']} ({options})  ${item['price']}{sale}")
    if data["shipping_address"]:
        typer.echo("  ships to: " + _one_line(data["shipping_address"]))
    if data["tracking_ids"]:
        typer.echo("  tracking: " + ", ".join(data["tracking_ids"]))
    for payment in data["payments"]:
        typer.echo(f"  {payment['kind']}: ${payment['amount']} ({payment['payment_method_id']})")


def _one_line(address: dict[str, str]) -> str:
    street = ", ".join(part for part in (address["address1"], address["address2"]) if part)
    return f"{street}, {address['city']}, {address['state']} {address['zip']}, {address['country']}"


@customers_app.command("show")
def customers_show(customer_id: str, as_json: JsonFlag = False) -> None:
    """A customer with their default address, payment methods and orders."""

    async def work(ops: Operations) -> dict[str, Any]:
        async with ops.storage.reading() as repositories:
            customer = await repositories.customers.get(customer_id)
            return customer_json(customer, await repositories.orders.customer_orders(customer.id))

    data = _run(work)
    if as_json:
        _print_json(data)
        return
    typer.echo(f"{data['customer_id']}  {data['first_name']} {data['last_name']}  {data['email']}")
    if data["default_address"]:
        typer.echo("  default address: " + _one_line(data["default_address"]))
    for method in data["payment_methods"]:
        balance = "" if method["balance"] is None else f"  balance ${method['balance']}"
        typer.echo(f"  {method['id']} ({method['source']}){balance}")
    for order in data["orders"]:
        typer.echo(f"  {order['order_id']}  {order['status']}")


@returns_app.command("list")
def returns_list(
    as_json: JsonFlag = False,
    customer: Annotated[str | None, typer.Option("--customer", help="Customer id.")] = None,
) -> None:
    """Returns, newest first."""

    async def work(ops: Operations) -> list[StoredReturn]:
        async with ops.storage.reading() as repositories:
            return list(await repositories.returns.newest_first(customer_id=customer))

    returns = _run(work)
    if as_json:
        _print_json([return_json(ret) for ret in returns])
        return
    if not returns:
        typer.echo("No returns.")
    for ret in returns:
        typer.echo(
            f"{ret.rma}  {ret.status.value:<17} {ret.order_id}  {ret.customer_id}  "
            f"{ret.resolution.value:<18} {format_money(ret.refund_amount)}"
        )


def _show(ret: StoredReturn, next_step: str | None, as_json: bool) -> None:
    if as_json:
        _print_json(return_json(ret))
        return
    typer.echo(f"{ret.rma}  {ret.status.value}  order {ret.order_id}  customer {ret.customer_id}")
    for line in ret.lines:
        exchange = f" -> {line.exchange_item_id}" if line.exchange_item_id else ""
        typer.echo(f"  line {line.line_no}: item {line.item_id} {line.reason.value}{exchange}")
    method = ret.method.value if ret.method else "nothing to send back"
    typer.echo(f"  {ret.resolution.value}, {method}, amount {format_money(ret.refund_amount)}")
    for event in ret.events:
        before = event.from_status.value if event.from_status else "-"
        note = f"  ({event.note})" if event.note else ""
        change = f"{before} -> {event.to_status.value}"
        typer.echo(f"  {event.at:%Y-%m-%d %H:%M} {event.actor.value}: {change}{note}")
    if next_step:
        typer.echo(f"  next: {next_step}")


@returns_app.command("show")
def returns_show(rma: str, as_json: JsonFlag = False) -> None:
    """One return with its history."""
    report = _run(lambda ops: return_status(ops, rma))
    _show(report.ret, report.next_step, as_json)


@returns_app.command("advance")
def returns_advance(
    rma: str,
    to: Annotated[ReturnStatus, typer.Option("--to", help="The status to move the return to.")],
    note: Annotated[str | None, typer.Option(help="Why, kept in the history.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Move a return to its next status; the lifecycle refuses moves it does not allow."""
    _show(_run(lambda ops: advance_return(ops, rma, to, note=note)), None, as_json)


@returns_app.command("reject")
def returns_reject(
    rma: str,
    reason: Annotated[str, typer.Option("--reason", help="Why, kept in the history.")],
    as_json: JsonFlag = False,
) -> None:
    """Reject a return waiting for review."""
    _show(_run(lambda ops: reject_return(ops, rma, reason=reason)), None, as_json)


@returns_app.command("expire")
def returns_expire() -> None:
    """Expire returns whose items were not sent in time."""
    expired = _run(expire_overdue)
    typer.echo(
        f"Expired {len(expired)} return(s)." + ("" if not expired else " " + ", ".join(expired))
    )


PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from the first line of stdin."),
]


def _new_password(from_stdin: bool) -> str:
    """The password typed twice at a hidden prompt, or the first line of stdin for scripts."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


@staff_app.command("add")
def staff_add(
    email: str,
    name: Annotated[str, typer.Option("--name", help="The name shoppers and colleagues see.")],
    role: Annotated[StaffRole, typer.Option("--role", help="agent, or admin.")] = StaffRole.AGENT,
    password_stdin: PasswordStdin = False,
) -> None:
    """Add a staff member who can sign in to the console."""
    password = _new_password(password_stdin)

    async def work(ops: Operations) -> StaffMember:
        return await add_staff(ops, email=email, name=name, role=role, password=password)

    member = _run(work)
    typer.echo(f"Added {member.email} ({member.role.value}).")


@staff_app.command("list")
def staff_list(as_json: JsonFlag = False) -> None:
    """Every staff member, by email."""
    members = _run(list_staff)
    if as_json:
        _print_json([staff_json(member) for member in members])
        return
    for member in members:
        state = "  disabled" if member.disabled else ""
        typer.echo(f"{member.email}  {member.name}  {member.role.value}{state}")


@staff_app.command("disable")
def staff_disable(email: str) -> None:
    """Stop a staff member signing in; what they did keeps their name."""

    async def work(ops: Operations) -> StaffMember:
        return await disable_staff(ops, email)

    typer.echo(f"Disabled {_run(work).email}.")


@staff_app.command("reset-password")
def staff_reset_password(email: str, password_stdin: PasswordStdin = False) -> None:
    """Set a new password for a staff member."""
    password = _new_password(password_stdin)

    async def work(ops: Operations) -> StaffMember:
        return await reset_password(ops, email, password)

    typer.echo(f"New password set for {_run(work).email}.")


DEMO_ADMIN_EMAIL = "admin@example.com"


@staff_app.command("demo-admin")
def staff_demo_admin() -> None:
    """In development only: an admin to try the console with, when there is no staff yet.
    Its password is new each time one is made and printed this once."""
    if Settings().environment != "development":
        typer.echo("A demo admin is made in development only.")
        return
    password = secrets.token_urlsafe(12)

    async def work(ops: Operations) -> StaffMember | None:
        if await list_staff(ops):
            return None
        return await add_staff(
            ops, email=DEMO_ADMIN_EMAIL, name="Demo admin", role=StaffRole.ADMIN, password=password
        )

    if _run(work) is not None:
        typer.echo(f"Staff console: sign in as {DEMO_ADMIN_EMAIL} with password {password}")


@audit_app.command("list")
def audit_list(
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="How many, newest first.")] = 100,
    subject: Annotated[
        str | None, typer.Option(help="Only about this: a return number or an email.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """The audit log, newest first: who moved which return, managed which account."""

    async def work(ops: Operations) -> Sequence[AuditEntry]:
        async with ops.storage.reading() as repositories:
            return await repositories.audit.entries(limit=limit, subject=subject)

    entries = _run(work)
    if as_json:
        _print_json([audit_entry_json(entry) for entry in entries])
        return
    if not entries:
        typer.echo("Nothing recorded.")
    for entry in entries:
        who = entry.staff_email or "command line"
        typer.echo(f"{entry.at:%Y-%m-%d %H:%M}  {who}  {entry.action.value}  {entry.subject}")
