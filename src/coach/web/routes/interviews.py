"""A mock interview in the browser: start, one question at a time, feedback, follow-up, try again, summary."""

from __future__ import annotations

import random
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from coach.analysis.scoring import band as score_band
from coach.analysis.scoring import describe_band
from coach.content.bank import get_question
from coach.content.schema import SECTOR_OF_ROLE
from coach.errors import MAX_ANSWER_CHARS
from coach.i18n import N_, translate
from coach.practice.plan import Plan, PlanError, make_plan
from coach.practice.session import InterviewSession, summarise
from coach.store.models import Answer, Interview
from coach.store.progress import usual_sector
from coach.store.repository import SlotTaken
from coach.web import feedback_view
from coach.web.deps import LangDep, RowId, StoreDep, UserDep, render
from coach.web.figures import figure_rows
from coach.web.highlight import render_answer
from coach.web.spoken import pause_inserts
from coach.wire import kind_label

router = APIRouter()

ROLE_NOT_IN_SECTOR = N_(
    "That role does not go with that sector: choose an IT role for IT and a sales role for sales."
)

STAR_LABELS = {
    "nl": {
        "situation": "Situatie",
        "task": "Taak",
        "action": "Actie",
        "result": "Resultaat",
        "reflection": "Reflectie",
    },
    "en": {
        "situation": "Situation",
        "task": "Task",
        "action": "Action",
        "result": "Result",
        "reflection": "Reflection",
    },
}


def session_or_404(store: Any, user: int, interview_id: int) -> InterviewSession:
    """The user's interview as a session, or 404."""
    return loaded_or_404(store, user, interview_id)[1]


def loaded_or_404(store: Any, user: int, interview_id: int) -> tuple[Interview, InterviewSession]:
    """The user's interview (with its answers) and its session, loaded once, or 404."""
    interview = store.interview(user, interview_id)
    if interview is None:
        raise HTTPException(status_code=404)
    return interview, InterviewSession.of(store, interview)


def _clean_answer(text: str, lang: str) -> str:
    if len(text) > MAX_ANSWER_CHARS:
        raise HTTPException(
            status_code=400,
            detail=translate(
                lang,
                "Your answer is too long: {chars} characters, the limit is {limit}.",
                chars=len(text),
                limit=MAX_ANSWER_CHARS,
            ),
        )
    if not text.strip():
        raise HTTPException(
            status_code=400, detail=translate(lang, "Your answer is empty. Type an answer first.")
        )
    return text.replace("\r\n", "\n")


@router.post("/interviews")
def create_interview(  # type: ignore[no-untyped-def]
    request: Request,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    role: Annotated[str, Form()],
    level: Annotated[str, Form()],
    interview_lang: Annotated[str, Form()],
    sector: Annotated[str, Form()] = "",
    questions: Annotated[int, Form(ge=3, le=20)] = 6,
    time_limit: Annotated[int, Form(ge=0, le=1800)] = 0,
):
    """Plan and save a new interview, then ask its first question.

    The start page chooses a role, and the role says the sector (an IT role or a sales role), so no
    impossible pair can be sent from it; one sent anyway gets a plain message in the user's language."""
    sector = sector or SECTOR_OF_ROLE.get(role, "")
    if SECTOR_OF_ROLE.get(role) != sector:
        raise HTTPException(
            status_code=400,
            detail=translate(lang, ROLE_NOT_IN_SECTOR),
        )
    try:
        plan = make_plan(sector, role, level, interview_lang, count=questions)
    except PlanError as exc:
        raise HTTPException(
            status_code=400,
            detail=translate(lang, "That interview can't be planned: check the level and the language."),
        ) from exc
    session = InterviewSession.start(store, user, plan, time_limit or None)
    return RedirectResponse(f"/interviews/{session.interview_id}", status_code=303)


