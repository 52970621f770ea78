"""The one place where ReturnDesk's errors become HTTP answers."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from returndesk.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidCredentials,
    InvalidRequest,
    InvalidToken,
    NotFound,
    RequestTooLarge,
    ReturnDeskError,
    ServiceBusy,
    TooManyAttempts,
)
from returndesk.telemetry import ERRORS

logger = logging.getLogger(__name__)

STATUS_BY_ERROR: list[tuple[type[ReturnDeskError], int, str]] = [
    (RequestTooLarge, 413, "too_large"),
    (InvalidRequest, 400, "invalid_request"),
    (TooManyAttempts, 429, "too_many_attempts"),
    (ServiceBusy, 503, "busy"),
    (InvalidToken, 401, "invalid_token"),
    (InvalidCredentials, 401, "invalid_credentials"),
    (Forbidden, 403, "forbidden"),
    (NotFound, 404, "not_found"),
    (Conflict, 409, "conflict"),
    (DomainError, 422, "not_allowed"),
]


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def response_for(error: ReturnDeskError) -> JSONResponse:
    for error_type, status, code in STATUS_BY_ERROR:
        if isinstance(error, error_type):
            return error_response(status, code, error.message)
    logger.error("unmapped error: %s", error)
    return error_response(500, "internal_error", "Something went wrong on our side.")


def install_error_handlers(app: FastAPI) -> None:
    async def on_returndesk_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ReturnDeskError)
        return response_for(exc)

    async def on_http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        return error_response(exc.status_code, "http_error", str(exc.detail))

    async def on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid"}
        location = ".".join(str(part) for part in first.get("loc", ()))
        return error_response(400, "invalid_request", f"{location}: {first.get('msg')}")

    async def on_unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # Details go to the log, never to the client.
        logger.exception("unhandled error", exc_info=exc)
        ERRORS.labels("unhandled").inc()
        return error_response(500, "internal_error", "Something went wrong on our side.")

    app.add_exception_handler(ReturnDeskError, on_returndesk_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)
