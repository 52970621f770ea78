"""Liveness and readiness for load balancers and orchestrators."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import JSONResponse

from returndesk.errors import SchemaNotCurrent
from returndesk.store.db import reading_connection
from returndesk.store.migrate import check_schema
from returndesk.web.state import app_state

router = APIRouter()


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    engine = app_state(request).engine
    try:
        async with reading_connection(engine) as connection:
            await connection.execute(text("SELECT 1"))
        await check_schema(engine)
    except SchemaNotCurrent as exc:
        return JSONResponse({"status": "unavailable", "detail": exc.message}, status_code=503)
    except (SQLAlchemyError, OSError) as exc:
        return JSONResponse(
            {"status": "unavailable", "detail": f"database unreachable: {type(exc).__name__}"},
            status_code=503,
        )
    return JSONResponse({"status": "ready"})
