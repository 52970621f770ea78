"""Liveness and readiness for load balancers and orchestrators."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import JSONResponse

from returndesk.errors import SchemaNotCurrent
from returndesk.store.migrate import check_schema
from returndesk.web.state import app_state

router = APIRouter()


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    try:
        # Reading the schema's revision also proves the database answers.
        await check_schema(app_state(request).engine)
    except SchemaNotCurrent as exc:
        return JSONResponse({"status": "unavailable", "detail": exc.message}, status_code=503)
    except (SQLAlchemyError, OSError) as exc:
        return JSONResponse(
            {"status": "unavailable", "detail": f"database unreachable: {type(exc).__name__}"},
            status_code=503,
        )
    return JSONResponse({"status": "ready"})
