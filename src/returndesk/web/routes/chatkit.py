"""The ChatKit endpoint: one POST, answered as JSON or as a server-sent event stream."""

from __future__ import annotations

from chatkit.server import StreamingResult
from fastapi import APIRouter, Request
from starlette.responses import Response, StreamingResponse

from returndesk.chat.context import RequestContext
from returndesk.web.state import app_state

router = APIRouter()


@router.post("/chatkit")
async def chatkit_endpoint(request: Request) -> Response:
    state = app_state(request)
    visitor = state.identity.visitor(request)
    context = RequestContext(owner_id=visitor.owner_id)
    result = await state.server.process(await request.body(), context)
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
