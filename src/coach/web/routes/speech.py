"""Spoken answers: upload (or record) an answer, follow its transcription, keep or delete recordings.

An upload becomes a job (coach.web.speech_jobs) that transcribes and checks it in a worker thread and saves
the answer through the same InterviewSession as a typed one; the page polls the job's JSON status. Paths
with "/audio" get the larger upload limit (security.py).
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel
from starlette.datastructures import UploadFile

from coach.errors import input_error
from coach.i18n import N_, translate
from coach.practice.session import InterviewSession
from coach.store import speech as speech_store
from coach.web import speech_jobs, speech_stream
from coach.web.deps import LangDep, RowId, StoreDep, UserDep, render, templates
from coach.web.spoken import install_template_helpers

router = APIRouter()
install_template_helpers(templates().env)

# File name endings the transcriber reads (coach.speech.audio.ACCEPTED_FORMATS), and what each one is.
SUFFIX_TYPES = {
    ".webm": "audio/webm",
    ".weba": "audio/webm",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".mp4": "audio/mp4",
}
TYPE_SUFFIXES = {
    "audio/webm": ".webm",
    "video/webm": ".webm",
    "audio/ogg": ".ogg",
    "audio/opus": ".ogg",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/wave": ".wav",
    "audio/vnd.wave": ".wav",
    "audio/mpeg": ".mp3",
    "audio/mp3": ".mp3",
    "audio/mp4": ".m4a",
    "audio/x-m4a": ".m4a",
    "audio/aac": ".m4a",
}
TOKEN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

NO_AUDIO = N_("Choose an audio file or record your answer first.")
BAD_FORM = N_("Some fields are missing or not valid. Reload the page and try again.")
STALE = N_("This question has already been answered. Here is where the interview is now.")
STAGES = {
    "queued": N_("Waiting for its turn…"),
    "checking": N_("Checking the recording…"),
    "model": N_("Fetching the speech model (only the first time)…"),
    "transcribing": N_("Transcribing your answer…"),
    "done": N_("Done: opening the feedback…"),
    "failed": N_("It didn't work."),
}


@dataclass(frozen=True)
class Accepted:
    """What became of an upload: a job to follow, an answer already saved, or a stale form."""

    job_id: int | None = None
    answer_id: int | None = None
    stale: bool = False


def _suffix(filename: str, content_type: str) -> str:
    ending = os.path.splitext(filename.lower())[1]
    if ending in SUFFIX_TYPES:
        return ending
    return TYPE_SUFFIXES.get(content_type.split(";")[0].strip().lower(), ".audio")


def _safe_name(name: str, suffix: str) -> str:
    """The uploaded file's own name, cleaned, so that messages can name it (answer.webm, interview.m4a)."""
    stem, ending = os.path.splitext(name)
    stem = re.sub(r"[^\w\- ]", "_", stem).strip(" _")[:80] or "answer"
    return stem + (ending.lower() if ending.lower() == suffix else suffix)


