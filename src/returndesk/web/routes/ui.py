"""The web page at `/` and the branding it applies on load.

`RETURNDESK_UI=returndesk` (the default) serves ReturnDesk's own UI, built
from frontend/ into static/; it needs nothing from the internet.
`RETURNDESK_UI=chatkit-js` serves a small page that loads OpenAI's ChatKit
web component from OpenAI's CDN and points it at the same `/chatkit`
endpoint, with the configured domain key.
"""

from __future__ import annotations

import json
from html import escape
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.responses import FileResponse, HTMLResponse, Response

from returndesk.errors import NotFound
from returndesk.settings import Settings
from returndesk.web.security import CHATKIT_SCRIPT_URL
from returndesk.web.state import app_state

STATIC_DIR = Path(str(files("returndesk.web") / "static"))
CHATKIT_JS_DIR = Path(str(files("returndesk.web") / "chatkit_js"))

router = APIRouter()

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>ReturnDesk</title></head><body><main>
<h1>ReturnDesk is running</h1>
<p>The web UI has not been built. Run <code>make run</code>, which builds it,
or talk to <code>POST /chatkit</code> directly.</p></main></body></html>"""

# The same suggestions as the built-in UI's empty screen.
STARTER_PROMPTS = (
    {"label": "Return", "prompt": "I'd like to return an item"},
    {"label": "Exchange", "prompt": "I want to exchange something for another size"},
    {"label": "Cancel", "prompt": "Please cancel my order"},
    {"label": "Track", "prompt": "Where is my return?"},
)

NO_CACHE = {"Cache-Control": "no-cache"}


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


def chatkit_js_page(settings: Settings) -> str:
    """The page for OpenAI's `<openai-chatkit>` element, configured for this server."""
    config: dict[str, Any] = {
        "apiUrl": "/chatkit",
        "domainKey": settings.chatkit_domain_key,
        "name": settings.brand_name,
        "tagline": settings.brand_tagline,
        "primaryColor": settings.brand_primary_color,
        "prompts": list(STARTER_PROMPTS),
    }
    # Inside <script type="application/json">: no "</script>" or markup can break out.
    config_json = (
        json.dumps(config).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )
    favicon = (
        f'<link rel="icon" href="{escape(settings.brand_favicon_url)}" />'
        if settings.brand_favicon_url
        else ""
    )
    template = Template((CHATKIT_JS_DIR / "page.html").read_text(encoding="utf-8"))
    return template.substitute(
        title=escape(settings.brand_name),
        favicon=favicon,
        chatkit_script=CHATKIT_SCRIPT_URL,
        config=config_json,
    )


def mount_ui(app: FastAPI, settings: Settings) -> None:
    index = STATIC_DIR / "index.html"
    if (STATIC_DIR / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=STATIC_DIR / "assets"), name="assets")
    official = settings.ui == "chatkit-js"
    page = chatkit_js_page(settings) if official else ""
    if official:
        app.mount(
            "/chatkit-js", StaticFiles(directory=CHATKIT_JS_DIR / "assets"), name="chatkit-js"
        )

    @app.get("/", include_in_schema=False, response_model=None)
    async def home(request: Request) -> Response:
        response: Response
        if official:
            response = HTMLResponse(page, headers=NO_CACHE)
        elif index.is_file():
            response = FileResponse(index, headers=NO_CACHE)
        else:
            response = HTMLResponse(NOT_BUILT)
        # Name the visitor now: the page's first calls to /chatkit may go out
        # together, and each would otherwise be made a visitor of its own.
        identity = app_state(request).identity
        identity.remember(response, identity.visitor(request))
        return response

    staff_page = STATIC_DIR / "staff.html"

    # Every console address is the one page, which shows the part the path names; the
    # API routes, registered before, answer their own paths.
    @app.get("/staff", include_in_schema=False, response_model=None)
    @app.get("/staff/{page:path}", include_in_schema=False, response_model=None)
    async def staff_console(page: str = "") -> Response:
        if page == "api" or page.startswith("api/"):
            raise NotFound("There is no staff API at this address.")
        if staff_page.is_file():
            return FileResponse(staff_page, headers=NO_CACHE)
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
