"""The web app: server-rendered pages and a JSON API over one store, with ingest running in the background.

``create_app`` builds the FastAPI application; ``serve`` runs it with uvicorn on loopback unless told
otherwise. Safety is layered: templates autoescape everything, a strict Content-Security-Policy forbids
inline script and style, request bodies are capped while they stream in, cross-site form posts are
refused, and errors answer with a status and a message, never a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import uvicorn
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from corroborate.settings import DEFAULT_SETTINGS, Settings
from corroborate.web import views
from corroborate.web.jobs import JobQueue
from corroborate.web.service import Library

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    # Not no-referrer: under it Chromium sends "Origin: null" with form posts, which SameOrigin must refuse.
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


# ---- middleware ------------------------------------------------------------------------------------------------


class SecurityHeaders:
    """Adds the CSP and its companions to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    header for header in SECURITY_HEADERS if header[0] not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses a request body over ``limit`` bytes with 413, as it streams in: a declared Content-Length
    over the limit is refused at the first read, and an undeclared one as soon as it crosses the limit."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"0")
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if declared.isdigit() and int(declared) > self.limit:
                raise StarletteHTTPException(413, self.message())
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise StarletteHTTPException(413, self.message())
            return message

        await self.app(scope, limited_receive, send)

    def message(self) -> str:
        return (
            f"the upload is larger than the limit of {self.limit / 1024 / 1024:.0f} MB for one request: "
            "send fewer or smaller files, or ingest large crawls with the command line"
        )


class SameOrigin:
    """Refuses state-changing requests sent by another site's page (a cross-site form post to loopback)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            headers = dict(scope.get("headers", []))
            origin = headers.get(b"origin", b"").decode("latin-1")
            host = headers.get(b"host", b"").decode("latin-1")
            cross_site = headers.get(b"sec-fetch-site", b"") == b"cross-site"
            if cross_site or (origin and urlsplit(origin).netloc != host):
                response = JSONResponse({"status": 403, "message": "cross-site request refused"}, status_code=403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


# ---- errors ----------------------------------------------------------------------------------------------------


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"status": status, "message": message}, status_code=status)
    templates: jinja2.Environment = request.app.state.templates
    body = templates.get_template("error.html").render(request=request, status=status, message=message)
    return HTMLResponse(body, status_code=status)


async def on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    return error_response(request, error.status_code, str(error.detail))


async def on_validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [
        f"{'.'.join(str(part) for part in problem.get('loc', ()))}: {problem.get('msg', 'invalid')}"
        for problem in error.errors()
    ]
    return error_response(request, 422, "invalid request: " + "; ".join(problems))


async def on_unexpected_error(request: Request, error: Exception) -> Response:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
    return error_response(request, 500, "internal error; the server log has the details")


# ---- the application -------------------------------------------------------------------------------------------


def template_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.globals.update(
        article_href=views.article_href,
        citation_href=views.citation_href,
        external_url=views.external_url,
        date_span=views.date_span,
        snippet_parts=views.snippet_parts,
    )
    environment.filters["percent"] = lambda share: f"{share:.0%}"
    environment.filters["megabytes"] = lambda count: f"{count / 1024 / 1024:.0f} MB"
    return environment


def create_app(
    db_path: str, settings: Settings = DEFAULT_SETTINGS, *, allowed_hosts: Sequence[str] | None = None
) -> FastAPI:
    """The app over the store at ``db_path``; ``allowed_hosts`` guards against DNS rebinding when given."""
    from corroborate.web import api, pages

    library = Library(db_path, settings)
    library.store().ensure_search_index()
    jobs = JobQueue(library)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        jobs.start()
        # Briefs of a store filled by the CLI are computed now, so pages open without waiting.
        jobs.submit_refresh()
        yield
        jobs.stop()
        library.close()

    app = FastAPI(
        title="corroborate",
        summary="Which facts several news outlets share, which rest on one, and where they disagree.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.library = library
    app.state.jobs = jobs
    app.state.settings = settings
    app.state.templates = template_environment()
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected_error)
    app.add_middleware(BodyLimit, limit=settings.web.max_request_bytes)
    app.add_middleware(SameOrigin)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def serve(
    db_path: str, host: str | None = None, port: int | None = None, settings: Settings = DEFAULT_SETTINGS
) -> None:
    """Run the app with uvicorn and print its URL; on loopback, requests for any other host name are refused."""
    host = host or settings.web.host
    port = port if port is not None else settings.web.port
    allowed = [*LOOPBACK_HOSTS, f"{host}"] if host in LOOPBACK_HOSTS else None
    app = create_app(db_path, settings, allowed_hosts=allowed)
    shown = f"[{host}]" if ":" in host else host
    print(f"corroborate: serving {db_path} at http://{shown}:{port}/ (Ctrl-C stops)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
