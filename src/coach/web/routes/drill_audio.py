"""Spoken answers to drills: the upload that starts a transcription job of kind "drill".

The recorder partial (_speak.html) posts here from the role-play, pitch, design and explain-it-simply pages;
the query says which drill (drill, limit) or prompt (tech, use_case / concept, audience, answer_lang), the
slot which turn. The job (coach.web.speech_jobs) hands the transcript to the drill as if it had been typed
(coach.web.drill_speech); its status and page are the ones of routes/speech.py.
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from coach.i18n import translate
from coach.store import speech as speech_store
from coach.web import drill_speech, speech_jobs
from coach.web.deps import LangDep, StoreDep, UserDep, templates
from coach.web.routes.speech import BAD_FORM, TOKEN, _TooLarge, job_json, save_upload

router = APIRouter()
templates().env.globals.setdefault("fresh_token", lambda: secrets.token_hex(16))  # the recorder's token


async def _accept(request: Request, family: str, store: Any, user: int, lang: str) -> int:
    """Check the form, save the file and start its job; the job's id (the same one for a repeated submit)."""
    if family not in drill_speech.FAMILIES:
        raise HTTPException(status_code=404)
    form = await request.form()
    token, upload = form.get("token"), form.get("file")
    if not isinstance(token, str) or not TOKEN.match(token):
        raise HTTPException(status_code=400, detail=translate(lang, BAD_FORM))
    known = await run_in_threadpool(speech_store.job_by_token, store, user, token)
    if known is not None:
        return known
    target = await run_in_threadpool(
        drill_speech.target_for, store, user, family, request.query_params, form.get("slot")
    )
    if target is None:
        raise HTTPException(status_code=400, detail=translate(lang, BAD_FORM))
    saved = await save_upload(request, upload, lang)
    job_id, created = await run_in_threadpool(
        lambda: speech_store.create_job(
            store, user, interview_id=None, position=0, kind="drill", token=token, lang=lang, target=target
        )
    )
    if not created:
        speech_jobs.discard(saved)
        return job_id
    speech_jobs.start(store, user, job_id, saved)
    return job_id


@router.post("/drills/{family}/audio")
async def drill_upload_form(request: Request, family: str, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """A spoken drill answer sent with the page's form (no JavaScript): follow it on the job page."""
    try:
        job_id = await _accept(request, family, store, user, lang)
    except _TooLarge as exc:
        return exc.response
    return RedirectResponse(f"/speech/jobs/{job_id}", status_code=303)


@router.post("/api/drills/{family}/audio", status_code=202)
async def drill_upload_api(request: Request, family: str, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """A spoken drill answer, multipart (token, slot: the turn, file); family roleplay or pitch with ?drill=,
    design with ?tech=&use_case=&answer_lang=, explain with ?concept=&audience=&answer_lang=. The job."""
    try:
        job_id = await _accept(request, family, store, user, lang)
    except _TooLarge as exc:
        return exc.response
    job = await run_in_threadpool(speech_store.get_job, store, user, job_id)
    return job_json(job, lang)
