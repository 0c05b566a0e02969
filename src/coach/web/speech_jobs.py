"""Spoken answers off the event loop: a job transcribes and checks an upload in a worker thread.

The job's row in the store says how far it is, so any web worker can answer the status requests; the
transcription itself runs in the process that received the upload (the file is there). One thread per
process: the transcriber serialises calls per model anyway, and on two cores parallel decoding would only
compete. The upload is deleted when the job ends, whatever happened, unless the candidate keeps recordings.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.errors import CoachError
from coach.i18n import N_, translate
from coach.practice.session import InterviewSession
from coach.store.repository import Store
from coach.store.speech import (
    fail_job,
    finish_drill_job,
    finish_job,
    keep_audio,
    keep_recording,
    update_job,
)

log = logging.getLogger("coach.web.speech")

MOVED_ON = N_(
    "The interview moved on while your answer was being transcribed, so it was not saved. "
    "Answer the current question."
)
FAILED = N_("Something went wrong while transcribing your answer. Nothing was saved. Please try again.")
INTERRUPTED = N_(
    "The transcription was interrupted (the server stopped). Nothing was saved. "
    "Please send your answer again."
)
NOT_INSTALLED = N_(
    "Speech recognition (faster-whisper) is not installed on this computer, so spoken answers can't be "
    "checked. Type your answer instead."
)
ABANDONED_AFTER_S = 24 * 3600  # an upload this old belongs to no running job
PROGRESS_EVERY_S = 0.5  # write progress to the database at most this often

_executor: ThreadPoolExecutor | None = None


def executor() -> ThreadPoolExecutor:
    """The process's single transcription thread."""
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coach-speech")
    return _executor


@dataclass(frozen=True)
class Upload:
    """An uploaded spoken answer waiting for its job."""

    path: Path
    suffix: str
    content_type: str
    transcript: Any = None  # a coach.speech.transcribe.Transcript made while the answer was streamed


def start(store: Store, user_id: int, job_id: int, upload: Upload) -> Future[None]:
    """Queue the job; returns at once. With a deployment's job queue (coach.jobs) any worker runs it."""
    sweep_uploads(upload.path.parent.parent)
    from coach import jobs

    if jobs.queue_enabled():
        jobs.enqueue_speech(store, user_id, job_id, upload)
        queued: Future[None] = Future()
        queued.set_result(None)
        return queued
    return executor().submit(run, store, user_id, job_id, upload)


def sweep_uploads(folder: Path, older_than_s: float = ABANDONED_AFTER_S) -> None:
    """Delete uploads left behind by a server that stopped in the middle of a job."""
    cutoff = time.time() - older_than_s
    for entry in folder.iterdir() if folder.is_dir() else ():
        with contextlib.suppress(OSError):
            if entry.is_dir() and entry.stat().st_mtime < cutoff:
                shutil.rmtree(entry)


def run(store: Store, user_id: int, job_id: int, upload: Upload) -> None:
    """Transcribe, check and save the spoken answer of job `job_id`; on any problem, save nothing."""
    from coach.store.speech import get_job

    job = get_job(store, user_id, job_id)
    try:
        if job is None or job.status != "queued":
            return
        if job.kind == "drill":
            _work_drill(store, user_id, job_id, job.lang, job.target or {}, job.token, upload)
            return
        _work(store, user_id, job_id, job.lang, job.interview_id, job.position, job.kind, job.token, upload)
    except CoachError as exc:
        fail_job(store, user_id, job_id, exc.error.code, exc.error.message)
    except ImportError:  # faster-whisper is not installed
        log.exception("transcription job %s: speech recognition is not installed", job_id)
        fail_job(store, user_id, job_id, "missing", translate(job.lang if job else "en", NOT_INSTALLED))
    except Exception:  # noqa: BLE001 - a job must end with a clear message, never hang
        log.exception("transcription job %s failed", job_id)
        fail_job(store, user_id, job_id, "internal", translate(job.lang if job else "en", FAILED))
    finally:
        discard(upload)


def discard(upload: Upload) -> None:
    """Delete an upload (if it is still there) and the folder it came in."""
    upload.path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        upload.path.parent.rmdir()


