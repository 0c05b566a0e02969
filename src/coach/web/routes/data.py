"""Your data: export everything as one JSON file, import such a file again, or delete everything."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.datastructures import UploadFile

from coach.i18n import N_, translate
from coach.store.transfer import (
    ImportResult,
    TransferError,
    counts,
    delete_all,
    export_data,
    export_filename,
    import_data,
    parse_export,
)
from coach.web.deps import LangDep, StoreDep, UserDep, render
from coach.web.errors import too_large_response

router = APIRouter()

NO_FILE = N_("Choose a file to import first.")
NOT_CONFIRMED = N_("Tick the box to confirm that you want to delete everything. Nothing has been deleted.")


def _data_page(
    request: Request, store: Any, user: int, lang: str, status_code: int = 200, **context: Any
) -> Any:
    return render(request, "data.html", lang, status_code=status_code, counts=counts(store, user), **context)


def _result_json(result: ImportResult) -> dict[str, Any]:
    return {**asdict(result), "skipped": result.skipped}


@router.get("/data")
def data_page(  # type: ignore[no-untyped-def]
    request: Request,
    store: StoreDep,
    user: UserDep,
    lang: LangDep,
    imported: int = 0,
    interviews: int = 0,
    answers: int = 0,
    stories: int = 0,
    skipped: int = 0,
    deleted: int = 0,
):
    """What is saved, and the forms to export, import and delete it."""
    added = {"interviews": interviews, "answers": answers, "stories": stories, "skipped": skipped}
    return _data_page(request, store, user, lang, imported=added if imported else None, deleted=bool(deleted))


@router.get("/data/export")
def export_download(store: StoreDep, user: UserDep) -> JSONResponse:
    """Everything of the user as a JSON file download."""
    return JSONResponse(
        export_data(store, user),
        headers={"Content-Disposition": f'attachment; filename="{export_filename()}"'},
    )


@router.post("/data/import")
async def import_upload(request: Request, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """Import an exported file (multipart field `file`); all of it or, on any problem, nothing."""
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return await run_in_threadpool(
            _data_page, request, store, user, lang, 400, error=translate(lang, NO_FILE)
        )
    limit = request.app.state.settings.max_import_bytes
    raw = await upload.read(limit + 1)
    if len(raw) > limit:
        return too_large_response(request, limit)
    try:
        export = await run_in_threadpool(parse_export, raw)
        result = await run_in_threadpool(import_data, store, user, export)
    except TransferError as exc:
        message = translate(lang, exc.message, **exc.values)
        return await run_in_threadpool(_data_page, request, store, user, lang, 400, error=message)
    query = (
        f"imported=1&interviews={result.interviews}&answers={result.answers}"
        f"&stories={result.stories}&skipped={result.skipped}"
    )
    return RedirectResponse(f"/data?{query}", status_code=303)


@router.post("/data/delete")
async def delete_everything(request: Request, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """Delete all of the user's interviews, answers, stories and preparation, if the box is ticked."""
    form = await request.form()
    if form.get("confirm") != "yes":
        return await run_in_threadpool(
            _data_page, request, store, user, lang, 400, error=translate(lang, NOT_CONFIRMED)
        )
    await run_in_threadpool(delete_all, store, user)
    return RedirectResponse("/data?deleted=1", status_code=303)


@router.get("/api/export")
def export_api(store: StoreDep, user: UserDep) -> dict[str, Any]:
    """Everything of the user as JSON (the same document as the download)."""
    return export_data(store, user)


@router.post("/api/import")
async def import_api(request: Request, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """Import an export sent as the JSON body; returns what was added and skipped."""
    limit = request.app.state.settings.max_import_bytes
    raw = await request.body()
    if len(raw) > limit:
        return too_large_response(request, limit)
    try:
        export = await run_in_threadpool(parse_export, raw)
        result = await run_in_threadpool(import_data, store, user, export)
    except TransferError as exc:
        raise HTTPException(status_code=400, detail=translate(lang, exc.message, **exc.values)) from None
    return _result_json(result)


@router.delete("/api/data")
async def delete_api(request: Request, store: StoreDep, user: UserDep, lang: LangDep) -> dict[str, Any]:
    """Delete everything of the user; the body must be {"confirm": true}."""
    try:
        body = json.loads(await request.body() or b"null")
    except (ValueError, RecursionError):
        body = None
    if not isinstance(body, dict) or body.get("confirm") is not True:
        raise HTTPException(status_code=400, detail=translate(lang, NOT_CONFIRMED))
    result = await run_in_threadpool(delete_all, store, user)
    return {"deleted": asdict(result)}
