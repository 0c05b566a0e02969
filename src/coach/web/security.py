"""CSRF protection (a token in a cookie that every form and script must echo) and request size limits."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import HTTPConnection
from starlette.responses import Response

from coach.web.deps import CSRF_COOKIE
from coach.web.settings import Settings

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class CsrfCookieMiddleware(BaseHTTPMiddleware):
    """Gives every visitor a random CSRF token in a cookie and puts it on request.state for the pages."""

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        token = request.cookies.get(CSRF_COOKIE)
        fresh = not token or len(token) < 20
        if fresh:
            token = secrets.token_urlsafe(32)
        request.state.csrf_token = token
        response = await call_next(request)
        if fresh:
            secure = request.url.scheme == "https" or bool(request.app.state.settings.secure_cookies)
            response.set_cookie(
                CSRF_COOKIE, token, httponly=False, samesite="strict", path="/", secure=secure
            )
        return response


class SizeLimitMiddleware(BaseHTTPMiddleware):
    """Refuses request bodies over the limit for their path before reading them."""

    def __init__(self, app, settings: Settings) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.settings = settings

    def limit_for(self, path: str) -> int:
        if path.endswith("/import"):
            return self.settings.max_import_bytes
        if "/audio" in path:
            return self.settings.max_upload_bytes
        return self.settings.max_form_bytes

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.method not in SAFE_METHODS:
            length = request.headers.get("content-length")
            limit = self.limit_for(request.url.path)
            if length is None and request.headers.get("transfer-encoding", "").lower() == "chunked":
                body = await request.body()
                too_big = len(body) > limit
            else:
                too_big = length is not None and length.isdigit() and int(length) > limit
            if too_big:
                from coach.web.errors import too_large_response

                return too_large_response(request, limit)
        return await call_next(request)


async def verify_csrf(connection: HTTPConnection) -> None:
    """Every state-changing request must echo the cookie's token: a form field or an X-CSRF-Token header.

    A WebSocket can't send headers from a browser: its handler checks the token in its first message and
    that the Origin is this site (routes/speech_stream.py)."""
    if not isinstance(connection, Request):
        return
    request = connection
    if request.method in SAFE_METHODS:
        return
    expected = request.cookies.get(CSRF_COOKIE)
    sent = request.headers.get("x-csrf-token")
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get("csrf_token")
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not secrets.compare_digest(expected, sent):
        raise HTTPException(status_code=403, detail="csrf")


# --- host names and security headers ---------------------------------------------------------------

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), geolocation=(), microphone=(self)"),
]
HSTS = b"max-age=31536000; includeSubDomains"
UNKNOWN_HOST = (
    b"Coach answers only at its own address (127.0.0.1 or localhost, or the name given with --host or "
    b"COACH_ALLOWED_HOSTS).\n"
    b"Coach antwoordt alleen op zijn eigen adres (127.0.0.1 of localhost, of de naam die je met --host of "
    b"COACH_ALLOWED_HOSTS opgeeft).\n"
)


def allowed_hosts(settings: Settings) -> frozenset[str]:
    """The host names this server answers to: loopback, the address it listens on, and any named extra."""
    names = {*LOOPBACK_HOSTS, settings.host.strip("[]").lower(), *settings.allowed_hosts}
    return frozenset(n for n in names if n and n not in ("0.0.0.0", "::"))


def host_name(header: str) -> str:
    """The name in a Host header without its port ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostAndHeadersMiddleware:
    """Answers only to its own host names (no DNS rebinding), adds security headers to every response,
    and answers HEAD wherever GET is answered (the same headers, no body)."""

    def __init__(self, app: Any, settings: Settings) -> None:
        self.app = app
        self.hosts = allowed_hosts(settings)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if scope["type"] == "websocket":  # a rebinding page could open a WebSocket as well
            if host_name(raw) in self.hosts:
                await self.app(scope, receive, send)
            else:
                await receive()  # the connect message; then refuse the handshake
                await send({"type": "websocket.close", "code": 1008})
            return
        if host_name(raw) not in self.hosts:
            await send(
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS],
                }
            )
            await send({"type": "http.response.body", "body": UNKNOWN_HOST})
            return
        head = scope["method"] == "HEAD"
        https = scope.get("scheme") == "https"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                if https:  # only over HTTPS: a browser must keep using it for this host
                    extra.append((b"strict-transport-security", HSTS))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)
