"""Accounts on a shared deployment: sign in and out, accept an invitation, set a new password with a reset
link, and the account page (password, sharing with a coach, the coach's comments and assignments, the log
of a coach's look-ups, export, delete). In the local mode these pages don't exist (404)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse

from coach.i18n import N_, translate
from coach.store import accounts as store_accounts
from coach.store.accounts import AccountError
from coach.store.transfer import export_filename
from coach.web.auth import (
    SESSION_COOKIE,
    AccountDep,
    clear_session_cookie,
    set_session_cookie,
    shared_only,
)
from coach.web.deps import LangDep, RowId, StoreDep, render
from coach.web.labels import question_title

router = APIRouter(dependencies=[Depends(shared_only)])

MESSAGES = {
    "wrong": N_("That e-mail address and password don't match an account."),
    "locked": N_("Too many wrong passwords: this account is locked for 15 minutes. Try again later."),
    "limited": N_("Too many failed sign-ins from this address. Wait 15 minutes and try again."),
    "short": N_("Choose a password of at least 10 characters."),
    "long": N_("That password is too long (at most 200 characters)."),
    "different": N_("The two passwords don't match."),
    "expired": N_("This link has expired or was used already. Ask your coach for a new one."),
    "taken": N_("There is already an account with this e-mail address."),
    "current": N_("Your current password is incorrect. Nothing was changed."),
    "no_coach": N_("There is no coach with that e-mail address."),
    "confirm": N_("Tick the box and enter your password to delete your account. Nothing has been deleted."),
    "email": N_("That is not an e-mail address."),
    "role": N_("Choose candidate, coach or admin."),
    "missing": N_("That account doesn't exist."),
    "empty": N_("Write a comment first."),
    "long_comment": N_("A comment can be at most 4000 characters."),
    "assignment": N_("Choose at least one question, or one point for a drill."),
}
WHAT = {
    "overview": N_("your overview"),
    "interview": N_("an interview"),
    "answer": N_("an answer"),
}


def message(code: str, lang: str) -> str:
    """The user's message for an AccountError code."""
    return translate(lang, MESSAGES.get(code, MESSAGES["wrong"]))


def client_source(request: Request) -> str:
    """The address a request came from (behind a proxy: what the proxy says, see `coach serve --proxy`)."""
    return request.client.host if request.client else "unknown"


@router.get("/signin")
def signin_page(request: Request, lang: LangDep):  # type: ignore[no-untyped-def]
    """The sign-in form."""
    return render(request, "signin.html", lang)


@router.post("/signin")
def signin(  # type: ignore[no-untyped-def]
    request: Request,
    store: StoreDep,
    lang: LangDep,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=400)],
):
    """Check the e-mail address and password; start a session."""
    try:
        user_id = store_accounts.sign_in(store, email, password, client_source(request))
    except AccountError as exc:
        status = 429 if exc.code in ("locked", "limited") else 400
        return render(request, "signin.html", lang, status, error=message(exc.code, lang), email=email)
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(request, response, store_accounts.start_session(store, user_id))
    return response


@router.post("/signout")
def signout(request: Request, store: StoreDep):  # type: ignore[no-untyped-def]
    """End this browser's session."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        store_accounts.end_session(store, token)
    response = RedirectResponse("/signin", status_code=303)
    clear_session_cookie(request, response)
    return response


@router.post("/signout/everywhere")
def signout_everywhere(request: Request, store: StoreDep, account: AccountDep):  # type: ignore[no-untyped-def]
    """End every session of the account, on every device."""
    store_accounts.end_all_sessions(store, account.user_id)
    response = RedirectResponse("/signin", status_code=303)
    clear_session_cookie(request, response)
    return response


@router.get("/invite/{token}")
def invitation_page(request: Request, token: str, store: StoreDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The form to make an invited account: choose a password."""
    return _password_page(request, store, lang, token, "invite")


def _password_page(request: Request, store: Any, lang: str, token: str, kind: str) -> Any:
    """The form to choose a password with an invitation or reset link (`kind`), or why the link is dead."""
    found = store_accounts.open_invitation(store, token, kind=kind)
    if found is None:
        return render(
            request,
            "error.html",
            lang,
            404,
            title=translate(lang, "Link expired"),
            message=message("expired", lang),
            kept_text=None,
            link=None,
        )
    return render(request, "set_password.html", lang, email=found.email, action=f"/{kind}/{token}", kind=kind)


def _set_password(
    request: Request,
    store: Any,
    lang: str,
    token: str,
    kind: str,
    password: str,
    again: str,
    use_link: Callable[[Any, str, str], int],
) -> Any:
    """Use an invitation or reset link (`use_link`) to set the password, then sign the account in."""
    found = store_accounts.open_invitation(store, token, kind=kind)
    try:
        _two_passwords(password, again)
        user_id = use_link(store, token, password)
    except AccountError as exc:
        return render(
            request,
            "set_password.html",
            lang,
            400,
            email=found.email if found else "",
            action=f"/{kind}/{token}",
            kind=kind,
            error=message(exc.code, lang),
        )
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(request, response, store_accounts.start_session(store, user_id))
    return response


def _two_passwords(password: str, again: str) -> None:
    if password != again:
        raise AccountError("different")