async def save_upload(request: Request, upload: object, lang: str) -> speech_jobs.Upload:
    """The uploaded recording saved in a folder of its own; a coded error for none, empty or too large."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise HTTPException(status_code=400, detail=translate(lang, NO_AUDIO))
    name = os.path.basename(upload.filename)[:120]
    suffix = _suffix(name, upload.content_type or "")
    limit = request.app.state.settings.max_upload_bytes
    saved, size = await run_in_threadpool(_save_upload, upload, name, suffix)
    if size == 0 or size > limit:
        speech_jobs.discard(saved)
        if size > limit:
            from coach.web.errors import too_large_response

            raise _TooLarge(too_large_response(request, limit))
        raise HTTPException(status_code=400, detail=input_error("E010", lang, path=name).message)
    return saved


def _save_upload(upload: UploadFile, name: str, suffix: str) -> tuple[speech_jobs.Upload, int]:
    """Write the upload to a folder of its own under the uploads folder."""
    folder = speech_store.uploads_dir() / uuid.uuid4().hex
    folder.mkdir(parents=True)
    path = folder / _safe_name(name, suffix)
    upload.file.seek(0)
    with path.open("wb") as out:
        shutil.copyfileobj(upload.file, out, 1 << 20)
    size = path.stat().st_size
    content_type = SUFFIX_TYPES.get(suffix, "application/octet-stream")
    return speech_jobs.Upload(path, suffix, content_type), size


async def _accept(request: Request, interview_id: int, store: Any, user: int, lang: str) -> Accepted:
    """Check the form, save the file and start its job (or find what a repeated submit already started)."""
    form = await request.form()
    token, upload = form.get("token"), form.get("file")
    position, kind = form.get("position"), form.get("kind")
    slot = form.get("slot")  # the page's form sends "position:kind" in one field
    if isinstance(slot, str) and ":" in slot:
        position, kind = slot.split(":", 1)
    if not isinstance(token, str) or not TOKEN.match(token) or kind not in ("answer", "follow_up", "retry"):
        raise HTTPException(status_code=400, detail=translate(lang, BAD_FORM))
    if not isinstance(position, str) or not position.strip().isdigit():
        raise HTTPException(status_code=400, detail=translate(lang, BAD_FORM))
    session = await run_in_threadpool(InterviewSession.resume, store, user, interview_id)
    if session is None:
        raise HTTPException(status_code=404)
    answered = await run_in_threadpool(store.answer_by_token, user, token)
    if answered is not None:
        return Accepted(answer_id=answered)
    known = await run_in_threadpool(speech_store.job_by_token, store, user, token)
    if known is not None:
        return Accepted(job_id=known)
    if kind == "retry":  # another attempt at an answered question (the feedback page's "try again")
        answered_before = await run_in_threadpool(store.latest_answer, interview_id, int(position))
        if answered_before is None:
            raise HTTPException(status_code=404)
    elif session.finished or int(position) != session.position or kind != session.expected_kind:
        return Accepted(stale=True)
    saved = await save_upload(request, upload, lang)
    job_id, created = await run_in_threadpool(
        lambda: speech_store.create_job(
            store,
            user,
            interview_id=interview_id,
            position=int(position),
            kind=str(kind),
            token=str(token),
            lang=lang,
        )
    )
    if not created:
        speech_jobs.discard(saved)
        return Accepted(job_id=job_id)
    speech_stream.discard(user, str(token))  # sent as a file after streaming failed: the file has it all
    speech_jobs.start(store, user, job_id, saved)
    return Accepted(job_id=job_id)


class _TooLarge(Exception):  # noqa: N818 - carries the ready 413 response out of _accept
    def __init__(self, response: Any) -> None:
        self.response = response


@router.post("/interviews/{interview_id}/audio")
async def upload_form(request: Request, interview_id: RowId, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """A spoken answer sent with the page's form (no JavaScript): follow it on the job page."""
    try:
        accepted = await _accept(request, interview_id, store, user, lang)
    except _TooLarge as exc:
        return exc.response
    if accepted.answer_id is not None:
        return RedirectResponse(f"/answers/{accepted.answer_id}", status_code=303)
    if accepted.stale:
        return RedirectResponse(f"/interviews/{interview_id}", status_code=303)
    return RedirectResponse(f"/speech/jobs/{accepted.job_id}", status_code=303)


