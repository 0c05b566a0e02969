"""The question bank browser: filter and search the questions, and read one with its guidance and examples."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request

from coach.analysis.rules import rubric_names
from coach.cli.questions import filter_questions, question_json, strong_examples
from coach.content.bank import get_question, search_questions
from coach.content.schema import CATEGORIES, ROLES, SECTOR_OF_ROLE, Question
from coach.i18n import N_, translate
from coach.store.progress import usual_sector
from coach.store.repository import Store
from coach.web.auth import NotSignedIn
from coach.web.deps import LangDep, StoreDep, get_user, render
from coach.web.routes.home import role_name

router = APIRouter()

SECTOR_NAMES = {"it": "IT", "sales": "Sales", "general": N_("General")}
LEVEL_NAMES = {"junior": N_("Junior"), "medior": N_("Medior"), "senior": N_("Senior")}
CATEGORY_NAMES = {
    "technical_depth": N_("Technical depth"),
    "problem_solving": N_("Problem solving"),
    "explain_simply": N_("Explaining simply"),
    "disagreement": N_("Disagreement"),
    "remote_async": N_("Remote and async work"),
    "mentoring": N_("Mentoring"),
    "ai_development": N_("AI in development"),
    "keeping_up": N_("Keeping up"),
    "failed_project": N_("Failed project"),
    "targets": N_("Targets"),
    "biggest_deal": N_("Biggest deal"),
    "dry_spell": N_("Dry spell"),
    "rejection": N_("Rejection"),
    "remote_selling": N_("Remote selling"),
    "tools_crm": N_("Tools and CRM"),
    "dutch_buyers": N_("Dutch buyers"),
    "procurement": N_("Procurement"),
    "objections": N_("Objections"),
    "difficult_customer": N_("Difficult customers"),
    "motivation": N_("Motivation"),
    "teamwork": N_("Teamwork"),
    "conflict": N_("Conflicts"),
    "leadership": N_("Leadership"),
    "failure": N_("Failure"),
    "adaptability": N_("Adaptability"),
    "pressure": N_("Pressure"),
    "feedback": N_("Feedback"),
    "motivation_fit": N_("Motivation and fit"),
    "closing": N_("Closing questions"),
    "practicalities": N_("Practicalities"),
    "it_motivation": N_("Why IT"),
    "it_terms": N_("On-call and working terms"),
    "sales_terms": N_("Pay and terms in sales"),
}

PAGE_SIZE = 15  # questions per page: a phone shows a short list
Filter = Annotated[str | None, Query(max_length=40)]
Search = Annotated[str | None, Query(max_length=200)]


def category_name(category: str, lang: str) -> str:
    """A question category's name in `lang` (its id when it has no name yet)."""
    name = CATEGORY_NAMES.get(category)
    return translate(lang, name) if name else category.replace("_", " ")


def sector_name(sector: str, lang: str) -> str:
    """A sector's name in `lang`."""
    return translate(lang, SECTOR_NAMES[sector]) if sector in SECTOR_NAMES else sector


def _choice(value: str | None, allowed: Any, lang: str) -> str | None:
    """A filter's value: None for "all", the value when it is one of `allowed`, else a 400."""
    value = (value or "").strip()
    if not value:
        return None
    if value not in allowed:
        raise HTTPException(
            status_code=400,
            detail=translate(
                lang, "There is no filter value '{value}'. Choose one from the list.", value=value
            ),
        )
    return value


def selected_questions(
    lang: str,
    sector: str | None,
    category: str | None,
    role: str | None,
    level: str | None,
    q: str | None,
) -> list[Question]:
    """The questions matching the filters and the search words (best match first when searching)."""
    categories = {c for names in CATEGORIES.values() for c in names}
    questions = filter_questions(
        _choice(sector, CATEGORIES, lang),
        _choice(category, categories, lang),
        _choice(role, ROLES, lang),
        _choice(level, LEVEL_NAMES, lang),
    )
    words = (q or "").strip()
    if words:
        wanted = set(questions)
        questions = [found for found in search_questions(words, lang) if found in wanted]
    return questions


