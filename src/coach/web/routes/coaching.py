"""A coach's pages on a shared deployment: the candidates who shared their progress with the coach, one
candidate's interviews and answers with feedback, a comment on an answer, an assignment with a date, and a
reset link for a candidate's password; the admin's page: accounts, roles and invitations.

A coach sees a candidate only while the candidate shares with them (else 404, as if there were nothing),
and every look is written to the candidate's access log. In the local mode these pages don't exist.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from coach.i18n import N_, translate
from coach.store import accounts as store_accounts
from coach.store.accounts import AccountError
from coach.store.progress import answer_points
from coach.web.auth import AdminDep, CoachDep, shared_only
from coach.web.deps import LangDep, RowId, StoreDep, render
from coach.web.routes.accounts import message

router = APIRouter(dependencies=[Depends(shared_only)])

ROLE_NAMES = {"candidate": N_("Candidate"), "coach": N_("Coach"), "admin": N_("Admin")}


def _shared(store: Any, coach: Any, candidate_id: int) -> None:
    """404 unless the candidate shares with this coach now."""
    if not store_accounts.shares_with(store, candidate_id, coach.user_id):
        raise HTTPException(status_code=404)


def link_for(request: Request, path: str) -> str:
    """A full link to `path` on this deployment (COACH_PUBLIC_URL, else the address of the request)."""
    base = request.app.state.settings.public_url or str(request.base_url).rstrip("/")
    return f"{base}{path}"


@lru_cache(maxsize=1)
def _drill_points() -> list[str]:
    from coach.content.bank import load_questions

    return sorted({c for q in load_questions().values() for c in q.rubric})


def _bank(lang: str) -> list[tuple[str, str]]:
    from coach.content.bank import load_questions

    return sorted(((q.id, q.text.get(lang)) for q in load_questions().values()), key=lambda p: p[1])


@router.get("/coach")
def coach_home(request: Request, store: StoreDep, coach: CoachDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The candidates who share with this coach, with how many answers and their latest score."""
    rows = []
    for candidate_id, email in store_accounts.candidates_of(store, coach.user_id):
        points = answer_points(store, candidate_id)
        rows.append((candidate_id, email, len(points), points[-1].score if points else None))
    return render(request, "coach.html", lang, candidates=rows, roles=ROLE_NAMES)


@router.post("/coach/invitations")
def coach_invite(  # type: ignore[no-untyped-def]
    request: Request,
    store: StoreDep,
    coach: CoachDep,
    lang: LangDep,
    email: Annotated[str, Form(max_length=254)],
    role: Annotated[str, Form(max_length=20)] = "candidate",
):
    """Invite someone: a coach invites candidates; an admin also coaches and admins."""
    if role != "candidate" and coach.role != "admin":
        raise HTTPException(status_code=403)
    try:
        token = store_accounts.invite(store, coach.user_id, email, role)
    except AccountError as exc:
        raise HTTPException(status_code=400, detail=message(exc.code, lang)) from exc
    link = link_for(request, f"/invite/{token}")
    sent = _send_invitation(request, email, link, lang)
    return render(request, "link_made.html", lang, link=link, sent=sent, kind="invite", email=email)


def _send_invitation(request: Request, email: str, link: str, lang: str) -> bool:
    """E-mail the invitation where an SMTP server is configured; False when not sent."""
    settings = request.app.state.settings
    if not settings.smtp_server or not settings.smtp_from:
        return False
    import smtplib
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["From"], mail["To"] = settings.smtp_from, email
    mail["Subject"] = translate(lang, "Your invitation to Coach")
    mail.set_content(
        translate(lang, "Create your account with this link (valid for 7 days): {link}", link=link)
    )
    host, _, port = settings.smtp_server.partition(":")
    try:
        with smtplib.SMTP(host, int(port or 25), timeout=10) as smtp:
            smtp.send_message(mail)
    except (OSError, smtplib.SMTPException):
        return False
    return True


@router.get("/coach/candidates/{candidate_id}")
def candidate_page(  # type: ignore[no-untyped-def]
    request: Request, candidate_id: RowId, store: StoreDep, coach: CoachDep, lang: LangDep
):
    """One candidate's progress, interviews, assignments and the coach's comments."""
    _shared(store, coach, candidate_id)
    store_accounts.log_access(store, coach.user_id, candidate_id, "overview")
    account = store_accounts.get_account(store, candidate_id)
    points = answer_points(store, candidate_id)
    return render(
        request,
        "coach_candidate.html",
        lang,
        candidate_id=candidate_id,
        email=account.email if account else "",
        interviews=store.interviews(candidate_id),
        points=points,
        average=round(sum(p.score for p in points) / len(points)) if points else None,
        assignments=store_accounts.assignments(store, candidate_id),
        comments=store_accounts.comments(store, candidate_id),
        bank=_bank(lang),
        drill_points=_drill_points(),
    )


@router.get("/coach/candidates/{candidate_id}/interviews/{interview_id}")
def candidate_interview(  # type: ignore[no-untyped-def]
    request: Request,
    candidate_id: RowId,
    interview_id: RowId,
    store: StoreDep,
    coach: CoachDep,
    lang: LangDep,
):
    """One of the candidate's interviews: its answers with their scores."""
    _shared(store, coach, candidate_id)
    interview = store.interview(candidate_id, interview_id)
    if interview is None:
        raise HTTPException(status_code=404)
    store_accounts.log_access(store, coach.user_id, candidate_id, "interview", interview_id)
    return render(request, "coach_interview.html", lang, candidate_id=candidate_id, interview=interview)


