"""The sales toolkit's start page: the one-pager, the references, the role-play and the pitch."""

from __future__ import annotations

from fastapi import APIRouter, Request

from coach.store.sales import list_drills, load_profile
from coach.web.deps import LangDep, StoreDep, UserDep, render

router = APIRouter()


@router.get("/sales")
def sales_page(request: Request, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The toolkit with the state of each part (saved one-pager, references without permission)."""
    profile, _ = load_profile(store, user)
    waiting = [r for r in profile.references if r.permission is None] if profile else []
    return render(
        request,
        "sales.html",
        lang,
        profile=profile,
        waiting=waiting,
        roleplays=len(list_drills(store, user, "roleplay")),
        pitches=len(list_drills(store, user, "pitch")),
    )
