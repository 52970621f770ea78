"""The ChatKit endpoint: one POST, answered as JSON or as a server-sent event stream."""

from __future__ import annotations

from chatkit.server import StreamingResult
from fastapi import APIRouter, Request
from starlette.responses import Response, StreamingResponse

from returndesk.errors import RequestTooLarge
from returndesk.request_context import RequestContext
from returndesk.web.identity import Visitor
from returndesk.web.state import AppState, app_state

router = APIRouter()


@router.post("/chatkit")
async def chatkit_endpoint(request: Request) -> Response:
    state = app_state(request)
    visitor = state.identity.visitor(request)
    body = await read_limited_body(request, state.settings.max_request_bytes)
    vouched = state.embedded.customer_id(request)
    context = RequestContext(
        owner_id=_owner_id(visitor, vouched),
        client_address=request.client.host if request.client else None,
        verified_customer_id=vouched,
        notes=request.scope.setdefault("returndesk", {}),
    )
    result = await state.server.process(body, context)
    response: Response
    if isinstance(result, StreamingResult):
        response = StreamingResponse(
            result,
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    else:
        response = Response(content=result.json, media_type="application/json")
    state.identity.remember(response, visitor)
    return response


def _owner_id(visitor: Visitor, vouched: str | None) -> str:
    # A customer vouched for by the store's site owns their threads on any device,
    # and a second customer in the same browser does not see the first one's.
    return f"customer:{vouched}" if vouched else visitor.owner_id


def owner_of(request: Request, state: AppState) -> str | None:
    """Whose threads this request may read, as the ChatKit endpoint decides; None: nobody's
    (a browser without our cookie owns no thread yet)."""
    vouched = state.embedded.customer_id(request)
    visitor = state.identity.visitor(request)
    if vouched is None and visitor.is_new:
        return None
    return _owner_id(visitor, vouched)


async def read_limited_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it grows past `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise RequestTooLarge(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise RequestTooLarge(limit)
    return bytes(body)
