"""Steps every click-driven test takes, written once."""

from __future__ import annotations

from returndesk.domain import Customer
from tests.support.demo import Pick
from tests.support.shopper import Shopper


async def verify(shopper: Shopper, customer: Customer) -> None:
    await shopper.submit(shopper.form_with("email"), {"email": customer.email})
    assert f"Thanks, {customer.first_name}" in shopper.said


async def choose_items(shopper: Shopper, pick: Pick, *more: Pick) -> None:
    """From the menu, start a return and tick the given lines of one order."""
    await shopper.click("Return or exchange items")
    values = {f"qty:{p.line.item_id}": True for p in (pick, *more)}
    await shopper.submit(shopper.form_with(f"from {pick.order.id}"), values)


async def to_summary(shopper: Shopper, pick: Pick, method: str = "Print a prepaid label") -> None:
    """Verify, pick one line, call it defective, ask for a refund and choose `method`."""
    await verify(shopper, pick.customer)
    await choose_items(shopper, pick)
    await shopper.click("Defective")
    await shopper.click("Refund")
    await shopper.click(method)