@router.post("/api/interviews/{interview_id}/audio", status_code=202)
async def upload_api(request: Request, interview_id: RowId, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """A spoken answer as multipart (token, position and kind, or slot "position:kind", and file): the job.
    Kind is answer or follow_up for the question being asked, retry for another attempt at an answered one."""
    try:
        accepted = await _accept(request, interview_id, store, user, lang)
    except _TooLarge as exc:
        return exc.response
    if accepted.answer_id is not None:
        return {"status": "done", "answer_url": f"/answers/{accepted.answer_id}"}
    if accepted.stale:
        return JSONResponse(
            {
                "error": {"status": 409, "message": translate(lang, STALE)},
                "next_url": f"/interviews/{interview_id}",
            },
            status_code=409,
        )
    job = await run_in_threadpool(speech_store.get_job, store, user, accepted.job_id)
    return job_json(job, lang)


def job_json(job: Any, lang: str) -> dict[str, Any]:
    """A job's status for the page that polls it."""
    stage = "failed" if job.status == "failed" else job.stage
    body: dict[str, Any] = {
        "id": job.id,
        "status": job.status,
        "stage": job.stage,
        "stage_label": translate(lang, STAGES.get(stage, STAGES["queued"])),
        "progress": round(float(job.progress or 0.0), 3),
        "audio_s": job.audio_s,
        "status_url": f"/api/speech/jobs/{job.id}",
        "page_url": f"/speech/jobs/{job.id}",
    }
    if job.status == "done" and job.answer_id is not None:
        body["answer_url"] = f"/answers/{job.answer_id}"
    if job.kind == "drill":  # a spoken drill answer: its result page, or the drill to go back to
        from coach.web.drill_speech import page_url

        target = job.target or {}
        if job.status == "done" and target.get("url"):
            body["answer_url"] = target["url"]
        if job.status == "failed" and target.get("family"):
            body["next_url"] = page_url(target)
    if job.status == "failed":
        message = job.error_message
        if job.error_code == "stale" or not message:
            message = translate(lang, speech_jobs.INTERRUPTED)
        body["error"] = {"code": job.error_code, "message": message}
        if job.interview_id is not None:
            body["next_url"] = f"/interviews/{job.interview_id}"
    return body


@router.get("/api/speech/jobs/{job_id}")
def job_status(job_id: RowId, store: StoreDep, user: UserDep, lang: LangDep) -> dict[str, Any]:
    """How far a spoken answer's transcription is; when done, where its feedback is."""
    job = speech_store.get_job(store, user, job_id)
    if job is None:
        raise HTTPException(status_code=404)
    return job_json(job, lang)


@router.get("/speech/jobs/{job_id}")
def job_page(request: Request, job_id: RowId, store: StoreDep, user: UserDep, lang: LangDep):  # type: ignore[no-untyped-def]
    """The job's progress (the page refreshes itself); when done, the answer's feedback."""
    job = speech_store.get_job(store, user, job_id)
    if job is None:
        raise HTTPException(status_code=404)
    status = job_json(job, lang)
    if "answer_url" in status:
        return RedirectResponse(status["answer_url"], status_code=303)
    return render(request, "speech_job.html", lang, job=status, status_code=200)


# --- settings and kept recordings ---------------------------------------------------------------------------


@router.get("/settings")
def settings_page(  # type: ignore[no-untyped-def]
    request: Request, store: StoreDep, user: UserDep, lang: LangDep, saved: int = 0, deleted: int = 0
):
    """The keep-recordings setting and the recordings kept so far."""
    return render(
        request,
        "settings.html",
        lang,
        keep_audio=speech_store.keep_audio(store, user),
        recordings=speech_store.list_recordings(store, user),
        saved=bool(saved),
        deleted=bool(deleted),
    )


@router.post("/settings/speech")
def save_speech_settings(store: StoreDep, user: UserDep, keep_audio: Annotated[str, Form()] = ""):  # type: ignore[no-untyped-def]
    """Turn keeping recordings on (the box ticked) or off."""
    speech_store.set_keep_audio(store, user, keep_audio == "1")
    return RedirectResponse("/settings?saved=1", status_code=303)


@router.get("/recordings/{recording_id}/audio")
def recording_file(recording_id: RowId, store: StoreDep, user: UserDep):  # type: ignore[no-untyped-def]
    """A kept recording, to listen to in the page or download."""
    recording = speech_store.get_recording(store, user, recording_id)
    if recording is None:
        raise HTTPException(status_code=404)
    path = speech_store.recording_path(user, recording)
    if not path.is_file():
        raise HTTPException(status_code=404)
    media_type = SUFFIX_TYPES.get(path.suffix, "application/octet-stream")
    return FileResponse(
        path,
        media_type=media_type,
        filename=f"coach-recording-{recording.id}{path.suffix}",
        content_disposition_type="inline",
        headers={"X-Content-Type-Options": "nosniff"},
    )


@router.post("/recordings/{recording_id}/delete")
def delete_recording(recording_id: RowId, store: StoreDep, user: UserDep):  # type: ignore[no-untyped-def]
    """Delete a kept recording (its file and its row)."""
    if not speech_store.delete_recording(store, user, recording_id):
        raise HTTPException(status_code=404)
    return RedirectResponse("/settings?deleted=1", status_code=303)


class SpeechSettingsBody(BaseModel):
    """The spoken-answer settings."""

    keep_audio: bool


def _recording_json(recording: Any) -> dict[str, Any]:
    return {
        "id": recording.id,
        "answer_id": recording.answer_id,
        "question": recording.question_text,
        "duration_s": recording.duration_s,
        "size_bytes": recording.size_bytes,
        "created_at": recording.created_at.isoformat(),
        "url": f"/recordings/{recording.id}/audio",
    }


@router.get("/api/speech/settings")
def speech_settings_api(store: StoreDep, user: UserDep) -> dict[str, Any]:
    """Whether recordings are kept after transcription."""
    return {"keep_audio": speech_store.keep_audio(store, user)}


@router.put("/api/speech/settings")
def put_speech_settings_api(body: SpeechSettingsBody, store: StoreDep, user: UserDep) -> dict[str, Any]:
    """Turn keeping recordings on or off."""
    speech_store.set_keep_audio(store, user, body.keep_audio)
    return {"keep_audio": body.keep_audio}


@router.get("/api/recordings")
def recordings_api(store: StoreDep, user: UserDep) -> list[dict[str, Any]]:
    """The kept recordings, newest first."""
    return [_recording_json(r) for r in speech_store.list_recordings(store, user)]


@router.delete("/api/recordings/{recording_id}")
def delete_recording_api(recording_id: RowId, store: StoreDep, user: UserDep) -> dict[str, Any]:
    """Delete a kept recording."""
    if not speech_store.delete_recording(store, user, recording_id):
        raise HTTPException(status_code=404)
    return {"deleted": recording_id}
