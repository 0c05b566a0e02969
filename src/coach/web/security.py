"""CSRF protection (a token in a cookie that every form and script must echo) and request size limits."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

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
            response.set_cookie(CSRF_COOKIE, token, httponly=False, samesite="strict", path="/")
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
