"""The IT toolkit's drills on the web: the hub page, the design drill, the explain-it-simply drill, attempts.

A drill page shows one prompt (chosen at random, or picked from the lists), a timer and a text box; the
answer is judged (coach.toolkit.design / explain), saved with the time it took, and shown step by step.
"""

from __future__ import annotations

import random
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field

from coach.errors import MAX_ANSWER_CHARS
from coach.i18n import translate
from coach.store.drills import drill_progress, get_attempt, list_attempts, save_attempt
from coach.toolkit import design, explain
from coach.web.deps import LangDep, RowId, StoreDep, UserDep, render

router = APIRouter()

TIME_LIMITS = (0, 120, 180, 300)  # seconds; 0: no limit
MAX_QUESTION_SECONDS = 3600
DRILL_NAMES = {
    "design": ("Ontwerpvraag", "Design drill"),
    "explain": ("Eenvoudig uitleggen", "Explain it simply"),
}


def drill_name(drill: str, lang: str) -> str:
    """A drill's name in `lang`."""
    nl, en = DRILL_NAMES.get(drill, (drill, drill))
    return nl if lang == "nl" else en


def _clean(text: str, lang: str) -> str:
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


def _answer_lang(value: str, lang: str) -> str:
    return value if value in ("nl", "en") else lang


def _duration(elapsed: float | None) -> float | None:
    if elapsed is None or elapsed < 0:
        return None
    return round(min(elapsed, MAX_QUESTION_SECONDS), 1)


