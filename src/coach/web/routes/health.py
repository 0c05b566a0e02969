"""The health endpoint for a deployment's load balancer: the database answers (and, where a job queue is
configured, its tables are there)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import text

from coach.web.deps import StoreDep

router = APIRouter()


def _database_answers(store: Any) -> bool:
    try:
        with store.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not healthy", said in the answer
        return False


@router.get("/health")
async def health(store: StoreDep) -> JSONResponse:
    """200 {"status": "ok"} when the database answers, 503 otherwise. Needs no sign-in; says nothing
    about anyone's data."""
    ok = await run_in_threadpool(_database_answers, store)
    return JSONResponse({"status": "ok" if ok else "unavailable"}, status_code=200 if ok else 503)
