"""Parsing and checking a ChatKit request before anything is streamed.

The SDK builds a TypeAdapter for every request (several milliseconds) and lets
validation errors and missing threads surface only once a stream has started.
Here the adapter is built once, and every reference a request makes is
resolved up front, so a bad request gets a clear 4xx instead of a cut stream.
"""

from __future__ import annotations

from typing import Any

from chatkit.store import NotFoundError, Store
from chatkit.types import (
    AttachmentsCreateReq,
    AttachmentsDeleteReq,
    ChatKitReq,
    InputTranscribeReq,
    ThreadsAddClientToolOutputReq,
    ThreadsAddStructuredInputReq,
    ThreadsCustomActionReq,
    ThreadsRetryAfterItemReq,
    ThreadsSyncCustomActionReq,
)
from pydantic import TypeAdapter, ValidationError

from returndesk.errors import InvalidRequest, NotFound
from returndesk.request_context import RequestContext
from returndesk.untrusted_json import JsonLimits, decode_json

CHATKIT_REQUEST = TypeAdapter[ChatKitReq](ChatKitReq)

KNOWN_REQUEST_TYPES = frozenset(
    {
        "threads.create",
        "threads.add_user_message",
        "threads.custom_action",
        "threads.add_client_tool_output",
        "threads.add_structured_input",
        "threads.retry_after_item",
        "threads.get_by_id",
        "threads.list",
        "threads.update",
        "threads.delete",
        "threads.sync_custom_action",
        "items.list",
        "items.feedback",
        "attachments.create",
        "attachments.delete",
        "input.transcribe",
    }
)

UNSUPPORTED = {
    # The assistant asks its questions with widgets, never with client tools or
    # structured-input items, so no request can answer one.
    ThreadsAddClientToolOutputReq: "This assistant does not use client tools.",
    ThreadsAddStructuredInputReq: "This assistant does not ask structured-input questions.",
    AttachmentsCreateReq: "This assistant does not accept file uploads.",
    AttachmentsDeleteReq: "This assistant does not accept file uploads.",
    InputTranscribeReq: "This assistant does not transcribe audio.",
    ThreadsSyncCustomActionReq: "Synchronous actions are not supported; use threads.custom_action.",
}


def parse_request(body: bytes, limits: JsonLimits) -> ChatKitReq:
    """The typed request, or InvalidRequest with a message a developer can act on."""
    raw = decode_json(body, limits)
    if not isinstance(raw, dict):
        raise InvalidRequest("The request body must be a JSON object with a 'type'.")
    request_type = raw.get("type")
    if not isinstance(request_type, str):
        raise InvalidRequest("The request has no 'type'.")
    if request_type not in KNOWN_REQUEST_TYPES:
        raise InvalidRequest(f"Unknown request type {request_type!r}.")
    try:
        return CHATKIT_REQUEST.validate_python(raw)
    except ValidationError as exc:
        raise InvalidRequest(_describe(exc, request_type)) from exc


def _describe(error: ValidationError, request_type: str) -> str:
    problems = []
    for detail in error.errors(include_url=False)[:5]:
        # The union's discriminator tag adds noise to every location.
        location = ".".join(str(part) for part in detail["loc"] if part != request_type)
        problems.append(f"{location or 'body'}: {detail['msg']}")
    return f"Invalid {request_type} request: " + "; ".join(problems)


async def check_references(
    request: ChatKitReq, store: Store[RequestContext], context: RequestContext
) -> None:
    """Raise NotFound for a thread or item that does not exist for this owner."""
    unsupported = UNSUPPORTED.get(type(request))
    if unsupported is not None:
        raise InvalidRequest(unsupported)
    params: Any = getattr(request, "params", None)
    thread_id = getattr(params, "thread_id", None)
    if thread_id is None:
        return
    item_id = _referenced_item(request)
    if item_id is not None and context.memo.active:
        # One read: the item's look-up proves the thread is the caller's first, and the
        # memo then says which of the two was missing.
        try:
            await store.load_item(thread_id, item_id, context)
        except NotFoundError as exc:
            if context.memo.owns(thread_id):
                raise NotFound(f"Item {item_id} was not found in thread {thread_id}.") from exc
            raise NotFound(f"Thread {thread_id} was not found.") from exc
        return
    try:
        await store.load_thread(thread_id, context)
    except NotFoundError as exc:
        raise NotFound(f"Thread {thread_id} was not found.") from exc
    if item_id is not None:
        try:
            await store.load_item(thread_id, item_id, context)
        except NotFoundError as exc:
            raise NotFound(f"Item {item_id} was not found in thread {thread_id}.") from exc


def _referenced_item(request: ChatKitReq) -> str | None:
    match request:
        case ThreadsCustomActionReq() | ThreadsRetryAfterItemReq():
            return request.params.item_id
        case _:
            return None