@router.get("/questions")
def question_list(  # type: ignore[no-untyped-def]
    request: Request,
    lang: LangDep,
    sector: Filter = None,
    category: Filter = None,
    role: Filter = None,
    level: Filter = None,
    q: Search = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
):
    """The question bank with filters (sector, category, role, level) and a search box, a page at a time."""
    questions = selected_questions(lang, sector, category, role, level, q)
    pages = max(1, -(-len(questions) // PAGE_SIZE))
    page = min(page, pages)
    chosen = {"sector": sector, "category": category, "role": role, "level": level, "q": q}

    def page_query(number: int) -> str:
        return urlencode({**{k: v for k, v in chosen.items() if v}, "page": number})

    return render(
        request,
        "questions.html",
        lang,
        questions=questions[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        total=len(questions),
        page=page,
        pages=pages,
        page_query=page_query,
        practised=sector if sector in ("it", "sales") else SECTOR_OF_ROLE.get(role or ""),
        chosen={"sector": sector or "", "category": category or "", "role": role or "", "level": level or ""},
        words=q or "",
        sectors=[(s, sector_name(s, lang)) for s in CATEGORIES],
        categories=[
            (sector_name(s, lang), [(c, category_name(c, lang)) for c in names])
            for s, names in CATEGORIES.items()
        ],
        roles=[(r, role_name(r, lang)) for r in ROLES],
        levels=[(value, translate(lang, name)) for value, name in LEVEL_NAMES.items()],
        category_name=category_name,
        sector_name=sector_name,
    )


def practised_sector(request: Request, store: Store, wanted: str | None) -> str | None:
    """The sector whose example a question page shows first: the one asked for (the bank's role filter
    passes it on), else the one the user practises most, else none (a visitor who is not signed in)."""
    if wanted in ("it", "sales"):
        return wanted
    try:
        user = get_user(request)
    except NotSignedIn:
        return None
    return usual_sector(store, user)


@router.get("/questions/{question_id}")
def question_page(  # type: ignore[no-untyped-def]
    request: Request, question_id: str, lang: LangDep, store: StoreDep, sector: Filter = None
):
    """One question: what it tests, what a strong answer has, common mistakes, follow-ups, examples (the
    one from the sector being practised first)."""
    question = get_question(question_id)
    if question is None:
        raise HTTPException(status_code=404)
    rubric, avoids = rubric_names(question.rubric, lang)
    return render(
        request,
        "question.html",
        lang,
        question=question,
        strong_examples=strong_examples(question, practised_sector(request, store, sector), lang),
        rubric=rubric,
        avoids=avoids,
        category=category_name(question.category, lang),
        sector=sector_name(question.sector, lang),
        roles=[role_name(r, lang) if r != "any" else translate(lang, "every role") for r in question.roles],
        levels=[translate(lang, LEVEL_NAMES[level]) for level in question.levels],
    )


@router.get("/api/questions")
def api_questions(  # type: ignore[no-untyped-def]
    lang: LangDep,
    sector: Filter = None,
    category: Filter = None,
    role: Filter = None,
    level: Filter = None,
    q: Search = None,
):
    """The questions matching the filters, as JSON (the question schema of content/schema.py)."""
    questions = selected_questions(lang, sector, category, role, level, q)
    return {"count": len(questions), "questions": [_with_labels(found, lang) for found in questions]}


def _with_labels(question: Question, lang: str) -> dict[str, Any]:
    """A question as JSON with `labels`: its sector, category, roles and levels as a person reads them."""
    found = question_json(question)
    found["labels"] = {
        "sector": sector_name(question.sector, lang),
        "category": category_name(question.category, lang),
        "roles": [
            role_name(r, lang) if r != "any" else translate(lang, "every role") for r in question.roles
        ],
        "levels": [translate(lang, LEVEL_NAMES[level]) for level in question.levels],
    }
    return found


@router.get("/api/questions/{question_id}")
def api_question(question_id: str, lang: LangDep):  # type: ignore[no-untyped-def]
    """One question as JSON, with its labels."""
    question = get_question(question_id)
    if question is None:
        raise HTTPException(status_code=404)
    return _with_labels(question, lang)
