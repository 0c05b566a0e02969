"""The web app: `create_app()` builds it; `coach serve` runs it with uvicorn."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from coach import __version__
from coach.store.repository import Store
from coach.web import errors
from coach.web.auth import require_account
from coach.web.routes import ROUTERS
from coach.web.security import (
    CsrfCookieMiddleware,
    HostAndHeadersMiddleware,
    SizeLimitMiddleware,
    verify_csrf,
)
from coach.web.settings import Settings


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """A Coach web app over `store` (default: the configured database, migrated on start)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        if getattr(app.state, "store", None) is None:
            app.state.store = Store(settings.database_url, run_migrations=settings.migrate)
        yield
        app.state.store.engine.dispose()

    app = FastAPI(
        title="Coach",
        version=__version__,
        lifespan=lifespan,
        dependencies=[Depends(verify_csrf), Depends(require_account)],
    )
    app.state.settings = settings
    app.state.store = store
    static = Path(str(resources.files("coach.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for router in ROUTERS:
        app.include_router(router)
    app.add_middleware(SizeLimitMiddleware, settings=settings)
    app.add_middleware(CsrfCookieMiddleware)
    app.add_middleware(HostAndHeadersMiddleware, settings=settings)  # outermost: checked first
    errors.install(app)
    return app