@router.get("/coach/candidates/{candidate_id}/answers/{answer_id}")
def candidate_answer(  # type: ignore[no-untyped-def]
    request: Request, candidate_id: RowId, answer_id: RowId, store: StoreDep, coach: CoachDep, lang: LangDep
):
    """One answer with its feedback, the comments on it, and the form to add one."""
    from coach.web import feedback_view

    _shared(store, coach, candidate_id)
    answer = store.answer(candidate_id, answer_id)
    if answer is None:
        raise HTTPException(status_code=404)
    store_accounts.log_access(store, coach.user_id, candidate_id, "answer", answer_id)
    view = feedback_view.build(
        answer.feedback, answer.text, lang, answer.score, answer.question_id, examples=False
    )
    return render(
        request,
        "coach_answer.html",
        lang,
        candidate_id=candidate_id,
        answer=answer,
        view=view,
        comments=store_accounts.comments(store, candidate_id, answer_id),
    )


@router.post("/coach/candidates/{candidate_id}/answers/{answer_id}/comments")
def comment(  # type: ignore[no-untyped-def]
    candidate_id: RowId,
    answer_id: RowId,
    store: StoreDep,
    coach: CoachDep,
    lang: LangDep,
    text: Annotated[str, Form(max_length=8000)],
):
    """Leave a comment on the candidate's answer; the candidate sees it on their account page."""
    _shared(store, coach, candidate_id)
    try:
        store_accounts.add_comment(store, coach.user_id, candidate_id, answer_id, text)
    except AccountError as exc:
        if exc.code == "missing":
            raise HTTPException(status_code=404) from exc
        raise HTTPException(status_code=400, detail=message(exc.code, lang)) from exc
    return RedirectResponse(f"/coach/candidates/{candidate_id}/answers/{answer_id}", status_code=303)


@router.post("/coach/candidates/{candidate_id}/assignments")
async def assignment(  # type: ignore[no-untyped-def]
    request: Request, candidate_id: RowId, store: StoreDep, coach: CoachDep, lang: LangDep
):
    """Give the candidate a practice with a date: questions (`question`, repeated) or a drill (`point`)."""
    from fastapi.concurrency import run_in_threadpool

    await run_in_threadpool(_shared, store, coach, candidate_id)
    form = await request.form()
    questions = [str(q) for q in form.getlist("question")][:20]
    point = str(form.get("point") or "")
    try:
        due = date.fromisoformat(str(form.get("due"))) if form.get("due") else None
    except ValueError:
        due = None
    kind, items = ("drill", [point]) if point else ("questions", questions)
    from coach.content.bank import load_questions

    known = load_questions()
    if (kind == "questions" and any(q not in known for q in items)) or (
        kind == "drill" and point not in _drill_points()
    ):
        raise HTTPException(status_code=400, detail=message("assignment", lang))
    try:
        await run_in_threadpool(
            store_accounts.assign,
            store,
            coach.user_id,
            candidate_id,
            kind,
            items,
            due,
            str(form.get("note") or ""),
        )
    except AccountError as exc:
        raise HTTPException(status_code=400, detail=message(exc.code, lang)) from exc
    return RedirectResponse(f"/coach/candidates/{candidate_id}", status_code=303)


@router.post("/coach/candidates/{candidate_id}/reset")
def coach_reset(request: Request, candidate_id: RowId, store: StoreDep, coach: CoachDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """A link for the candidate to set a new password (no e-mail needed: pass it on yourself)."""
    _shared(store, coach, candidate_id)
    token = store_accounts.issue_reset(store, coach.user_id, candidate_id)
    return render(
        request,
        "link_made.html",
        lang,
        link=link_for(request, f"/reset/{token}"),
        sent=False,
        kind="reset",
        email="",
    )


@router.get("/admin")
def admin_page(request: Request, store: StoreDep, admin: AdminDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """Every account with its role, and the open invitations."""
    return render(
        request,
        "admin.html",
        lang,
        accounts=store_accounts.accounts(store),
        invitations=store_accounts.pending_invitations(store),
        roles=ROLE_NAMES,
    )


@router.post("/admin/users/{user_id}/role")
def admin_role(  # type: ignore[no-untyped-def]
    user_id: RowId, store: StoreDep, admin: AdminDep, lang: LangDep, role: Annotated[str, Form(max_length=20)]
):
    """Make an account a candidate, coach or admin."""
    try:
        changed = store_accounts.set_role(store, user_id, role)
    except AccountError as exc:
        raise HTTPException(status_code=400, detail=message(exc.code, lang)) from exc
    if not changed:
        raise HTTPException(status_code=404)
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/users/{user_id}/reset")
def admin_reset(request: Request, user_id: RowId, store: StoreDep, admin: AdminDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """A reset link for any account."""
    try:
        token = store_accounts.issue_reset(store, admin.user_id, user_id)
    except AccountError as exc:
        raise HTTPException(status_code=404) from exc
    return render(
        request,
        "link_made.html",
        lang,
        link=link_for(request, f"/reset/{token}"),
        sent=False,
        kind="reset",
        email="",
    )
