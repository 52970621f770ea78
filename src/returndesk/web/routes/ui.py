"""The built web UI and the branding it applies on load."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.responses import FileResponse, HTMLResponse

from returndesk.web.state import app_state

STATIC_DIR = Path(str(files("returndesk.web") / "static"))

router = APIRouter()

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>ReturnDesk</title></head><body><main>
<h1>ReturnDesk is running</h1>
<p>The web UI has not been built. Run <code>make run</code>, which builds it,
or talk to <code>POST /chatkit</code> directly.</p></main></body></html>"""


@router.get("/api/branding")
async def branding(request: Request) -> dict[str, str | None]:
    settings = app_state(request).settings
    return {
        "name": settings.brand_name,
        "tagline": settings.brand_tagline,
        "logo_url": settings.brand_logo_url,
        "primary_color": settings.brand_primary_color,
        "favicon_url": settings.brand_favicon_url,
    }


def mount_ui(app: FastAPI) -> None:
    index = STATIC_DIR / "index.html"
    if (STATIC_DIR / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=STATIC_DIR / "assets"), name="assets")

    @app.get("/", include_in_schema=False, response_model=None)
    async def home() -> FileResponse | HTMLResponse:
        if index.is_file():
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        return HTMLResponse(NOT_BUILT)

    @app.get("/branding.css", include_in_schema=False, response_model=None)
    async def branding_css() -> FileResponse | HTMLResponse:
        css = STATIC_DIR / "branding.css"
        if css.is_file():
            return FileResponse(css, media_type="text/css")
        return HTMLResponse("", media_type="text/css")


@router.get("/api/usage")
async def usage(request: Request) -> dict[str, int]:
    """How much this process used the hosted language model, and what it answered offline."""
    return app_state(request).usage.snapshot()
