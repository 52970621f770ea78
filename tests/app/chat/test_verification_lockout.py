"""Repeated failed verifications lock verification for a while, whatever the thread."""

from __future__ import annotations

from returndesk.operations.context import Operations
from tests.support.demo import find_line, ordinary
from tests.support.shopper import Shopper, ShopperFactory

LOCKED = "too many attempts"


async def fail(shopper: Shopper, times: int) -> None:
    for n in range(times):
        await shopper.submit(shopper.form_with("email"), {"email": f"nobody{n}@example.com"})


async def test_five_failures_lock_the_visitor_out_even_with_the_right_email(
    shopper: Shopper, new_shopper: ShopperFactory, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)

    await fail(shopper, 5)
    await shopper.submit(shopper.form_with("email"), {"email": pick.customer.email})

    assert LOCKED in shopper.said.lower()
    assert pick.customer.first_name not in shopper.said
    # A new thread in the same browser is locked too: the count is per visitor.
    second = await new_shopper()
    second.client.http.cookies.update(shopper.client.http.cookies)
    await second.start()
    await second.submit(second.form_with("email"), {"email": pick.customer.email})
    assert LOCKED in second.said.lower()


async def test_a_success_before_the_limit_clears_the_count(
    shopper: Shopper, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)

    await fail(shopper, 4)
    await shopper.submit(shopper.form_with("email"), {"email": pick.customer.email})

    assert f"Thanks, {pick.customer.first_name}" in shopper.said
