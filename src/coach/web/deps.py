"""Request dependencies: the store, the user, the language, and rendering pages with them."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi import Path as PathParam
from fastapi.templating import Jinja2Templates

from coach.i18n import translate
from coach.store.models import local
from coach.store.repository import Store

LANG_COOKIE = "coach_lang"
CSRF_COOKIE = "coach_csrf"


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    """The Jinja2 templates, with autoescaping on (answers are always shown as text)."""
    folder = Path(str(resources.files("coach.web").joinpath("templates")))
    env = Jinja2Templates(directory=str(folder))
    env.env.autoescape = True
    env.env.trim_blocks = True
    env.env.lstrip_blocks = True
    env.env.filters["when"] = when
    from coach.web.labels import install_template_helpers

    install_template_helpers(env.env)
    return env


def when(moment: datetime | None, pattern: str = "%d-%m-%Y %H:%M") -> str:
    """A stored moment as the user's clock shows it (this computer's time zone); empty for none."""
    return local(moment).strftime(pattern) if moment is not None else ""


def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def get_user(request: Request) -> int:
    """The signed-in user's id; a local installation has one implicit user."""
    if request.app.state.settings.shared:
        account = getattr(request.state, "account", None)
        if account is None:  # an open page (sign-in, invitation) has no user's data
            from coach.web.auth import NotSignedIn

            raise NotSignedIn
        return int(account.user_id)
    cached = getattr(request.app.state, "local_user_id", None)
    if cached is None:
        cached = request.app.state.store.user_id()
        request.app.state.local_user_id = cached
    return int(cached)


def get_lang(request: Request) -> str:
    """The interface language: the cookie set by the language switch, else the browser's preference."""
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in ("nl", "en"):
        return cookie
    header = request.headers.get("accept-language", "").lower()
    for part in header.split(","):
        code = part.split(";")[0].strip()[:2]
        if code in ("nl", "en"):
            return code
    return "en"


StoreDep = Annotated[Store, Depends(get_store)]
# A row id in a URL: anything outside the database's integer range can't exist (404, not an overflow).
RowId = Annotated[int, PathParam(ge=1, le=2_147_483_647)]
UserDep = Annotated[int, Depends(get_user)]
LangDep = Annotated[str, Depends(get_lang)]


def render(request: Request, name: str, lang: str, status_code: int = 200, **context: Any) -> Any:
    """Render a page in `lang` with the CSRF token, the translator `_` and the current path."""

    def _(message: str, **values: Any) -> str:
        return translate(lang, message, **values)

    context.update(
        request=request,
        lang=lang,
        _=_,
        csrf_token=getattr(request.state, "csrf_token", ""),
        path=request.url.path,
        account=getattr(request.state, "account", None),
        shared=bool(request.app.state.settings.shared),
    )
    return templates().TemplateResponse(request, name, context, status_code=status_code)
