"""Questions for the interviewer (IT toolkit): the IT questions by topic, and the candidate's own judged."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from pydantic import BaseModel, Field

from coach.errors import MAX_ANSWER_CHARS
from coach.i18n import translate
from coach.store.preparation import MAX_EMPLOYER_CHARS, get_preparation
from coach.toolkit.questions import MAX_ABOUT_CHARS, it_questions_by_topic, judge, verdict_json
from coach.web.deps import LangDep, StoreDep, UserDep, render

router = APIRouter()


def _page(request: Request, lang: str, status_code: int = 200, **context: Any) -> Any:
    return render(
        request,
        "it_questions.html",
        lang,
        status_code=status_code,
        groups=it_questions_by_topic(lang),
        max_about=MAX_ABOUT_CHARS,
        **context,
    )


@router.get("/it/questions")
def questions_page(request: Request, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The IT questions to ask, and the form for the candidate's own (the employer from the preparation)."""
    employer = get_preparation(store, user).employer
    return _page(request, lang, employer=employer, about="", text="", verdict=None, error=None)


@router.post("/it/questions")
def questions_judge(  # type: ignore[no-untyped-def]
    request: Request,
    lang: LangDep,
    text: Annotated[str, Form()] = "",
    employer: Annotated[str, Form()] = "",
    about: Annotated[str, Form()] = "",
    answer_lang: Annotated[str, Form()] = "",
):
    """Judge the candidate's questions: about the work at all, and specific to this employer."""
    said = answer_lang if answer_lang in ("nl", "en") else lang
    keep: dict[str, Any] = {
        "employer": employer[:MAX_EMPLOYER_CHARS],
        "about": about[:MAX_ABOUT_CHARS],
        "text": text,
    }
    if not text.strip() or len(text) > MAX_ANSWER_CHARS:
        error = translate(lang, "Type the questions you want to ask, one per line.")
        return _page(request, lang, status_code=400, verdict=None, error=error, **keep)
    verdict = judge(text, keep["employer"], keep["about"], said)
    return _page(request, lang, verdict=verdict, error=None, **keep)


class QuestionsIn(BaseModel):
    """The candidate's questions for the API."""

    text: str = Field(min_length=1, max_length=MAX_ANSWER_CHARS)
    employer: str = Field(default="", max_length=MAX_EMPLOYER_CHARS)
    about: str = Field(default="", max_length=MAX_ABOUT_CHARS)
    lang: str = "en"


@router.post("/api/it/questions")
def api_questions(body: QuestionsIn, lang: LangDep) -> dict[str, Any]:
    """Judge the candidate's questions for the interviewer."""
    if not body.text.strip():
        raise HTTPException(
            status_code=400, detail=translate(lang, "Type the questions you want to ask, one per line.")
        )
    return verdict_json(
        judge(body.text, body.employer, body.about, body.lang if body.lang in ("nl", "en") else lang)
    )
