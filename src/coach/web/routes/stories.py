"""The story bank: the candidate's own STAR(R) stories, their feedback, and the categories they cover."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from coach.content.schema import CATEGORIES
from coach.i18n import translate
from coach.store.models import Story
from coach.store.stories import (
    ALL_CATEGORIES,
    MAX_STORY_CHARS,
    MAX_TITLE_CHARS,
    STRONG_SCORE,
    StoryError,
    coverage,
    create_story,
    delete_story,
    get_story,
    list_stories,
    update_story,
)
from coach.store.transfer import story_json
from coach.web import feedback_view
from coach.web.deps import LangDep, StoreDep, UserDep, render
from coach.web.highlight import render_answer
from coach.web.routes.interviews import STAR_LABELS

router = APIRouter()

SECTOR_NAMES = {"it": ("IT", "IT"), "sales": ("Sales", "Sales"), "general": ("Algemeen", "General")}

CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    # it
    "technical_depth": ("Technische diepgang", "Technical depth"),
    "problem_solving": ("Problemen oplossen", "Problem solving"),
    "explain_simply": ("Uitleggen aan niet-technische mensen", "Explaining to non-technical people"),
    "disagreement": ("Het oneens zijn met een collega", "Disagreeing with a colleague"),
    "remote_async": ("Op afstand en asynchroon werken", "Remote and asynchronous work"),
    "mentoring": ("Collega's begeleiden", "Mentoring colleagues"),
    "ai_development": ("AI bij het ontwikkelen", "AI in software development"),
    "keeping_up": ("Bijblijven met nieuwe technologie", "Keeping up with new technology"),
    "failed_project": ("Een project dat misging", "A project that went wrong"),
    # sales
    "targets": ("Targets en resultaten", "Targets and results"),
    "biggest_deal": ("Je grootste deal", "Your biggest deal"),
    "dry_spell": ("Een periode zonder resultaat", "A dry spell"),
    "rejection": ("Afwijzing en verloren klanten", "Rejection and lost customers"),
    "remote_selling": ("Op afstand verkopen", "Selling remotely"),
    "tools_crm": ("Tools, CRM en AI", "Tools, CRM and AI"),
    "dutch_buyers": ("Directe Nederlandse kopers", "Direct Dutch buyers"),
    "procurement": ("Inkoop en onderhandelen over de prijs", "Procurement and price negotiation"),
    "objections": ("Omgaan met bezwaren", "Handling objections"),
    "difficult_customer": ("Een lastige klant", "A difficult customer"),
    "motivation": ("Je drijfveren in sales", "What drives you in sales"),
    "it_motivation": ("Waarom je in de IT wilt werken", "Why you want to work in IT"),
    "it_terms": ("Bereikbaarheid en werkafspraken", "On-call and working terms"),
    "sales_terms": ("Vast en variabel: beloning in sales", "Base and variable: pay in sales"),
    "practicalities": ("Salaris, opzegtermijn en uren", "Salary, notice period and hours"),
    # general
    "teamwork": ("Samenwerken", "Teamwork"),
    "conflict": ("Conflicten", "Conflict"),
    "leadership": ("Leiding nemen en beslissen", "Leadership and decisions"),
    "failure": ("Fouten en mislukkingen", "Mistakes and failure"),
    "adaptability": ("Aanpassingsvermogen", "Adaptability"),
    "pressure": ("Werken onder druk", "Working under pressure"),
    "feedback": ("Feedback vragen en geven", "Asking for and giving feedback"),
    "motivation_fit": ("Motivatie, sterke en zwakke punten", "Motivation, strengths and weaknesses"),
    "closing": ("Je eigen vragen aan het eind", "Your own questions at the end"),
}


def category_name(category: str, lang: str) -> str:
    """A question category's readable name in `lang`."""
    nl, en = CATEGORY_NAMES.get(category, (category, category))
    return nl if lang == "nl" else en