@router.post("/invite/{token}")
def accept_invitation(  # type: ignore[no-untyped-def]
    request: Request,
    token: str,
    store: StoreDep,
    lang: LangDep,
    password: Annotated[str, Form(max_length=400)],
    password_again: Annotated[str, Form(max_length=400)],
):
    """Make the account and sign it in."""
    return _set_password(
        request, store, lang, token, "invite", password, password_again, store_accounts.accept_invitation
    )


@router.get("/reset/{token}")
def reset_page(request: Request, token: str, store: StoreDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The form to set a new password with a reset link."""
    return _password_page(request, store, lang, token, "reset")


@router.post("/reset/{token}")
def use_reset(  # type: ignore[no-untyped-def]
    request: Request,
    token: str,
    store: StoreDep,
    lang: LangDep,
    password: Annotated[str, Form(max_length=400)],
    password_again: Annotated[str, Form(max_length=400)],
):
    """Set the new password; every other session of the account ends."""
    return _set_password(
        request, store, lang, token, "reset", password, password_again, store_accounts.use_reset
    )


def account_context(store: Any, user_id: int, lang: str) -> dict[str, Any]:
    """What the account page shows."""
    return {
        "coaches": store_accounts.coaches_of(store, user_id),
        "comments": [
            (c, email, store.answer(user_id, c.answer_id))
            for c, email in store_accounts.comments(store, user_id)
        ],
        "assignments": [
            (a, email, [question_title(q, lang) for q in a.items] if a.kind == "questions" else [])
            for a, email in store_accounts.assignments(store, user_id)
        ],
        "access": [
            (at, email, translate(lang, WHAT.get(what, what)))
            for at, email, what in store_accounts.access_log(store, user_id)
        ],
    }


def _account_page(
    request: Request, store: Any, account: Any, lang: str, status: int = 200, **extra: Any
) -> Any:
    context = account_context(store, account.user_id, lang)
    return render(request, "account.html", lang, status, **context, **extra)


@router.get("/account")
def account_page(request: Request, store: StoreDep, account: AccountDep, lang: LangDep, done: str = ""):  # type: ignore[no-untyped-def]
    """Your account: password, sharing with a coach, what your coach wrote and gave you, export, delete."""
    notes = {
        "password": N_("Your password has been changed."),
        "shared": N_("Your progress is now shared."),
        "withdrawn": N_("You no longer share with that coach."),
    }
    return _account_page(
        request, store, account, lang, done=translate(lang, notes[done]) if done in notes else ""
    )


@router.post("/account/password")
def change_password(  # type: ignore[no-untyped-def]
    request: Request,
    store: StoreDep,
    account: AccountDep,
    lang: LangDep,
    current: Annotated[str, Form(max_length=400)],
    password: Annotated[str, Form(max_length=400)],
    password_again: Annotated[str, Form(max_length=400)],
):
    """Change the password (the current one is asked first)."""
    try:
        _two_passwords(password, password_again)
        store_accounts.change_password(store, account.user_id, current, password)
    except AccountError as exc:
        return _account_page(request, store, account, lang, 400, error=message(exc.code, lang))
    return RedirectResponse("/account?done=password", status_code=303)


@router.post("/account/shares")
def share(  # type: ignore[no-untyped-def]
    request: Request,
    store: StoreDep,
    account: AccountDep,
    lang: LangDep,
    coach_email: Annotated[str, Form(max_length=254)],
):
    """Share your progress with a coach (by the coach's e-mail address)."""
    try:
        store_accounts.share_with(store, account.user_id, coach_email)
    except AccountError as exc:
        return _account_page(request, store, account, lang, 400, error=message(exc.code, lang))
    return RedirectResponse("/account?done=shared", status_code=303)


@router.post("/account/shares/{coach_id}/withdraw")
def withdraw(coach_id: RowId, store: StoreDep, account: AccountDep):  # type: ignore[no-untyped-def]
    """Stop sharing with a coach."""
    if not store_accounts.withdraw_share(store, account.user_id, coach_id):
        raise HTTPException(status_code=404)
    return RedirectResponse("/account?done=withdrawn", status_code=303)


@router.get("/account/export")
def export_account(store: StoreDep, account: AccountDep) -> JSONResponse:
    """Everything of yours as one JSON file: practice data and the account's own part."""
    return JSONResponse(
        store_accounts.export_account(store, account.user_id),
        headers={"Content-Disposition": f'attachment; filename="{export_filename()}"'},
    )


@router.post("/account/delete")
async def delete_account(  # type: ignore[no-untyped-def]
    request: Request,
    store: StoreDep,
    account: AccountDep,
    lang: LangDep,
    password: Annotated[str, Form(max_length=400)] = "",
    confirm: Annotated[str, Form(max_length=10)] = "",
):
    """Delete the account and everything of it, after the box is ticked and the password given."""
    found = await run_in_threadpool(store_accounts.get_account, store, account.user_id)
    right = found is not None and await run_in_threadpool(
        store_accounts.password_matches, found.password_hash, password
    )
    if confirm != "yes" or not right:
        return await run_in_threadpool(
            _account_page, request, store, account, lang, 400, error=message("confirm", lang)
        )
    await run_in_threadpool(store_accounts.delete_account, store, account.user_id)
    response = RedirectResponse("/signin", status_code=303)
    clear_session_cookie(request, response)
    return response
