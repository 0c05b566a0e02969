"""History: every interview, and one interview with each answer and its feedback."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from coach.practice.session import final_scores
from coach.web import feedback_view
from coach.web.deps import LangDep, RowId, StoreDep, UserDep, render
from coach.web.highlight import render_answer
from coach.web.routes.interviews import STAR_LABELS
from coach.web.sales_views import drills_context

router = APIRouter()


@router.get("/history")
def history(request: Request, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    rows = []
    for interview in store.interviews(user):
        scores = final_scores(interview)
        rows.append((interview, scores, round(sum(scores) / len(scores)) if scores else None))
    return render(request, "history.html", lang, rows=rows, **drills_context(store, user, lang))


@router.get("/history/{interview_id}")
def history_detail(request: Request, interview_id: RowId, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    interview = store.interview(user, interview_id)
    if interview is None:
        raise HTTPException(status_code=404)
    labels = STAR_LABELS.get(lang, STAR_LABELS["en"])
    items = []
    first_text: dict[int, str] = {}
    for a in interview.answers:
        text = a.text
        if a.kind == "answer":
            first_text[a.position] = a.text
        else:
            text = f"{first_text.get(a.position, '')}\n\n{a.text}".strip()
        view = feedback_view.build(a.feedback, text, lang, a.score, a.question_id, examples=False)
        items.append((a, render_answer(text, a.feedback, labels, prefix=f"a{a.id}-"), view))
    return render(
        request, "history_detail.html", lang, interview=interview, items=items, star_labels=labels
    )
