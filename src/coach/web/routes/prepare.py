"""Preparation: interview date and employer, the checklist per sector, questions to ask the interviewer."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from babel.dates import format_date
from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ConfigDict, Field

from coach.content.extras import ChecklistItem, load_checklists, load_interviewer_questions
from coach.i18n import translate
from coach.store.models import Preparation, utc
from coach.store.preparation import MAX_EMPLOYER_CHARS, SECTORS, get_preparation, save_preparation
from coach.web.deps import LangDep, StoreDep, UserDep, render

router = APIRouter()

LEVELS = ("junior", "medior", "senior")


def days_to_go(interview_date: date | None, today: date | None = None) -> int | None:
    """Days from `today` until the interview (negative once it has passed), or None without a date."""
    if interview_date is None:
        return None
    return (interview_date - (today or date.today())).days


def countdown_text(lang: str, interview_date: date | None, today: date | None = None) -> str | None:
    """The countdown (N days to go, today, or that date has passed) in `lang`; None without a date."""
    days = days_to_go(interview_date, today)
    if days is None:
        return None
    if days < 0:
        return translate(lang, "That date has passed.")
    if days == 0:
        return translate(lang, "Your interview is today. Good luck!")
    if days == 1:
        return translate(lang, "1 day to go")
    return translate(lang, "{days} days to go", days=days)


def checklist_for(sector: str) -> tuple[ChecklistItem, ...]:
    """The checklist shown for `sector`: its own items, then those for every candidate."""
    lists = load_checklists()
    return lists.get(sector, ()) + lists["both"]


def known_item_ids() -> set[str]:
    """Every checklist item id, of every sector."""
    return {item.id for items in load_checklists().values() for item in items}


def _sector(value: str, lang: str) -> str:
    if value not in SECTORS:
        raise HTTPException(status_code=400, detail=translate(lang, "Choose IT or sales as the sector."))
    return value


def _employer(value: str, lang: str) -> str:
    value = value.strip()
    if len(value) > MAX_EMPLOYER_CHARS:
        raise HTTPException(
            status_code=400,
            detail=translate(
                lang,
                "The employer's name is too long: the limit is {limit} characters.",
                limit=MAX_EMPLOYER_CHARS,
            ),
        )
    return value


def _date(value: str, lang: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(
            status_code=400,
            detail=translate(
                lang, "That is not a valid date. Pick one in the calendar or type it as YYYY-MM-DD."
            ),
        ) from None


def preparation_json(prep: Preparation) -> dict[str, Any]:
    """The preparation as the API returns it."""
    return {
        "sector": prep.sector,
        "interview_date": prep.interview_date.isoformat() if prep.interview_date else None,
        "days_to_go": days_to_go(prep.interview_date),
        "employer": prep.employer,
        "done": list(prep.done or []),
        "updated_at": utc(prep.updated_at).isoformat() if prep.updated_at else None,
    }


@router.get("/prepare")
def prepare_page(  # type: ignore[no-untyped-def]
    request: Request, store: StoreDep, user: UserDep, lang: LangDep, level: str = "", saved: int = 0
):
    """The preparation page: details and countdown, the checklist, and questions for the interviewer."""
    prep = get_preparation(store, user)
    if prep.id is None:  # nothing saved yet: the sector the candidate practises, not IT for everyone
        from coach.store.progress import usual_sector

        prep.sector = usual_sector(store, user) or prep.sector
    done = set(prep.done or [])
    checklist = [
        (item.id, item.item.get(lang), item.detail.get(lang), item.id in done)
        for item in checklist_for(prep.sector)
    ]
    chosen_level = level if level in LEVELS else ""
    questions = load_interviewer_questions()
    to_ask = [
        (q.text.get(lang), q.why.get(lang))
        for q in questions[prep.sector] + questions["general"]
        if not chosen_level or q.fits(chosen_level)
    ]
    return render(
        request,
        "prepare.html",
        lang,
        prep=prep,
        countdown=countdown_text(lang, prep.interview_date),
        date_text=format_date(prep.interview_date, format="long", locale=lang)
        if prep.interview_date
        else None,
        checklist=checklist,
        done_count=sum(1 for item in checklist if item[3]),
        questions=to_ask,
        level=chosen_level,
        saved=bool(saved),
    )


@router.post("/prepare")
def save_prepare(  # type: ignore[no-untyped-def]
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    sector: Annotated[str, Form()],
    shown_sector: Annotated[str, Form()] = "",
    interview_date: Annotated[str, Form()] = "",
    employer: Annotated[str, Form()] = "",
    done: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies form defaults
    level: Annotated[str, Form()] = "",
):
    """Save the details and the ticked checklist items; items of the other sector's list are kept."""
    sector = _sector(sector, lang)
    when = _date(interview_date, lang)
    name = _employer(employer, lang)
    previous = get_preparation(store, user)
    shown = {item.id for item in checklist_for(shown_sector if shown_sector in SECTORS else previous.sector)}
    known = known_item_ids()
    kept = [i for i in (previous.done or []) if i not in shown and i in known]
    ticked = [i for i in done if i in shown]
    save_preparation(store, user, sector=sector, interview_date=when, employer=name, done=kept + ticked)
    target = "/prepare?saved=1" + (f"&level={level}" if level in LEVELS else "")
    return RedirectResponse(target, status_code=303)


class PreparationUpdate(BaseModel):
    """A change to the preparation through the API; fields left out keep their value."""

    model_config = ConfigDict(extra="forbid")
    sector: Literal["it", "sales"] | None = None
    interview_date: date | None = None
    employer: str | None = Field(default=None, max_length=MAX_EMPLOYER_CHARS)
    done: list[str] | None = None


@router.get("/api/preparation")
def get_preparation_api(store: StoreDep, user: UserDep) -> dict[str, Any]:
    """The preparation as JSON."""
    return preparation_json(get_preparation(store, user))


@router.put("/api/preparation")
def put_preparation_api(
    update: PreparationUpdate, store: StoreDep, user: UserDep, lang: LangDep
) -> dict[str, Any]:
    """Change the preparation: sector, interview_date (YYYY-MM-DD or null), employer, done (item ids)."""
    current = get_preparation(store, user)
    given = update.model_fields_set
    done = list(current.done or [])
    if "done" in given:
        done = update.done or []
        unknown = sorted(set(done) - known_item_ids())
        if unknown:
            raise HTTPException(
                status_code=400,
                detail=translate(lang, "Unknown checklist items: {ids}", ids=", ".join(unknown)),
            )
    saved = save_preparation(
        store,
        user,
        sector=update.sector if "sector" in given and update.sector else current.sector,
        interview_date=update.interview_date if "interview_date" in given else current.interview_date,
        employer=_employer(update.employer or "", lang) if "employer" in given else current.employer,
        done=done,
    )
    return preparation_json(saved)
