"""How much one ChatKit request may carry: nesting depth, message length, items chosen at once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from chatkit.types import (
    ChatKitReq,
    ThreadsAddUserMessageReq,
    ThreadsCreateReq,
    ThreadsCustomActionReq,
)

from returndesk.errors import InvalidRequest
from returndesk.untrusted_json import JsonLimits


@dataclass(frozen=True, slots=True)
class Limits:
    max_message_chars: int
    max_items: int
    max_json_depth: int

    @property
    def json(self) -> JsonLimits:
        return JsonLimits(max_depth=self.max_json_depth, max_text_chars=self.max_message_chars)


def check_limits(request: ChatKitReq, limits: Limits) -> None:
    """Raise InvalidRequest (a 400) naming the limit a request breaks."""
    match request:
        case ThreadsCreateReq() | ThreadsAddUserMessageReq():
            text = "".join(getattr(part, "text", "") for part in request.params.input.content)
            if len(text) > limits.max_message_chars:
                raise InvalidRequest(
                    f"Messages can be at most {limits.max_message_chars} characters long."
                )
        case ThreadsCustomActionReq():
            payload = request.params.action.payload
            if not isinstance(payload, dict):
                return
            if _count_items(payload) > limits.max_items:
                raise InvalidRequest(
                    f"At most {limits.max_items} items can be chosen in one request."
                )
        case _:
            pass


def _count_items(payload: dict[str, Any]) -> int:
    """Entries of lists and maps, plus form fields naming one item each (`qty:<item id>`)."""
    fields = sum(1 for key in payload if key.startswith("qty:"))
    return fields + sum(len(value) for value in _collections(payload))


def _collections(payload: dict[str, Any]) -> Iterator[list[Any] | dict[str, Any]]:
    for value in payload.values():
        if isinstance(value, list | dict):
            yield value
