"""The pitch of the employer's product: inputs, the outline, the pitch against the clock, feedback."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from coach.i18n import N_, translate
from coach.sales.pitch import (
    MAX_PITCH_CHARS,
    MAX_SECONDS,
    PitchError,
    PitchInput,
    clean_input,
    outline,
    pitch_feedback,
)
from coach.store.preparation import get_preparation
from coach.store.sales import create_drill, get_drill, list_drills, update_drill
from coach.web.deps import LangDep, RowId, StoreDep, UserDep, render

router = APIRouter()
PITCH = "pitch"
FIELDS = ("employer", "product", "usps", "competitors", "targets", "pains", "name")


@router.get("/pitch")
def pitch_page(request: Request, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The form: employer (from the preparation), product, selling points, competitors, customers, pains."""
    prep = get_preparation(store, user)
    values = dict.fromkeys(FIELDS, "")
    values["employer"] = prep.employer if prep else ""
    return render(
        request,
        "pitch.html",
        lang,
        values=values,
        error_field=None,
        error=None,
        recent=list_drills(store, user, PITCH)[:5],
    )


@router.post("/pitch")
def start_pitch(  # type: ignore[no-untyped-def]
    request: Request,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    employer: Annotated[str, Form()] = "",
    product: Annotated[str, Form()] = "",
    usps: Annotated[str, Form()] = "",
    competitors: Annotated[str, Form()] = "",
    targets: Annotated[str, Form()] = "",
    pains: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    pitch_lang: Annotated[str, Form()] = "",
):
    """Build the outline and go to the pitch; a wrong field gives the form back with its message."""
    values = {
        "employer": employer,
        "product": product,
        "usps": usps,
        "competitors": competitors,
        "targets": targets,
        "pains": pains,
        "name": name,
    }
    try:
        pitch = clean_input(values)
    except PitchError as exc:
        return render(
            request,
            "pitch.html",
            lang,
            status_code=400,
            values=values,
            error_field=exc.field,
            error=translate(lang, exc.message, **exc.values),
            recent=[],
        )
    chosen = pitch_lang if pitch_lang in ("nl", "en") else lang
    setup = {"input": pitch.to_json(), "outline": outline(pitch, chosen)}
    drill_id = create_drill(store, user, PITCH, pitch.employer, chosen, [], setup)
    return RedirectResponse(f"/pitch/{drill_id}", status_code=303)


def _drill(store: Any, user: int, drill_id: int) -> Any:
    drill = get_drill(store, user, drill_id, PITCH)
    if drill is None:
        raise HTTPException(status_code=404)
    return drill


@router.get("/pitch/{drill_id}")
def pitch_drill(request: Request, drill_id: RowId, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The outline and the pitch form with a 5-minute timer, or the feedback once given."""
    drill = _drill(store, user, drill_id)
    return render(
        request,
        "pitch_drill.html",
        lang,
        drill=drill,
        outline=drill.setup.get("outline", {}),
        feedback=drill.feedback or {},
        time_limit=MAX_SECONDS,
        error=None,
        typed="",
    )


@router.post("/pitch/{drill_id}/answer")
def pitch_answer(  # type: ignore[no-untyped-def]
    request: Request,
    drill_id: RowId,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    text: Annotated[str, Form()] = "",
    elapsed: Annotated[str, Form()] = "",
):
    """Give feedback on the pitch and save it; a repeated submit changes nothing."""
    drill = _drill(store, user, drill_id)
    text = text.replace("\r\n", "\n")
    message = problem(text)
    if message is not None:
        return render(
            request,
            "pitch_drill.html",
            lang,
            status_code=400,
            drill=drill,
            outline=drill.setup.get("outline", {}),
            feedback={},
            time_limit=MAX_SECONDS,
            error=translate(lang, message, limit=MAX_PITCH_CHARS),
            typed=text[:MAX_PITCH_CHARS],
        )
    try:
        typing_s = float(elapsed) if elapsed else None
    except ValueError:
        typing_s = None
    submit(store, user, drill, text, typing_s)
    return RedirectResponse(f"/pitch/{drill_id}#feedback", status_code=303)


def problem(text: str) -> str | None:
    """Why a pitch can't be judged (a message to translate with `limit`), or None."""
    if not text.strip():
        return N_("Write your pitch first.")
    if len(text) > MAX_PITCH_CHARS:
        return N_("Your pitch is too long: at most {limit} characters.")
    return None


def submit(store: Any, user: int, drill: Any, text: str, seconds: float | None) -> None:
    """Judge and save the pitch of an active drill (typed or spoken alike); a finished drill keeps its own."""
    if drill.status != "active":
        return
    pitch = PitchInput(**{k: tuple(v) if isinstance(v, list) else v for k, v in drill.setup["input"].items()})
    result = pitch_feedback(text, drill.lang, pitch)
    result["typing_seconds"] = seconds
    turns = [{"role": "candidate", "text": text, "duration_s": seconds}]
    update_drill(store, user, drill.id, expected_turns=0, turns=turns, feedback=result, score=result["score"])
