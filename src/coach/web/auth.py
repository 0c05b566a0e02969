"""Who is asking: the local user on a person's own computer, a signed-in account on a shared deployment.

In the local mode nothing here asks for anything. In the shared mode (Settings.shared) every request but
the sign-in, invitation, reset and health pages needs a session cookie; pages without one are sent to
the sign-in page, the JSON API answers 401. The session lives in the database, so any web process on
any machine can answer it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection
from starlette.responses import Response

from coach.store.accounts import SignedIn, session_user

SESSION_COOKIE = "coach_session"
OPEN_PATHS = ("/signin", "/health")
OPEN_PREFIXES = ("/invite/", "/reset/", "/lang/")


class NotSignedIn(Exception):
    """A shared deployment's page was asked for without a session."""


def is_shared(request: Request) -> bool:
    return bool(request.app.state.settings.shared)


async def require_account(request: HTTPConnection) -> None:
    """On a shared deployment: find the session's account or refuse the request (app-wide dependency; a
    WebSocket's handshake carries the session cookie as a request does)."""
    if not is_shared(request):
        return
    path = request.url.path
    if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
        return
    store = request.app.state.store
    signed = await run_in_threadpool(session_user, store, request.cookies.get(SESSION_COOKIE))
    if signed is None:
        raise NotSignedIn
    request.state.account = signed


def current_account(request: Request) -> SignedIn | None:
    """The signed-in account (None in the local mode and on the open pages)."""
    return getattr(request.state, "account", None)


def shared_only(request: Request) -> None:
    """Account pages exist only on a shared deployment."""
    if not is_shared(request):
        raise HTTPException(status_code=404)


def signed_in(request: Request) -> SignedIn:
    """The signed-in account; the account pages need one."""
    shared_only(request)
    account = current_account(request)
    if account is None:
        raise NotSignedIn
    return account


def coach_account(request: Request) -> SignedIn:
    """A signed-in coach or admin (403 for a candidate)."""
    account = signed_in(request)
    if account.role not in ("coach", "admin"):
        raise HTTPException(status_code=403)
    return account


def admin_account(request: Request) -> SignedIn:
    """A signed-in admin (403 otherwise)."""
    account = signed_in(request)
    if account.role != "admin":
        raise HTTPException(status_code=403)
    return account


AccountDep = Annotated[SignedIn, Depends(signed_in)]
CoachDep = Annotated[SignedIn, Depends(coach_account)]
AdminDep = Annotated[SignedIn, Depends(admin_account)]


def secure_request(request: Request) -> bool:
    """Whether cookies must be Secure: served over HTTPS, or configured so behind a TLS proxy."""
    return request.url.scheme == "https" or bool(request.app.state.settings.secure_cookies)


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    """The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, for the whole site."""
    from coach.store.accounts import SESSION_DAYS

    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_DAYS * 24 * 3600,
        httponly=True,
        samesite="lax",
        secure=secure_request(request),
        path="/",
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=secure_request(request)
    )
