"""Liveness and readiness for load balancers and orchestrators."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import JSONResponse

from returndesk.errors import SchemaNotCurrent
from returndesk.store.port.errors import Unavailable
from returndesk.web.state import app_state

router = APIRouter()


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    try:
        # Reading the schema's revision also proves the database answers.
        await app_state(request).storage.check_schema()
    except SchemaNotCurrent as exc:
        return JSONResponse({"status": "unavailable", "detail": exc.message}, status_code=503)
    except Unavailable as exc:
        return JSONResponse(
            {"status": "unavailable", "detail": f"database unreachable: {exc}"},
            status_code=503,
        )
    return JSONResponse({"status": "ready"})