@router.post("/interviews/{interview_id}/discard")
def discard(interview_id: RowId, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """Throw away an unfinished interview and its answers (a finished one stays in the history)."""
    if store.interview(user, interview_id) is None:  # someone else's, or none: say nothing about it
        raise HTTPException(status_code=404)
    if not store.discard_interview(user, interview_id):
        raise HTTPException(
            status_code=400,
            detail=translate(lang, "Only an unfinished interview can be thrown away; this one is finished."),
        )
    return RedirectResponse("/?discarded=1", status_code=303)


@router.post("/questions/{question_id}/practise")
def practise_question(  # type: ignore[no-untyped-def]
    question_id: str,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    interview_lang: Annotated[str, Form()] = "",
):
    """Practise one question of the bank: a one-question interview with feedback, retry and follow-up."""
    question = get_question(question_id)
    if question is None:
        raise HTTPException(status_code=404)
    answer_lang = interview_lang if interview_lang in ("nl", "en") else lang
    sector = question.sector if question.sector in ("it", "sales") else usual_sector(store, user) or "it"
    roles = [r for r in question.roles if SECTOR_OF_ROLE.get(r) == sector]
    plan = Plan(
        sector,
        roles[0] if roles else "any",
        question.levels[0] if question.levels else "medior",
        answer_lang,
        random.SystemRandom().randrange(1, 2**31),
        (question.id,),
    )
    session = InterviewSession.start(store, user, plan, None)
    return RedirectResponse(f"/interviews/{session.interview_id}", status_code=303)


@router.get("/interviews/{interview_id}")
def ask(request: Request, interview_id: RowId, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The current question (or the pending follow-up), with the answer box and the timer."""
    interview, session = loaded_or_404(store, user, interview_id)
    if session.finished:
        return RedirectResponse(f"/interviews/{interview_id}/summary", status_code=303)
    try:
        question = session.question
    except LookupError as exc:  # a plan imported from an older bank names a question that is gone
        raise HTTPException(
            status_code=400,
            detail=translate(
                lang,
                "This interview asks a question that is no longer in the question bank. "
                "End it and start a new one.",
            ),
        ) from exc
    return render(
        request,
        "interview.html",
        lang,
        interview=interview,
        session=session,
        question=question,
        question_text=session.question_text(),
        total=len(session.plan.question_ids),
        kind=session.expected_kind,
        token=uuid.uuid4().hex,
        stories=_matching_stories(store, user, question.category),
    )


def _matching_stories(store: Any, user: int, category: str) -> list[Any]:
    """The candidate's own stories tagged with this question's category, as a reminder."""
    from coach.store.stories import list_stories

    tagged = [s for s in list_stories(store, user) if category in (s.tags or [])]
    return sorted(tagged, key=lambda s: s.score, reverse=True)[:3]


@router.post("/interviews/{interview_id}/answer")
def answer(  # type: ignore[no-untyped-def]
    request: Request,
    interview_id: RowId,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    token: Annotated[str, Form(min_length=8, max_length=64)],
    position: Annotated[int, Form()],
    text: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "answer",
    elapsed: Annotated[float | None, Form()] = None,
    timed_out: Annotated[str, Form()] = "",
):
    """Check and save an answer; a repeated submit (same token) shows the first one's feedback."""
    existing = store.answer_by_token(user, token)
    if existing is not None:
        return RedirectResponse(f"/answers/{existing}", status_code=303)
    session = session_or_404(store, user, interview_id)
    on_time_out = timed_out == "1"
    if not text.strip() and on_time_out:
        text = "…"
    text = _clean_answer(text, lang)
    saved = store.latest_answer(interview_id, position, kind) if kind in ("answer", "follow_up") else None
    if saved is not None and (position != session.position or kind != session.expected_kind):
        raise SlotTaken(saved.id)  # answered meanwhile (another tab): say so, and give this text back
    if session.finished or position != session.position or kind != session.expected_kind:
        return RedirectResponse(
            f"/interviews/{interview_id}", status_code=303
        )  # a stale form: show where we are
    turn = session.submit(text, duration_s=elapsed, timed_out=on_time_out, token=token)
    return RedirectResponse(f"/answers/{turn.answer_id}", status_code=303)


@router.post("/interviews/{interview_id}/skip")
def skip_follow_up(interview_id: RowId, store: StoreDep, user: UserDep):  # type: ignore[no-untyped-def]
    """Move on without answering the follow-up question."""
    session_or_404(store, user, interview_id).skip_follow_up()
    return RedirectResponse(f"/interviews/{interview_id}", status_code=303)


@router.post("/interviews/{interview_id}/retry/{position}")
def retry(  # type: ignore[no-untyped-def]
    interview_id: RowId,
    position: int,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    text: Annotated[str, Form()],
    token: Annotated[str, Form(min_length=8, max_length=64)],
):
    """Another attempt at a question; both attempts are kept."""
    existing = store.answer_by_token(user, token)
    if existing is not None:
        return RedirectResponse(f"/answers/{existing}", status_code=303)
    session = session_or_404(store, user, interview_id)
    if not 0 <= position < len(session.plan.question_ids):
        raise HTTPException(status_code=404)
    turn = session.retry(position, _clean_answer(text, lang), token=token)
    return RedirectResponse(f"/answers/{turn.answer_id}", status_code=303)


@router.post("/interviews/{interview_id}/finish")
def finish(interview_id: RowId, store: StoreDep, user: UserDep):  # type: ignore[no-untyped-def]
    """End the interview now (what was answered is kept) and show the summary."""
    session = session_or_404(store, user, interview_id)
    session.finish("finished" if session.finished else "abandoned")
    return RedirectResponse(f"/interviews/{interview_id}/summary", status_code=303)


@router.get("/interviews/{interview_id}/summary")
def summary(request: Request, interview_id: RowId, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """Score per question, the criteria most often missed, what to practise next."""
    interview, session = loaded_or_404(store, user, interview_id)
    if session.finished and interview.status == "active":
        store.finish_interview(interview_id)
    result = summarise(store, user, interview_id)
    return render(
        request,
        "summary.html",
        lang,
        interview=interview,
        summary=result,
        band=score_band(result.average),
        band_label=describe_band(score_band(result.average), lang)["label"],
    )


@router.get("/answers/{answer_id}")
def feedback_page(request: Request, answer_id: RowId, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The feedback on one answer: score, highlights, findings, numbers, the example answer on demand."""
    answer = store.answer(user, answer_id)
    if answer is None:
        raise HTTPException(status_code=404)
    return render(request, "feedback.html", lang, **feedback_context(store, user, answer, lang))


def practised(store: Any, user: int, interview: Interview | None) -> tuple[str | None, str | None]:
    """The sector (it or sales) and role being practised: the interview's, else the user's usual sector."""
    if interview is not None and interview.sector in ("it", "sales"):
        return interview.sector, interview.role
    return usual_sector(store, user), None


def feedback_context(store: Any, user: int, answer: Answer, lang: str) -> dict[str, Any]:
    """What the feedback page shows about `answer`."""
    feedback = answer.feedback
    checked_text = answer.text
    if answer.kind == "follow_up" and answer.interview_id is not None:
        first = store.latest_answer(answer.interview_id, answer.position)
        checked_text = f"{first.text if first else ''}\n\n{answer.text}".strip()
    interview = store.interview(user, answer.interview_id) if answer.interview_id else None
    session = InterviewSession.of(store, interview) if interview else None
    siblings = [a for a in (interview.answers if interview else []) if a.position == answer.position]
    attempts = [a for a in siblings if a.kind == "answer"]
    previous = [a for a in attempts if a.attempt < answer.attempt and answer.kind == "answer"]
    follow_up = None
    if (
        session
        and session.pending_follow_up
        and session.position == answer.position
        and answer.kind == "answer"
        and answer.attempt == max(a.attempt for a in attempts)
    ):
        follow_up = session.pending_follow_up
    question = get_question(answer.question_id) if answer.question_id else None
    sector, role = practised(store, user, interview)
    labels = STAR_LABELS.get(lang, STAR_LABELS["en"])
    view = feedback_view.build(feedback, checked_text, lang, answer.score, answer.question_id, sector=sector)
    inserts = None
    if feedback.get("transcript"):
        inserts = pause_inserts(checked_text, feedback, lang)
    return {
        "answer": answer,
        "feedback": feedback,
        "view": view,
        "interview": interview,
        "session": session,
        "question": question,
        "strong_example": question.examples.strong_for(sector, role) if question else None,
        "total": len(session.plan.question_ids) if session else 0,
        "kind_label": kind_label((feedback.get("question") or {}).get("kind"), lang),
        "marked": render_answer(checked_text, feedback, labels, prefix=f"a{answer.id}-", inserts=inserts),
        "prefix": f"a{answer.id}-",
        "star_labels": labels,
        "previous": previous[-1] if previous else None,
        "follow_up": follow_up,
        "token": uuid.uuid4().hex,
        "mismatched": _mismatched_spans(feedback),
        "figures": figure_rows(feedback.get("numbers") or [], lang),
    }


def number_kind_names(lang: str) -> dict[str, str]:
    """What each kind of figure is called in the interface."""
    return {
        "money": translate(lang, "amount"),
        "percent": translate(lang, "percentage"),
        "count": translate(lang, "count"),
        "duration": translate(lang, "duration"),
        "rank": translate(lang, "rank"),
        "plain": translate(lang, "number"),
    }


def _mismatched_spans(feedback: dict[str, Any]) -> set[tuple[int, int]]:
    for finding in feedback.get("findings", []):
        if finding["criterion"] == "evidence.numbers_consistent" and finding["status"] == "warning":
            return {tuple(s) for s in finding["spans"]}  # type: ignore[misc]
    return set()