def sector_groups(lang: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(sector, its name, [(category, its name)]) for every sector, in `lang`."""
    groups = []
    for sector, categories in CATEGORIES.items():
        nl, en = SECTOR_NAMES.get(sector, (sector, sector))
        groups.append((sector, nl if lang == "nl" else en, [(c, category_name(c, lang)) for c in categories]))
    return groups


def _found(store: Any, user: int, story_id: int) -> Story:
    story = get_story(store, user, story_id)
    if story is None:
        raise HTTPException(status_code=404)
    return story


def _message(error: StoryError, lang: str) -> str:
    return translate(lang, error.message, **error.values)


def _form_page(
    request: Request,
    lang: str,
    *,
    story: Story | None,
    title: str,
    text: str,
    tags: list[str],
    story_lang: str,
    error: str | None = None,
) -> Any:
    return render(
        request,
        "story_form.html",
        lang,
        status_code=400 if error else 200,
        story=story,
        title=title,
        text=text,
        tags=set(tags),
        story_lang=story_lang,
        error=error,
        groups=sector_groups(lang),
        max_title=MAX_TITLE_CHARS,
        max_text=MAX_STORY_CHARS,
    )


# --- pages ---


@router.get("/stories")
def stories_page(  # type: ignore[no-untyped-def]
    request: Request, store: StoreDep, user: UserDep, lang: LangDep, sector: str = ""
):
    """The list of stories and the coverage matrix of the sector the candidate practises (and general
    questions); `?sector=all` (or it, sales) shows another."""
    from coach.store.progress import usual_sector

    stories = list_stories(store, user)
    usual = usual_sector(store, user)
    shown = sector if sector in ("it", "sales", "all") else (usual or "all")
    groups = [g for g in sector_groups(lang) if shown == "all" or g[0] in (shown, "general")]
    found = coverage(stories)
    visible = [category for _, _, categories in groups for category, _ in categories]
    return render(
        request,
        "stories.html",
        lang,
        stories=stories,
        coverage=found,
        covered=sum(1 for c in visible if found.status(c) == "strong"),
        total=len(visible),
        shown_sector=shown,
        sector_choices=[("all", translate(lang, "All sectors")), ("it", "IT"), ("sales", "Sales")],
        groups=groups,
        names={c: category_name(c, lang) for c in ALL_CATEGORIES},
        strong_score=STRONG_SCORE,
    )


@router.get("/stories/new")
def new_story(request: Request, lang: LangDep, tag: str = ""):  # type: ignore[no-untyped-def]
    """An empty story form; `?tag=` ticks that category already."""
    tags = [tag] if tag in ALL_CATEGORIES else []
    return _form_page(request, lang, story=None, title="", text="", tags=tags, story_lang="auto")


@dataclass(frozen=True)
class StoryForm:
    """The story form's fields as posted."""

    title: str
    text: str
    story_lang: str
    tags: list[str]


def _story_form(
    title: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    story_lang: Annotated[str, Form()] = "auto",
    tags: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies the default
) -> StoryForm:
    return StoryForm(title, text, story_lang, tags)


StoryFormDep = Annotated[StoryForm, Depends(_story_form)]


@router.post("/stories")
def create_story_page(request: Request, store: StoreDep, user: UserDep, lang: LangDep, form: StoryFormDep):  # type: ignore[no-untyped-def]
    """Check and save a new story, then show its feedback; bad input gives the form back with a message."""
    try:
        story_id = create_story(store, user, form.title, form.text, form.tags, form.story_lang)
    except StoryError as exc:
        return _form_page(request, lang, story=None, **asdict(form), error=_message(exc, lang))
    return RedirectResponse(f"/stories/{story_id}", status_code=303)


@router.get("/stories/{story_id:int}")
def story_page(request: Request, story_id: int, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """One story with the engine's feedback: score, highlights, findings."""
    story = _found(store, user, story_id)
    feedback = story.feedback or {}
    labels = STAR_LABELS.get(lang, STAR_LABELS["en"])
    return render(
        request,
        "story.html",
        lang,
        story=story,
        feedback=feedback,
        marked=render_answer(story.text, feedback, labels, prefix=f"s{story.id}-"),
        view=feedback_view.build(feedback, story.text, lang, story.score, examples=False),
        star_labels=labels,
        tag_names=[category_name(t, lang) for t in story.tags or []],
        strong_score=STRONG_SCORE,
    )


@router.get("/stories/{story_id:int}/edit")
def edit_story(request: Request, story_id: int, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The story form filled in with the story."""
    story = _found(store, user, story_id)
    return _form_page(
        request,
        lang,
        story=story,
        title=story.title,
        text=story.text,
        tags=list(story.tags or []),
        story_lang=story.lang,
    )


@router.post("/stories/{story_id:int}")
def update_story_page(  # type: ignore[no-untyped-def]
    request: Request, story_id: int, store: StoreDep, user: UserDep, lang: LangDep, form: StoryFormDep
):
    """Check and save the changed story, then show its new feedback."""
    story = _found(store, user, story_id)
    try:
        saved = update_story(store, user, story_id, form.title, form.text, form.tags, form.story_lang)
    except StoryError as exc:
        return _form_page(request, lang, story=story, **asdict(form), error=_message(exc, lang))
    if not saved:
        raise HTTPException(status_code=404)
    return RedirectResponse(f"/stories/{story_id}", status_code=303)


@router.post("/stories/{story_id:int}/delete")
def delete_story_page(  # type: ignore[no-untyped-def]
    story_id: int,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    confirm: Annotated[str, Form()] = "",
):
    """Delete a story once the user has ticked the confirmation box."""
    _found(store, user, story_id)
    if confirm != "yes":
        raise HTTPException(
            status_code=400,
            detail=translate(lang, "Tick the box to confirm that you want to delete this story."),
        )
    delete_story(store, user, story_id)
    return RedirectResponse("/stories", status_code=303)


# --- JSON API ---


class StoryIn(BaseModel):
    """A story as sent to the API."""

    title: str = ""
    text: str = ""
    tags: list[str] = Field(default_factory=list)
    lang: str | None = None


def _api_error(error: StoryError, lang: str) -> HTTPException:
    return HTTPException(status_code=400, detail=_message(error, lang))


@router.get("/api/stories")
def api_stories(store: StoreDep, user: UserDep) -> dict[str, Any]:
    """All the user's stories, most recently changed first."""
    return {"stories": [story_json(s) for s in list_stories(store, user)]}


@router.post("/api/stories", status_code=201)
def api_create_story(body: StoryIn, store: StoreDep, user: UserDep, lang: LangDep) -> dict[str, Any]:
    """Check and save a new story; returns it with its score and feedback."""
    try:
        story_id = create_story(store, user, body.title, body.text, body.tags, body.lang)
    except StoryError as exc:
        raise _api_error(exc, lang) from exc
    return story_json(_found(store, user, story_id))


@router.get("/api/stories/{story_id:int}")
def api_story(story_id: int, store: StoreDep, user: UserDep) -> dict[str, Any]:
    """One story with its score and feedback."""
    return story_json(_found(store, user, story_id))


@router.put("/api/stories/{story_id:int}")
def api_update_story(
    story_id: int, body: StoryIn, store: StoreDep, user: UserDep, lang: LangDep
) -> dict[str, Any]:
    """Replace a story's title, text, tags and language; it is checked again."""
    _found(store, user, story_id)
    try:
        saved = update_story(store, user, story_id, body.title, body.text, body.tags, body.lang)
    except StoryError as exc:
        raise _api_error(exc, lang) from exc
    if not saved:
        raise HTTPException(status_code=404)
    return story_json(_found(store, user, story_id))


@router.delete("/api/stories/{story_id:int}", status_code=204)
def api_delete_story(story_id: int, store: StoreDep, user: UserDep) -> Response:
    """Delete a story."""
    if not delete_story(store, user, story_id):
        raise HTTPException(status_code=404)
    return Response(status_code=204)
