"""The staff dashboard's figures over a period, as JSON and each table as a CSV download."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from returndesk.errors import InvalidRequest, NotFound
from returndesk.operations.analytics import Analytics, analytics, period
from returndesk.operations.analytics_views import analytics_json, analytics_tables
from returndesk.web.routes.staff import signed_in
from returndesk.web.state import app_state

router = APIRouter(prefix="/staff/api/analytics")


def _day(request: Request, name: str) -> date | None:
    value = request.query_params.get(name)
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InvalidRequest(f"{name} must be a day written YYYY-MM-DD.") from None


async def _figures(request: Request) -> Analytics:
    state = app_state(request)
    await signed_in(request, state)
    ops = state.server.conversation.ops
    asked = period(_day(request, "from"), _day(request, "to"), today=ops.clock().date())
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