class _Reporter:
    """Writes a job's stage and progress to the store, at most every PROGRESS_EVERY_S seconds."""

    def __init__(self, store: Store, user_id: int, job_id: int) -> None:
        self.store, self.user_id, self.job_id = store, user_id, job_id
        self.last = 0.0
        self.current = ""

    def stage(self, stage: str, progress: float = 0.0, **fields: Any) -> None:
        update_job(self.store, self.user_id, self.job_id, stage=stage, progress=progress, **fields)
        self.current = stage
        self.last = time.monotonic()

    def progress(self, stage: str, done: float, total: float) -> None:
        now = time.monotonic()
        if total <= 0 or (now - self.last < PROGRESS_EVERY_S and self.current == stage and done < total):
            return
        extra = {"audio_s": round(total, 1)} if stage == "transcribing" else {}
        self.stage(stage, max(0.0, min(1.0, done / total)), **extra)


def _work(
    store: Store,
    user_id: int,
    job_id: int,
    lang: str,
    interview_id: int | None,
    position: int,
    kind: str,
    token: str,
    upload: Upload,
) -> None:
    from coach.speech import check_audio
    from coach.wire import spoken_extras

    report = _Reporter(store, user_id, job_id)
    report.stage("checking", status="running")
    session = InterviewSession.resume(store, user_id, interview_id) if interview_id else None
    if session is None or not _still_current(session, position, kind):
        fail_job(store, user_id, job_id, "moved", translate(lang, MOVED_ON))
        return
    spoken = check_audio(
        upload.path,
        question=session.question_at(position).id,
        lang=session.plan.lang,
        progress=lambda done, total: report.progress("transcribing", done, total),
        ui_lang=lang,
        download_progress=lambda done, total: report.progress("model", done, total),
        transcript=upload.transcript,
    )
    session = InterviewSession.resume(store, user_id, interview_id)  # type: ignore[arg-type]
    if session is None or not _still_current(session, position, kind):
        fail_job(store, user_id, job_id, "moved", translate(lang, MOVED_ON))
        return
    duration_s = round(spoken.transcript.duration_s, 1)
    if kind == "retry":
        question_text = session.question_at(position).text.get(session.plan.lang)
        turn = session.retry(
            position, spoken.transcript.text, token=token, duration_s=duration_s, extras=spoken_extras(spoken)
        )
    else:
        question_text = session.question_text()
        turn = session.submit(
            spoken.transcript.text, duration_s=duration_s, token=token, extras=spoken_extras(spoken)
        )
    if keep_audio(store, user_id):
        keep_recording(
            store,
            user_id,
            upload.path,
            answer_id=turn.answer_id,
            suffix=upload.suffix,
            content_type=upload.content_type,
            duration_s=spoken.transcript.duration_s,
            question_text=question_text,
        )
    finish_job(store, user_id, job_id, turn.answer_id)


def _work_drill(
    store: Store, user_id: int, job_id: int, lang: str, target: dict[str, Any], token: str, upload: Upload
) -> None:
    """Transcribe a spoken drill answer and hand the text to the drill as typed (coach.web.drill_speech)."""
    from coach.speech.audio import require_speech, validate_audio
    from coach.speech.transcribe import transcribe
    from coach.web import drill_speech

    report = _Reporter(store, user_id, job_id)
    report.stage("checking", status="running")
    if not drill_speech.still_open(store, user_id, target):
        fail_job(store, user_id, job_id, "moved", translate(lang, drill_speech.MOVED_ON))
        return
    audio = validate_audio(upload.path, lang)
    transcript = transcribe(
        audio.samples,
        target.get("lang"),
        None,
        lambda done, total: report.progress("transcribing", done, total),
        download_progress=lambda done, total: report.progress("model", done, total),
        ui_lang=lang,
    )
    require_speech(transcript, lang)
    try:
        url = drill_speech.deliver(
            store, user_id, target, transcript.text, round(transcript.duration_s, 1), lang, token
        )
    except drill_speech.Rejected as exc:
        fail_job(store, user_id, job_id, "drill", exc.message)
        return
    finish_drill_job(store, user_id, job_id, url)


def _still_current(session: InterviewSession, position: int, kind: str) -> bool:
    """Whether the job's answer still fits: the question being asked, or (a retry) one already answered."""
    if kind == "retry":
        return session.store.latest_answer(session.interview_id, position) is not None
    return not session.finished and session.position == position and kind == session.expected_kind

