"""The staff dashboard's figures over a period, as JSON and each table as a CSV download."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from returndesk.errors import NotFound
from returndesk.operations.analytics import Analytics, analytics, period
from returndesk.operations.analytics_views import analytics_json, analytics_tables
from returndesk.web.routes.staff import query_day, signed_in
from returndesk.web.state import app_state

router = APIRouter(prefix="/staff/api/analytics")


async def _figures(request: Request) -> Analytics:
    state = app_state(request)
    await signed_in(request, state)
    ops = state.server.conversation.ops
    asked = period(
        query_day(request.query_params, "from"),
        query_day(request.query_params, "to"),
        today=ops.clock().date(),
    )
    return await analytics(ops, asked)


@router.get("")
async def dashboard(request: Request) -> dict[str, Any]:
    return analytics_json(await _figures(request))


@router.get("/{table}.csv")
async def table_csv(request: Request, table: str) -> Response:
    figures = await _figures(request)
    tables = analytics_tables(figures)
    if table not in tables:
        raise NotFound(f"There is no table {table[:40]!r}; there are: {', '.join(tables)}.")
    header, rows = tables[table]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    name = f"returndesk-{table}-{figures.period.first}-{figures.period.last}.csv"
    return Response(
        text.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
