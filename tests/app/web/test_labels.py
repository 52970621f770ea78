"""The printable label is there for the shopper who made the return, and nobody else."""

from __future__ import annotations

from returndesk.operations.context import Operations
from tests.support.demo import find_line, ordinary, returns_of
from tests.support.flows import to_summary
from tests.support.shopper import Shopper, ShopperFactory


async def test_the_label_opens_for_its_shopper_only(
    shopper: Shopper, new_shopper: ShopperFactory, ops: Operations
) -> None:
    pick = await find_line(ops, ordinary)
    await to_summary(shopper, pick)
    await shopper.click("Confirm return")
    [ret] = await returns_of(ops, pick.customer.id)

    mine = await shopper.client.http.get(f"/returns/{ret.rma}/label")
    stranger = await (await new_shopper()).client.http.get(f"/returns/{ret.rma}/label")
    unknown = await shopper.client.http.get("/returns/R-NOSUCH00/label")

    assert mine.status_code == 200
    assert ret.rma in mine.text
    assert ret.shipment is not None
    assert getattr(ret.shipment, "tracking_number", "") in mine.text
    assert stranger.status_code == 404
    assert ret.rma in stranger.json()["error"]["message"]
    # A stranger learns no more than about a return that does not exist.
    assert unknown.status_code == 404
    assert stranger.json()["error"]["message"].replace(ret.rma, "R") == unknown.json()["error"][
        "message"
    ].replace("R-NOSUCH00", "R")
