"""The JSON API for checking answers and running interviews (OpenAPI at /docs)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Response
from pydantic import BaseModel, Field

from coach.analysis.engine import check
from coach.errors import MAX_ANSWER_CHARS, invalid_character
from coach.i18n import translate
from coach.practice.plan import PlanError, make_plan
from coach.practice.session import InterviewSession, summarise
from coach.web.deps import LangDep, RowId, StoreDep, UserDep
from coach.web.labels import criterion_label, criterion_tip, question_title
from coach.web.routes.interviews import ROLE_NOT_IN_SECTOR, SECTOR_OF_ROLE
from coach.web.routes.interviews import session_or_404 as _session
from coach.wire import clean_text, dumps, error_to_json, feedback_to_json

router = APIRouter(prefix="/api", tags=["api"])


class CheckRequest(BaseModel):
    """An answer to check, with its question (bank id or free text) and language.

    Lengths and the language are checked by the engine, so that they get the coded errors (E001, E006, E008)
    that `coach check --json` gives; the request body itself is at most 1 MB (Settings.max_form_bytes).
    """

    answer: str
    question: str | None = None
    lang: str | None = None


class InterviewRequest(BaseModel):
    """Settings of a new mock interview."""

    sector: str
    role: str
    level: str = "medior"
    lang: str = Field(default="en", pattern="^(nl|en)$")
    questions: int = Field(default=6, ge=3, le=20)
    time_limit_s: int | None = Field(default=None, ge=0, le=1800)
    seed: int | None = None


class AnswerRequest(BaseModel):
    """An answer to the interview's current question (or its follow-up)."""

    text: str = Field(min_length=1, max_length=MAX_ANSWER_CHARS)
    token: str | None = Field(default=None, min_length=8, max_length=64)
    duration_s: float | None = None


def _wire(result: dict[str, Any]) -> Response:
    """The wire object as strict JSON; 422 when it carries an `error` (where the CLI exits with 2)."""
    status = 422 if "error" in result else 200
    return Response(dumps(result), status_code=status, media_type="application/json")


@router.post("/check", responses={422: {"description": "An error object or a result with `error`"}})
def api_check(body: CheckRequest, ui: LangDep) -> Response:
    """Check one answer: the same result as `coach check --json` (docs/wire-schema.md)."""
    said = body.lang if body.lang in ("nl", "en") else ui
    bad = invalid_character(body.answer, "answer", said) or invalid_character(body.question, "question", said)
    if bad is not None:
        return _wire(error_to_json(bad, with_schema=True))
    question = clean_text(body.question) if body.question is not None else None
    return _wire(feedback_to_json(check(clean_text(body.answer), question=question, lang=body.lang)))


def _state(session: InterviewSession) -> dict[str, Any]:
    return {
        "id": session.interview_id,
        "plan": list(session.plan.question_ids),
        "lang": session.plan.lang,
        "position": session.position,
        "finished": session.finished,
        "question": None
        if session.finished
        else {
            "id": session.question.id,
            "text": session.question_text(),
            "follow_up": session.pending_follow_up is not None,
        },
    }


@router.post("/interviews", status_code=201)
def api_start(body: InterviewRequest, store: StoreDep, user: UserDep, lang: LangDep) -> dict[str, Any]:
    """Plan and start an interview; returns its first question."""
    if SECTOR_OF_ROLE.get(body.role) != body.sector:
        raise HTTPException(
            status_code=400,
            detail=translate(lang, ROLE_NOT_IN_SECTOR),
        )
    try:
        plan = make_plan(body.sector, body.role, body.level, body.lang, count=body.questions, seed=body.seed)
    except PlanError as exc:
        raise HTTPException(
            status_code=400,
            detail=translate(lang, "That interview can't be planned: check the level and the language."),
        ) from exc
    return _state(InterviewSession.start(store, user, plan, body.time_limit_s or None))


@router.get("/interviews/{interview_id}")
def api_interview(interview_id: RowId, store: StoreDep, user: UserDep) -> dict[str, Any]:
    """Where an interview stands: its plan, the current question, whether it is finished."""
    return _state(_session(store, user, interview_id))


@router.post("/interviews/{interview_id}/answers")
def api_answer(
    interview_id: RowId, body: AnswerRequest, store: StoreDep, user: UserDep, lang: LangDep
) -> dict[str, Any]:
    """Answer the current question; returns the feedback, any follow-up, and the next state."""
    if body.token:
        existing = store.answer_by_token(user, body.token)
        if existing is not None:
            saved = store.answer(user, existing)
            return {
                "answer_id": existing,
                "feedback": saved.feedback if saved else None,
                "repeated": True,
                "state": _state(_session(store, user, interview_id)),
            }
    session = _session(store, user, interview_id)
    if session.finished:
        raise HTTPException(status_code=400, detail="finished")
    turn = session.submit(clean_text(body.text), duration_s=body.duration_s, token=body.token)
    return {
        "answer_id": turn.answer_id,
        "feedback": feedback_to_json(turn.feedback),
        "follow_up": turn.follow_up,
        "repeated": False,
        "state": _state(session),
    }


@router.get("/interviews/{interview_id}/summary")
def api_summary(interview_id: RowId, store: StoreDep, user: UserDep, lang: LangDep) -> dict[str, Any]:
    """Score per question, the most-missed criteria and what to practise next.

    Ids are for programs; every field a person reads has its label in the interface language too
    (`question`, `name`, `tip`, `question_texts`)."""
    _session(store, user, interview_id)
    s = summarise(store, user, interview_id)
    return {
        "average": s.average if s.results else None,
        "results": [
            {
                "position": r.position,
                "question_id": r.question_id,
                "question": r.question_text,
                "score": r.score,
            }
            for r in s.results
        ],
        "most_missed": [
            {"criterion": c, "name": criterion_label(c, lang), "count": k} for c, _n, k in s.most_missed
        ],
        "practise_next": [
            {
                "criterion": c,
                "name": criterion_label(c, lang),
                "tip": criterion_tip(c, lang),
                "questions": q,
                "question_texts": [question_title(i, lang) for i in q],
            }
            for c, _t, q in s.practise_next
        ],
    }
