"""The stack-gap page: the candidate's stack against the employer's (typed, picked, or read from a job ad)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from pydantic import BaseModel, Field

from coach.i18n import translate
from coach.toolkit.stack import (
    ParsedStack,
    all_technologies,
    compare,
    name,
    parse_stack,
    report_json,
    stack_from_ad,
)
from coach.web.deps import LangDep, render, templates

router = APIRouter()
templates().env.filters["tech_name"] = name

MAX_AD_CHARS = 20_000
MAX_STACK_CHARS = 1_000


def _combined(text: str, picked: list[str], ad: str = "") -> ParsedStack:
    """A stack from a typed list, ticked technologies and (for the employer) a job ad."""
    typed = parse_stack(text[:MAX_STACK_CHARS])
    known = {t for t, _, _ in all_technologies()}
    from_ad = stack_from_ad(ad[:MAX_AD_CHARS]).known if ad.strip() else ()
    ids = tuple(dict.fromkeys([*typed.known, *(p for p in picked if p in known), *from_ad]))
    return ParsedStack(ids, typed.unknown)


def _page(request: Request, lang: str, **context: Any) -> Any:
    defaults: dict[str, Any] = {
        "have": "",
        "want": "",
        "ad": "",
        "picked_have": set(),
        "picked_want": set(),
        "report": None,
        "error": None,
    }
    defaults.update(context)
    return render(
        request,
        "stack_gap.html",
        lang,
        status_code=400 if defaults["error"] else 200,
        technologies=all_technologies(),
        max_ad=MAX_AD_CHARS,
        **defaults,
    )


@router.get("/it/stack-gap")
def stack_gap_page(request: Request, lang: LangDep, have: str = "", want: str = ""):  # type: ignore[no-untyped-def]
    """The form; with ?have=...&want=... the comparison too."""
    report = None
    if have and want:
        report = compare(parse_stack(have), parse_stack(want), lang)
    return _page(request, lang, have=have, want=want, report=report)


@router.post("/it/stack-gap")
def stack_gap_compare(  # type: ignore[no-untyped-def]
    request: Request,
    lang: LangDep,
    have: Annotated[str, Form()] = "",
    want: Annotated[str, Form()] = "",
    ad: Annotated[str, Form()] = "",
    picked_have: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies form defaults
    picked_want: Annotated[list[str], Form()] = [],  # noqa: B006
):
    """Compare the two stacks and show the talking points and learning plan."""
    had = _combined(have, picked_have)
    wanted = _combined(want, picked_want, ad)
    keep = {
        "have": have,
        "want": want,
        "ad": ad,
        "picked_have": set(picked_have),
        "picked_want": set(picked_want),
    }
    if not had.known:
        return _page(
            request,
            lang,
            error=translate(lang, "Type or tick at least one technology you have worked with."),
            **keep,
        )
    if not wanted.known:
        return _page(
            request,
            lang,
            error=translate(
                lang, "No technology of the employer was recognised. Type or tick them, or paste the job ad."
            ),
            **keep,
        )
    return _page(request, lang, report=compare(had, wanted, lang), **keep)


class StackGapIn(BaseModel):
    """Two stacks for the API: comma-separated lists, and optionally a job ad for the employer's."""

    have: str = Field(max_length=MAX_STACK_CHARS)
    want: str = Field(default="", max_length=MAX_STACK_CHARS)
    ad: str = Field(default="", max_length=MAX_AD_CHARS)


@router.post("/api/it/stack-gap")
def api_stack_gap(body: StackGapIn, lang: LangDep) -> dict[str, Any]:
    """What carries over from `have` to `want` (and the stack read from `ad`), with talking points."""
    had, wanted = _combined(body.have, []), _combined(body.want, [], body.ad)
    if not had.known or not wanted.known:
        raise HTTPException(
            status_code=400, detail=translate(lang, "Name at least one known technology on each side.")
        )
    return report_json(compare(had, wanted, lang))
