"""The objection-handling role-play in the browser: choose an objection, answer, the buyer pushes back."""

from __future__ import annotations

import random
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from coach.content.objections import get_objection, load_objections
from coach.i18n import translate
from coach.practice.roleplay import MAX_PUSHBACKS, ROLEPLAY, RoleplayError, respond, start
from coach.store.sales import get_drill, list_drills
from coach.web.deps import LangDep, RowId, StoreDep, UserDep, render

router = APIRouter()
TIME_LIMITS = (0, 30, 60, 90, 120)
DEFAULT_TIME_LIMIT = 60

CATEGORY_NAMES = {
    "price": ("Prijs", "Price"),
    "budget": ("Budget", "Budget"),
    "status_quo": ("Tevreden met wat er is", "Happy with what they have"),
    "stalling": ("Uitstellen", "Stalling"),
    "authority": ("Wie beslist", "Who decides"),
    "time": ("Tijd en timing", "Time and timing"),
    "trust": ("Vertrouwen", "Trust"),
    "competitor": ("Concurrent of zelf doen", "Competitor or in-house"),
    "contract": ("Contract en inkoop", "Contract and procurement"),
    "risk": ("Risico", "Risk"),
    "need": ("Nut en noodzaak", "Need"),
}


def category_name(category: str, lang: str) -> str:
    nl, en = CATEGORY_NAMES.get(category, (category, category))
    return nl if lang == "nl" else en


@router.get("/roleplay")
def roleplay_page(request: Request, store: StoreDep, user: UserDep, lang: LangDep, objection: str = ""):  # type: ignore[no-untyped-def]
    """Choose an objection (or a random one) and the time per answer; the last role-plays."""
    return render(
        request,
        "roleplay.html",
        lang,
        objections=[(o.id, o.text.get(lang), category_name(o.category, lang)) for o in load_objections()],
        recent=list_drills(store, user, ROLEPLAY)[:5],
        time_limits=TIME_LIMITS,
        default_limit=DEFAULT_TIME_LIMIT,
        texts={o.id: o.text.get(lang) for o in load_objections()},
        chosen=objection,
    )


@router.post("/roleplay")
def start_roleplay(  # type: ignore[no-untyped-def]
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    objection: Annotated[str, Form()] = "random",
    time_limit: Annotated[int, Form()] = DEFAULT_TIME_LIMIT,
):
    """Start a role-play and go to it."""
    chosen = random.choice(load_objections()) if objection == "random" else get_objection(objection)
    if chosen is None:
        raise HTTPException(status_code=400, detail=translate(lang, "Choose an objection from the list."))
    limit = time_limit if time_limit in TIME_LIMITS else DEFAULT_TIME_LIMIT
    drill_id = start(store, user, chosen, lang)
    return RedirectResponse(f"/roleplay/{drill_id}?limit={limit}", status_code=303)


def _drill(store: Any, user: int, drill_id: int) -> Any:
    drill = get_drill(store, user, drill_id, ROLEPLAY)
    if drill is None:
        raise HTTPException(status_code=404)
    return drill


@router.get("/roleplay/{drill_id}")
def roleplay_drill(  # type: ignore[no-untyped-def]
    request: Request,
    drill_id: RowId,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    limit: int = DEFAULT_TIME_LIMIT,
):
    """The conversation so far and the answer form, or, once it is over, the feedback."""
    drill = _drill(store, user, drill_id)
    objection = get_objection(drill.item)
    pushbacks = sum(1 for t in drill.turns if t.get("role") == "buyer" and t.get("key"))
    return render(
        request,
        "roleplay_drill.html",
        lang,
        drill=drill,
        objection=objection,
        time_limit=limit if limit in TIME_LIMITS else DEFAULT_TIME_LIMIT,
        pushbacks=pushbacks,
        max_pushbacks=MAX_PUSHBACKS,
        feedback=drill.feedback or {},
        error=None,
    )


@router.post("/roleplay/{drill_id}/answer")
def roleplay_answer(  # type: ignore[no-untyped-def]
    request: Request,
    drill_id: RowId,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    text: Annotated[str, Form()] = "",
    turns: Annotated[int, Form()] = 0,
    elapsed: Annotated[str, Form()] = "",
    limit: Annotated[int, Form()] = DEFAULT_TIME_LIMIT,
):
    """Judge the answer; the buyer pushes back or the drill ends. A repeated submit changes nothing."""
    drill = _drill(store, user, drill_id)
    try:
        seconds = float(elapsed) if elapsed else None
    except ValueError:
        seconds = None
    try:
        respond(store, user, drill_id, text.replace("\r\n", "\n"), expected_turns=turns, duration_s=seconds)
    except RoleplayError as exc:
        return render(
            request,
            "roleplay_drill.html",
            lang,
            status_code=400,
            drill=drill,
            objection=get_objection(drill.item),
            time_limit=limit,
            pushbacks=sum(1 for t in drill.turns if t.get("role") == "buyer" and t.get("key")),
            max_pushbacks=MAX_PUSHBACKS,
            feedback={},
            error=translate(lang, exc.message),
            typed=text,
        )
    return RedirectResponse(f"/roleplay/{drill_id}?limit={limit}", status_code=303)
