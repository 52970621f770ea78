"""Turning a widget action into a flow event, trusting nothing but its shape.

Every action is `{"type": <event name>, "payload": {...}}`. The payload holds
the state token the widget was drawn with and the references the event
needs; anything else (a price, a customer id) is refused rather than ignored,
so a tampered click is answered plainly instead of half-applied. Form fields
arrive merged into the payload by name: `qty:<item id>` for quantities.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import MISSING, fields
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from returndesk.errors import ConfigurationError
from returndesk.flow.events import FlowEvent

TOKEN_FIELD = "token"
QUANTITY_PREFIX = "qty:"


class InvalidAction(ValueError):
    """The click cannot be understood; the message is safe to show."""


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


def _payload_model(event_type: type[FlowEvent]) -> type[BaseModel]:
    hints = get_type_hints(event_type)
    definitions: dict[str, Any] = {}
    for f in fields(event_type):
        if f.default is not MISSING:
            definitions[f.name] = (hints[f.name], f.default)
        elif f.default_factory is not MISSING:
            definitions[f.name] = (hints[f.name], Field(default_factory=f.default_factory))
        else:
            definitions[f.name] = (hints[f.name], ...)
    definitions[TOKEN_FIELD] = (str | None, None)
    return create_model(f"{event_type.__name__}Payload", __base__=_Payload, **definitions)


class EventCatalog:
    """Every event the registered use cases declare, by name, and how a click becomes one."""

    def __init__(self, event_types: Iterable[type[FlowEvent]]) -> None:
        self.types: dict[str, type[FlowEvent]] = {}
        for event_type in event_types:
            if event_type.name in self.types:
                raise ConfigurationError(f"event {event_type.name!r} is declared twice")
            self.types[event_type.name] = event_type
        self._models = {name: _payload_model(event) for name, event in self.types.items()}

    def event_from_action(
        self, action_type: str, payload: dict[str, Any]
    ) -> tuple[FlowEvent, str | None]:
        """The event and the state token the click was drawn with."""
        event_type = self.types.get(action_type)
        if event_type is None:
            raise InvalidAction("I don't recognise that choice.")
        values = dict(payload)
        if "quantities" in self._models[action_type].model_fields:
            values = _gather_quantities(values)
        try:
            parsed = self._models[action_type].model_validate(values)
        except ValidationError as exc:
            raise InvalidAction("That choice isn't valid; please use the options shown.") from exc
        data = parsed.model_dump()
        token = data.pop(TOKEN_FIELD)
        return event_type(**data), token


def _gather_quantities(values: dict[str, Any]) -> dict[str, Any]:
    """Form fields `qty:<item id>` become the `quantities` mapping; blanks count as zero.
    A single `line_nos` field arrives as text and counts as a list of one."""
    quantities: dict[str, int] = dict(values.pop("quantities", None) or {})
    for key in [key for key in values if key.startswith(QUANTITY_PREFIX)]:
        raw = values.pop(key)
        try:
            count = int(raw or 0)
        except (TypeError, ValueError) as exc:
            raise InvalidAction("Please choose how many of each item to return.") from exc
        if count:
            quantities[key.removeprefix(QUANTITY_PREFIX)] = count
    if quantities:
        values["quantities"] = quantities
    if "line_nos" in values and isinstance(values["line_nos"], list | str):
        line_nos = values["line_nos"]
        values["line_nos"] = [line_nos] if isinstance(line_nos, str) else line_nos
    return values
