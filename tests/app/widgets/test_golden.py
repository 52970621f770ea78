"""Each widget of a return, as the shopper receives it, against a reviewed JSON file.

Run with UPDATE_GOLDEN=1 to rewrite the files after an intended change, then
read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from returndesk.operations.context import Operations
from tests.support.demo import dearer_variant, find_line, ordinary
from tests.support.flows import verify
from tests.support.shopper import Shopper

GOLDEN = Path(__file__).parent / "golden"
RMA = re.compile(r"R-[0-9A-Z]{8}")


def normalised(widget: dict[str, Any]) -> str:
    """The widget with what changes from run to run (tokens, return numbers) blanked out."""
    text = json.dumps(widget, indent=2, sort_keys=True)
    text = re.sub(r'"token": "[^"]*"', '"token": "<token>"', text)
    return RMA.sub("R-XXXXXXXX", text) + "\n"


def check(name: str, shopper: Shopper) -> None:
    path = GOLDEN / f"{name}.json"
    actual = normalised(shopper.widget)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual)
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(), f"{name} widget differs from {path.name}"


@pytest.fixture(params=["sqlite"])
def demo_database_url(request: pytest.FixtureRequest, demo_sqlite_url: str) -> str:
    """One database is enough: the widgets do not depend on it."""
    return demo_sqlite_url


async def test_the_widgets_of_a_refund(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(
        ops, lambda p: ordinary(p) and not p.product.hygiene_sealed and p.line.price >= 20
    )
    check("verify_form", shopper)
    await verify(shopper, pick.customer)
    check("main_menu", shopper)
    await shopper.click("Return or exchange items")
    check("item_picker", shopper)
    await shopper.submit(shopper.form_with(pick.order.id), {f"qty:{pick.line.item_id}": True})
    check("reason_picker", shopper)
    await shopper.click("Changed my mind")
    check("retention_offer", shopper)
    await shopper.click("No thanks")
    check("resolution_picker", shopper)
    await shopper.click("Refund")
    check("method_picker", shopper)
    await shopper.click("Schedule a pickup")
    check("return_summary", shopper)
    await shopper.click("Confirm return")
    check("return_confirmation", shopper)


async def test_the_widgets_of_an_exchange(shopper: Shopper, ops: Operations) -> None:
    pick = await find_line(
        ops,
        lambda p: ordinary(p) and not p.product.hygiene_sealed and dearer_variant(p) is not None,
    )
    item_id = dearer_variant(pick)
    await verify(shopper, pick.customer)
    await shopper.click("Return or exchange items")
    await shopper.submit(shopper.form_with(pick.order.id), {f"qty:{pick.line.item_id}": True})
    await shopper.click("Defective")
    await shopper.click("Exchange")
    check("variant_picker", shopper)
    choose = next(
        b for b in shopper.buttons() if b["onClickAction"]["payload"].get("item_id") == item_id
    )
    await shopper.send(choose["onClickAction"])
    check("payment_picker", shopper)
