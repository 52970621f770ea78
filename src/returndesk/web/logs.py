"""Structured logs: one JSON object per line, carrying the request it belongs to.

On a terminal the same records read as text, their fields as `key=value`.
"""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar
from typing import Any, Literal

LogFormat = Literal["auto", "json", "text"]

# What every LogRecord carries; anything else on a record was passed as `extra`.
_STANDARD_FIELDS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
}

REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)


class RequestIdFilter(logging.Filter):
    """Stamps every record made while a request is served with that request's id."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


class WithoutColours(logging.Filter):
    """Drops uvicorn's `color_message`, a copy of the message with terminal colour codes."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.__dict__.pop("color_message", None)
        return True


class FieldsFormatter(logging.Formatter):
    """Text lines for people: the message, then the record's extra fields as key=value,
    then any traceback below them."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s  %(message)s", "%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        record.message = record.getMessage()
        record.asctime = self.formatTime(record, self.datefmt)
        fields = [
            f"{key}={value}"
            for key, value in vars(record).items()
            if key not in _STANDARD_FIELDS and value is not None
        ]
        line = " ".join([self.formatMessage(record), *fields])
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        if record.stack_info:
            line += "\n" + self.formatStack(record.stack_info)
        return line


def resolved_format(chosen: LogFormat) -> Literal["json", "text"]:
    if chosen != "auto":
        return chosen
    return "text" if sys.stderr.isatty() else "json"


def log_config(level: str, log_format: LogFormat = "json") -> dict[str, Any]:
    """A `logging.config.dictConfig` for the app and its server, in JSON or text lines."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": RequestIdFilter},
            "without_colours": {"()": WithoutColours},
        },
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
            "text": {"()": FieldsFormatter},
        },
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": resolved_format(log_format),
                "filters": ["request_id", "without_colours"],
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "returndesk": {"level": level.upper()},
            "uvicorn": {"level": level.upper()},
        },
        "root": {"handlers": ["stderr"], "level": "WARNING"},
    }
