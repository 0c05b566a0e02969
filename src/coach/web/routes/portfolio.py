"""The portfolio check on the web: a form that takes a local path to a git repository, and the report.

The path is on the computer that runs Coach: on a shared server, put this page behind authentication (it
reads any repository the server's user may read, and runs none of its code).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from coach.i18n import N_, translate
from coach.toolkit.portfolio import PortfolioError, check_repository, report_json
from coach.web.deps import LangDep, render

router = APIRouter()

MAX_PATH_CHARS = 1000
MESSAGES = {
    "not_found": N_("There is no folder at {path}."),
    "not_git": N_("{path} is not a git repository (no .git folder). Give the repository's top folder."),
    "empty": N_("Type the path of a git repository on this computer."),
}


def _error(code: str, path: str, lang: str) -> str:
    return translate(lang, MESSAGES[code], path=path)


@router.get("/it/portfolio")
def portfolio_page(request: Request, lang: LangDep):  # type: ignore[no-untyped-def]
    """The form."""
    return render(request, "portfolio.html", lang, path="", report=None, error=None)


@router.post("/it/portfolio")
async def portfolio_check(request: Request, lang: LangDep, path: Annotated[str, Form()] = ""):  # type: ignore[no-untyped-def]
    """Check the repository at `path` and show the report (the check runs off the event loop)."""
    path = path.strip()[:MAX_PATH_CHARS]
    if not path:
        return render(
            request,
            "portfolio.html",
            lang,
            status_code=400,
            path=path,
            report=None,
            error=_error("empty", path, lang),
        )
    try:
        report = await run_in_threadpool(check_repository, path, lang)
    except PortfolioError as exc:
        return render(
            request,
            "portfolio.html",
            lang,
            status_code=400,
            path=path,
            report=None,
            error=_error(exc.code, exc.path, lang),
        )
    return render(request, "portfolio.html", lang, path=path, report=report, error=None)


class PortfolioIn(BaseModel):
    """A repository to check through the API."""

    path: str = Field(min_length=1, max_length=MAX_PATH_CHARS)


@router.post("/api/it/portfolio")
async def api_portfolio(body: PortfolioIn, lang: LangDep) -> dict[str, Any]:
    """The portfolio report of the repository at `path` on this computer."""
    try:
        report = await run_in_threadpool(check_repository, body.path.strip(), lang)
    except PortfolioError as exc:
        raise HTTPException(status_code=400, detail=_error(exc.code, exc.path, lang)) from None
    return report_json(report)
