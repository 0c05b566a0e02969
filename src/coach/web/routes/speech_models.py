"""The speech model per language on the settings page (the same choice as `coach models use`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from coach.errors import CoachError
from coach.web.deps import LangDep, templates

router = APIRouter()


def model_options(lang: str) -> list[dict[str, Any]]:
    """The models that can transcribe answers in `lang`, for the settings page: name, whether it is chosen,
    installed, the default, and whether it would come from a model hub (not from PyPI)."""
    from coach.speech.models import (
        DEFAULT_MODELS,
        PACKAGED,
        english_only,
        is_installed,
        known_names,
        model_for,
    )

    chosen = model_for(lang)
    return [
        {
            "name": name,
            "selected": name == chosen,
            "installed": is_installed(name),
            "default": name == DEFAULT_MODELS[lang],
            "hub": name not in PACKAGED,
        }
        for name in known_names()
        if lang == "en" or not english_only(name)
    ]


templates().env.globals["speech_model_options"] = model_options


@router.post("/settings/speech/models")
def save_models(  # type: ignore[no-untyped-def]
    request: Request,
    lang: LangDep,
    model_nl: Annotated[str, Form()] = "",
    model_en: Annotated[str, Form()] = "",
):
    """Choose the speech model for Dutch and for English answers."""
    from coach.speech.models import choose_model

    try:
        for code, name in (("nl", model_nl), ("en", model_en)):
            if name:
                choose_model(code, name, lang)
    except CoachError as exc:
        raise HTTPException(status_code=400, detail=exc.error.message) from exc
    return RedirectResponse("/settings?saved=1", status_code=303)
