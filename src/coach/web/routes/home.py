"""The start page (choose an interview or resume one) and the language switch."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from coach.content.schema import IT_ROLES, SALES_ROLES
from coach.web.deps import LANG_COOKIE, LangDep, StoreDep, UserDep, render

router = APIRouter()

ROLE_NAMES = {
    "backend": ("Backend", "Backend"),
    "frontend": ("Frontend", "Frontend"),
    "data": ("Data / ML", "Data / ML"),
    "devops": ("DevOps / cloud", "DevOps / cloud"),
    "qa": ("QA / test", "QA / test"),
    "lead": ("Tech lead / architect", "Tech lead / architect"),
    "sdr": ("SDR / BDR", "SDR / BDR"),
    "ae": ("Account executive", "Account executive"),
    "am": ("Accountmanager", "Account manager"),
    "se": ("Sales engineer", "Sales engineer"),
}


def role_name(role: str, lang: str) -> str:
    """A role family's name in `lang`."""
    nl, en = ROLE_NAMES.get(role, (role, role))
    return nl if lang == "nl" else en


@router.get("/")
def start(request: Request, lang: LangDep, store: StoreDep, user: UserDep, discarded: str = ""):  # type: ignore[no-untyped-def]
    """The start page: what Coach does, unfinished interviews, a new one (the role says the sector)."""
    from coach.store.progress import usual_sector

    interviews = store.interviews(user)
    unfinished = [i for i in interviews if i.status == "active"]
    sector = usual_sector(store, user)
    recent = next((i.role for i in interviews if i.role in ROLE_NAMES), None)
    return render(
        request,
        "home.html",
        lang,
        it_roles=[(r, role_name(r, lang)) for r in IT_ROLES],
        sales_roles=[(r, role_name(r, lang)) for r in SALES_ROLES],
        unfinished=unfinished[:5],
        discarded=bool(discarded),
        chosen_role=recent or ("am" if sector == "sales" else "backend"),
    )


@router.get("/lang/{code}")
def switch_language(code: str, next: str = "/") -> RedirectResponse:  # noqa: A002 - the query parameter's name
    """Set the interface language and go back to the page the user was on."""
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    if code in ("nl", "en"):
        response.set_cookie(LANG_COOKIE, code, max_age=3600 * 24 * 365, samesite="lax", path="/")
    return response
