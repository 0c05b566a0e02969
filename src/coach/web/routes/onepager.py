"""The results one-pager: the form (with each problem at its field), the preview, the PDF in nl or en."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from coach.i18n import translate
from coach.sales.profile import (
    MAX_PERIODS,
    MAX_REFERENCES,
    PERIOD_FIELDS,
    REFERENCE_FIELDS,
    by_field,
    normalise,
)
from coach.store.sales import ProfileRejected, load_profile, profile_data, save_profile
from coach.web.deps import LangDep, StoreDep, UserDep, render

router = APIRouter()
MAX_FIELD_CHARS = 2000  # a single form field; longer input is cut before validation says it is too long


def raw_from_form(form: Any) -> dict[str, Any]:
    """The profile's fields from the posted form (periods.0.target, references.1.name, ...)."""

    def get(name: str) -> str:
        value = form.get(name, "")
        return str(value)[:MAX_FIELD_CHARS] if isinstance(value, str) else ""

    return {
        "name": get("name"),
        "role": get("role"),
        "sales_cycle": get("sales_cycle"),
        "tools": get("tools"),
        "key_wins": get("key_wins"),
        "periods": [{f: get(f"periods.{i}.{f}") for f in PERIOD_FIELDS} for i in range(MAX_PERIODS)],
        "references": [
            {f: get(f"references.{i}.{f}") for f in REFERENCE_FIELDS} for i in range(MAX_REFERENCES)
        ],
    }


def _rows(
    items: list[dict[str, str]], fields: tuple[str, ...], least: int, most: int
) -> list[dict[str, str]]:
    rows = list(items[:most])
    while len(rows) < min(most, max(least, len(items) + 1)):
        rows.append(dict.fromkeys(fields, ""))
    return rows


def _page(
    request: Request,
    lang: str,
    data: dict[str, Any],
    problems: dict[str, Any],
    *,
    saved: bool,
    has_profile: bool,
) -> Any:
    return render(
        request,
        "onepager_form.html",
        lang,
        status_code=400
        if any(level == "error" for items in problems.values() for level, _ in items)
        else 200,
        data=data,
        periods=_rows(data["periods"], PERIOD_FIELDS, 2, MAX_PERIODS),
        references=_rows(data["references"], REFERENCE_FIELDS, 2, MAX_REFERENCES),
        problems=problems,
        has_errors=any(level == "error" for items in problems.values() for level, _ in items),
        saved=saved,
        has_profile=has_profile,
    )


@router.get("/onepager")
def onepager_page(request: Request, store: StoreDep, user: UserDep, lang: LangDep, saved: int = 0):  # type: ignore[no-untyped-def]
    """The one-pager form, filled in with the saved profile; its warnings; the preview and the PDFs."""
    found = profile_data(store, user)
    data = normalise(found[0] if found else {})
    problems: dict[str, Any] = {}
    if found:
        _, issues = load_profile(store, user)
        problems = by_field(issues, lang)
    return _page(request, lang, data, problems, saved=bool(saved), has_profile=found is not None)


@router.post("/onepager")
async def save_onepager(request: Request, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """Check the figures and save them; with a problem the form comes back with each message at its field."""
    form = await request.form()
    raw = raw_from_form(form)
    try:
        save_profile(store, user, raw, lang)
    except ProfileRejected as exc:
        found = profile_data(store, user)
        return _page(
            request, lang, normalise(raw), by_field(exc.problems, lang), saved=False, has_profile=bool(found)
        )
    return RedirectResponse("/onepager?saved=1#preview", status_code=303)


def _profile(store: Any, user: int, lang: str) -> Any:
    profile, _ = load_profile(store, user)
    if profile is None:
        raise HTTPException(
            status_code=404, detail=translate(lang, "There is no one-pager yet: fill in the form first.")
        )
    return profile


def _lang(value: str, fallback: str) -> str:
    return value if value in ("nl", "en") else fallback


@router.get("/onepager/preview")
def onepager_preview(store: StoreDep, user: UserDep, lang: LangDep, doc: str = "") -> HTMLResponse:
    """The one-pager as HTML, exactly as it goes into the PDF."""
    from coach.sales.onepager import render_html

    return HTMLResponse(render_html(_profile(store, user, lang), _lang(doc, lang)))


@router.get("/onepager.pdf")
def onepager_pdf(store: StoreDep, user: UserDep, lang: LangDep, doc: str = "") -> Response:
    """The one-pager as a one-page A4 PDF in `doc` (nl or en)."""
    from coach.sales.onepager import render_pdf

    doc = _lang(doc, lang)
    pdf = render_pdf(_profile(store, user, lang), doc)
    name = "resultaten.pdf" if doc == "nl" else "results.pdf"
    return Response(
        pdf, media_type="application/pdf", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
