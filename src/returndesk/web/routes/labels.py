"""The printable return label a prepaid-label return links to.

Only a visitor whose conversation verified the return's customer may open it;
anyone else is told it does not exist.
"""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from returndesk.domain import format_money
from returndesk.domain.shipping import PrepaidLabel
from returndesk.errors import NotFound
from returndesk.web.state import app_state

router = APIRouter()

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Return label {rma}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; }}
.label {{ border: 2px solid #000; padding: 1.5rem; max-width: 32rem; }}
.tracking {{ font: 700 1.6rem ui-monospace, monospace; letter-spacing: .15em; margin: 1rem 0; }}
dt {{ font-weight: 600; }} dd {{ margin: 0 0 .5rem; }}
@media print {{ button {{ display: none; }} }}
</style></head>
<body><main class="label">
<h1>{brand} return {rma}</h1>
<p>{carrier}, prepaid</p>
<p class="tracking">{tracking}</p>
<dl><dt>Order</dt><dd>{order}</dd><dt>Items</dt><dd>{items}</dd>
<dt>Refund</dt><dd>{amount}</dd></dl>
<p>Attach this label to the parcel and hand it to {carrier}.</p>
<button onclick="window.print()">Print</button>
</main></body></html>"""


@router.get("/returns/{rma}/label", response_class=HTMLResponse)
async def return_label(rma: str, request: Request) -> HTMLResponse:
    state = app_state(request)
    visitor = state.identity.visitor(request)
    async with state.storage.reading() as repositories:
        ret = await repositories.returns.get(rma)
        verified = await repositories.conversations.verified_as(visitor.owner_id, ret.customer_id)
    if not verified or not isinstance(ret.shipment, PrepaidLabel):
        # Said as for a return that does not exist, so return numbers cannot be probed.
        raise NotFound(f"Return {ret.rma} was not found.")
    label = ret.shipment
    return HTMLResponse(
        PAGE.format(
            brand=escape(state.settings.brand_name),
            rma=escape(ret.rma),
            carrier=escape(label.carrier),
            tracking=escape(label.tracking_number),
            order=escape(ret.order_id),
            items=len(ret.lines),
            amount=escape(format_money(ret.refund_amount)),
        )
    )
