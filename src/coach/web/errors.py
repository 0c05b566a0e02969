"""Clear error pages (and JSON for the API) in the user's language: never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from coach.i18n import N_, translate
from coach.store.repository import SlotTaken
from coach.web.auth import NotSignedIn
from coach.web.deps import get_lang, render

log = logging.getLogger("coach.web")


def _page(
    request: Request,
    status: int,
    title: str,
    message: str,
    kept_text: str | None = None,
    link: tuple[str, str] | None = None,
) -> Response:
    lang = get_lang(request)
    if request.url.path.startswith("/api/"):
        body: dict[str, Any] = {"error": {"status": status, "message": translate(lang, message)}}
        return JSONResponse(body, status_code=status)
    return render(
        request,
        "error.html",
        lang,
        status_code=status,
        title=translate(lang, title),
        message=translate(lang, message),
        kept_text=kept_text,
        link=(link[0], translate(lang, link[1])) if link else None,
    )


async def _kept_answer(request: Request) -> str | None:
    """The answer the user just sent, so an error page can give it back instead of losing it."""
    try:
        form = await request.form()
    except Exception:  # noqa: BLE001 - the body may be unreadable; then there is nothing to give back
        return None
    text = form.get("text")
    return text if isinstance(text, str) and text.strip() else None


def too_large_response(request: Request, limit: int) -> Response:
    """413 with a message that says what the limit is."""
    lang = get_lang(request)
    message = translate(
        lang,
        "What you sent is too large (the limit is {mb} MB). Shorten it and try again.",
        mb=round(limit / 1_000_000, 1),
    )
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": {"status": 413, "message": message}}, status_code=413)
    return render(
        request,
        "error.html",
        lang,
        status_code=413,
        title=translate(lang, "Too large"),
        message=message,
        kept_text=None,
    )


def install(app: FastAPI) -> None:
    """Register the error handlers on `app`."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return _page(
                request,
                404,
                N_("Not found"),
                N_("This page doesn't exist (any more). Go back to the start page."),
            )
        if exc.status_code == 403 and exc.detail == "csrf":
            return _page(
                request,
                403,
                N_("Form expired"),
                N_("This form has expired or came from somewhere else. Reload the page and send it again."),
                await _kept_answer(request),
            )
        if exc.status_code == 405:
            return _page(request, 405, N_("Not allowed"), N_("That action is not possible here."))
        if exc.status_code == 400 and isinstance(exc.detail, str):
            return _page(request, 400, N_("Can't do that"), exc.detail, await _kept_answer(request))
        return _page(
            request,
            exc.status_code,
            N_("Something went wrong"),
            N_("Something went wrong. Please try again."),
        )

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, exc: NotSignedIn) -> Response:
        if request.url.path.startswith("/api/"):
            lang = get_lang(request)
            message = translate(lang, N_("Sign in first."))
            return JSONResponse({"error": {"status": 401, "message": message}}, status_code=401)
        return RedirectResponse("/signin", status_code=303)

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, exc: RequestValidationError) -> Response:
        if any(error.get("loc", ("",))[0] == "path" for error in exc.errors()):
            return _page(
                request,
                404,
                N_("Not found"),
                N_("This page doesn't exist (any more). Go back to the start page."),
            )
        return _page(
            request,
            422,
            N_("Check your input"),
            N_("Some fields are missing or not valid. Go back and check them."),
            await _kept_answer(request),
        )

    @app.exception_handler(SlotTaken)
    async def already_answered(request: Request, exc: SlotTaken) -> Response:
        return _page(
            request,
            409,
            N_("Already answered"),
            N_(
                "This question was already answered, in another window or by sending the form twice; the "
                "answer sent first is saved. The answer below was not saved: to use it, open the saved "
                "feedback and paste it under Try again."
            ),
            await _kept_answer(request),
            (f"/answers/{exc.answer_id}", N_("Open the saved feedback")),
        )

    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> Response:
        log.error("database error on %s %s: %s", request.method, request.url.path, exc)
        return _page(
            request,
            503,
            N_("Couldn't save"),
            N_(
                "Your data could not be saved: the database can't be written right now. Nothing you saved "
                "before is lost. Copy your answer below and try again later."
            ),
            await _kept_answer(request),
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        # This answer is sent from outside every middleware (Starlette's error handler): add the headers here.
        from coach.web.security import SECURITY_HEADERS

        response = _page(
            request,
            500,
            N_("Something went wrong"),
            N_("Something went wrong on our side. Nothing you saved before is lost. Please try again."),
            await _kept_answer(request),
        )
        for name, value in SECURITY_HEADERS:
            response.headers[name.decode()] = value.decode()
        return response