@router.get("/it")
def toolkit_page(request: Request, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The IT toolkit: the drills and tools, and the latest drill answers."""
    return render(
        request,
        "it_toolkit.html",
        lang,
        drills=[(drill_name(p.drill, lang), p) for p in drill_progress(store, user)],
        recent=[(a, drill_name(a.drill, lang)) for a in list_attempts(store, user)[:10]],
    )


def _design_choices(lang: str) -> dict[str, Any]:
    catalogue = design.load_catalogue()
    return {
        "technologies": sorted(
            ((k, v.get(lang)) for k, v in catalogue.technologies.items()), key=lambda x: x[1].lower()
        ),
        "use_cases": sorted(
            ((k, v.get(lang)) for k, v in catalogue.use_cases.items()), key=lambda x: x[1].lower()
        ),
    }


@router.get("/it/design")
def design_page(  # type: ignore[no-untyped-def]
    request: Request,
    lang: LangDep,
    tech: str = "",
    use_case: str = "",
    seed: int | None = None,
    time_limit: int = 0,
    answer_lang: str = "",
):
    """The design drill: a sensible pair (at random, or with the technology or use case chosen)."""
    said = _answer_lang(answer_lang, lang)
    try:
        prompt = design.pick(_seed(seed), tech or None, use_case or None)
        error = None
    except design.UnknownPair:
        prompt = design.pick(seed)
        error = translate(
            lang, "That technology and that use case don't make a sensible pair; here is another one."
        )
    return _drill_page(request, lang, "design", prompt, said, time_limit, error, _design_choices(lang))


def _seed(seed: int | None) -> int:
    """The seed asked for, or a random one."""
    return seed if seed is not None else random.SystemRandom().randrange(1, 2**31)


def _drill_page(  # type: ignore[no-untyped-def]
    request: Request,
    lang: str,
    drill: str,
    prompt: Any,
    said: str,
    time_limit: int,
    error: str | None,
    choices: dict[str, Any],
):
    """A drill's page: its question in the answer's language, the timer choice and the pickers."""
    return render(
        request,
        "it_drill.html",
        lang,
        drill=drill,
        title=drill_name(drill, lang),
        question=prompt.question(said),
        prompt=prompt.as_json(),
        answer_lang=said,
        time_limit=time_limit if time_limit in TIME_LIMITS else 0,
        time_limits=TIME_LIMITS,
        token=secrets.token_hex(16),
        error=error,
        **choices,
    )


def _explain_choices(lang: str) -> dict[str, Any]:
    catalogue = explain.load_catalogue()
    return {
        "concepts": sorted(
            ((k, v.get(lang)) for k, v in catalogue.concepts.items()), key=lambda x: x[1].lower()
        ),
        "audiences": [(k, v.get(lang)) for k, v in catalogue.audiences.items()],
    }


@router.get("/it/explain")
def explain_page(  # type: ignore[no-untyped-def]
    request: Request,
    lang: LangDep,
    concept: str = "",
    audience: str = "",
    seed: int | None = None,
    time_limit: int = 0,
    answer_lang: str = "",
):
    """The explain-it-simply drill: a concept and a listener."""
    said = _answer_lang(answer_lang, lang)
    try:
        prompt = explain.pick(_seed(seed), concept or None, audience or None)
        error = None
    except explain.UnknownPrompt:
        prompt = explain.pick(seed)
        error = translate(lang, "That concept or listener is not in the list; here is another one.")
    return _drill_page(request, lang, "explain", prompt, said, time_limit, error, _explain_choices(lang))


def judge(
    drill: str, prompt: dict[str, str], text: str, lang: str
) -> tuple[dict[str, Any], int, int, int, str]:
    """(verdict JSON, score, steps met, steps total, question) for an answer in `drill`; ValueError on a
    prompt that is not in the catalogue."""
    if drill == "design":
        catalogue = design.load_catalogue()
        tech, use_case = prompt.get("tech", ""), prompt.get("use_case", "")
        use = catalogue.use_cases.get(use_case)
        if use is None or tech not in use.fits:
            raise ValueError("unknown pair")
        result = design.evaluate(text, design.DesignPrompt(tech, use_case), lang)
        return (
            design.result_json(result, lang),
            result.feedback.score,
            result.met_count,
            len(result.steps),
            result.question,
        )
    if drill == "explain":
        catalogue_e = explain.load_catalogue()
        concept, audience = prompt.get("concept", ""), prompt.get("audience", "")
        if concept not in catalogue_e.concepts or audience not in catalogue_e.audiences:
            raise ValueError("unknown prompt")
        result_e = explain.evaluate(text, explain.ExplainPrompt(concept, audience), lang)
        return (
            explain.result_json(result_e),
            result_e.feedback.score,
            result_e.met_count,
            len(result_e.checks),
            result_e.question,
        )
    raise ValueError("unknown drill")


@router.post("/it/{drill}/answer")
def answer_drill(  # type: ignore[no-untyped-def]
    drill: str,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    text: Annotated[str, Form()] = "",
    answer_lang: Annotated[str, Form()] = "",
    tech: Annotated[str, Form()] = "",
    use_case: Annotated[str, Form()] = "",
    concept: Annotated[str, Form()] = "",
    audience: Annotated[str, Form()] = "",
    token: Annotated[str, Form()] = "",
    elapsed: Annotated[float | None, Form()] = None,
    timed_out: Annotated[str, Form()] = "",
):
    """Judge and save a drill answer, then show the verdict."""
    if drill not in ("design", "explain"):
        raise HTTPException(status_code=404)
    text = _clean(text, lang)
    said = _answer_lang(answer_lang, lang)
    prompt = (
        {"tech": tech, "use_case": use_case}
        if drill == "design"
        else {"concept": concept, "audience": audience}
    )
    attempt_id = submit(
        store, user, drill, prompt, text, said, lang, _duration(elapsed), timed_out == "1", token[:64] or None
    )
    return RedirectResponse(f"/it/attempts/{attempt_id}", status_code=303)


def submit(
    store: Any,
    user: int,
    drill: str,
    prompt: dict[str, str],
    text: str,
    said: str,
    lang: str,
    duration_s: float | None,
    timed_out: bool = False,
    token: str | None = None,
) -> int:
    """Judge and save a drill answer (typed or spoken alike); the attempt's id. HTTPException 400 for a prompt
    that is not in the catalogue."""
    try:
        verdict, score, met, total, question = judge(drill, prompt, text, said)
    except ValueError:
        raise HTTPException(
            status_code=400, detail=translate(lang, "This drill question is not known. Open the drill again.")
        ) from None
    return save_attempt(
        store,
        user,
        drill=drill,
        prompt=prompt,
        question_text=question,
        text=text,
        lang=said,
        score=score,
        steps_met=met,
        steps_total=total,
        result=verdict,
        duration_s=duration_s,
        timed_out=timed_out,
        token=token,
    )


def marked(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """`text` cut into (piece, note) where the pieces with a note are marked terms (no overlaps)."""
    out: list[tuple[str, str | None]] = []
    at = 0
    for start, end, note in sorted(spans):
        if start < at or not 0 <= start < end <= len(text):
            continue
        if start > at:
            out.append((text[at:start], None))
        out.append((text[start:end], note))
        at = end
    if at < len(text):
        out.append((text[at:], None))
    return out


@router.get("/it/attempts/{attempt_id}")
def attempt_page(request: Request, attempt_id: RowId, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """One drill answer with its verdict: the steps in order, what is missing, jargon marked."""
    attempt = get_attempt(store, user, attempt_id)
    if attempt is None:
        raise HTTPException(status_code=404)
    result = attempt.result or {}
    jargon = [(j["span"][0], j["span"][1], j["plain"]) for j in result.get("jargon", [])]
    steps = result.get("steps", [])
    missing = [(number, s) for number, s in enumerate(steps, 1) if s.get("status") != "met"]
    again = "/it/design" if attempt.drill == "design" else "/it/explain"
    query = "&".join(f"{k}={v}" for k, v in (attempt.prompt or {}).items())
    return render(
        request,
        "it_attempt.html",
        lang,
        attempt=attempt,
        title=drill_name(attempt.drill, lang),
        result=result,
        steps=steps,
        missing=missing,
        pieces=marked(attempt.text, jargon),
        again=f"{again}?{query}&answer_lang={attempt.lang}",
        new=again,
    )


# --- JSON API ---


class DrillAnswerIn(BaseModel):
    """A drill answer sent to the API."""

    text: str = Field(max_length=MAX_ANSWER_CHARS)
    lang: str = "en"
    prompt: dict[str, str]
    duration_s: float | None = None


@router.post("/api/it/drills/{drill}", status_code=201)
def api_answer_drill(
    drill: str, body: DrillAnswerIn, store: StoreDep, user: UserDep, lang: LangDep
) -> dict[str, Any]:
    """Judge and save a drill answer (drill: design with prompt {tech, use_case}, explain with
    {concept, audience}); returns the verdict with the attempt's id."""
    if drill not in ("design", "explain"):
        raise HTTPException(status_code=404)
    text = _clean(body.text, lang)
    said = _answer_lang(body.lang, lang)
    try:
        verdict, score, met, total, question = judge(drill, body.prompt, text, said)
    except ValueError:
        raise HTTPException(
            status_code=400, detail=translate(lang, "This drill question is not known. Open the drill again.")
        ) from None
    attempt_id = save_attempt(
        store,
        user,
        drill=drill,
        prompt=body.prompt,
        question_text=question,
        text=text,
        lang=said,
        score=score,
        steps_met=met,
        steps_total=total,
        result=verdict,
        duration_s=_duration(body.duration_s),
    )
    return {"id": attempt_id, **verdict}
