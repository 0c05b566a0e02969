"""Spoken answers in the store: transcription jobs, the keep-audio setting and kept recordings.

A job row lets any web worker report how far a transcription is; the audio itself lives in files: an upload
in the uploads folder until it is transcribed, and only when the candidate chose to keep recordings, a copy
in their recordings folder.
"""

from __future__ import annotations

import os
import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from coach.store.database import data_dir
from coach.store.models import Recording, SpeechJob, SpeechSettings
from coach.store.repository import Store

STALE_AFTER = timedelta(minutes=20)  # a running job not heard from for this long was interrupted
QUEUED_TOO_LONG = timedelta(hours=2)  # a queued job this old was lost with the server that had it
FINAL = ("done", "failed")


def uploads_dir() -> Path:
    """Where uploaded audio waits for its transcription (deleted right after)."""
    return data_dir() / "uploads"


def recordings_dir(user_id: int) -> Path:
    """Where the user's kept recordings live."""
    return data_dir() / "recordings" / str(int(user_id))


def create_job(
    store: Store,
    user_id: int,
    *,
    interview_id: int | None,
    position: int,
    kind: str,
    token: str,
    lang: str,
    target: dict[str, Any] | None = None,
) -> tuple[int, bool]:
    """A new queued job for a spoken answer; returns (id, created). The same token again gives that job."""
    existing = job_by_token(store, user_id, token)
    if existing is not None:
        return existing, False
    try:
        with store.session() as s:
            job = SpeechJob(
                user_id=user_id,
                interview_id=interview_id,
                position=position,
                kind=kind,
                token=token,
                lang=lang,
                target=target,
                status="queued",
                stage="queued",
                progress=0.0,
            )
            s.add(job)
            s.flush()
            return job.id, True
    except IntegrityError:  # a concurrent double submit won the race
        existing = job_by_token(store, user_id, token)
        if existing is None:
            raise
        return existing, False


def job_by_token(store: Store, user_id: int, token: str) -> int | None:
    """The id of the user's job with this submission token, if any."""
    with store.session() as s:
        return s.scalar(select(SpeechJob.id).where(SpeechJob.user_id == user_id, SpeechJob.token == token))


def get_job(store: Store, user_id: int, job_id: int) -> SpeechJob | None:
    """One of the user's jobs; one that was lost with a stopped server is reported (and saved) as failed."""
    with store.session() as s:
        job = s.scalar(select(SpeechJob).where(SpeechJob.user_id == user_id, SpeechJob.id == job_id))
        if job is None:
            return None
        updated = job.updated_at if job.updated_at.tzinfo else job.updated_at.replace(tzinfo=UTC)
        limit = QUEUED_TOO_LONG if job.status == "queued" else STALE_AFTER
        if job.status not in FINAL and datetime.now(UTC) - updated > limit:
            job.status = "failed"
            job.error_code = "stale"
            job.error_message = None
        return job


def update_job(store: Store, user_id: int, job_id: int, **fields: Any) -> None:
    """Set fields of a job that is not finished yet (status, stage, progress, audio_s)."""
    allowed = {"status", "stage", "progress", "audio_s"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"can't update {', '.join(sorted(unknown))}")
    with store.session() as s:
        s.execute(
            update(SpeechJob)
            .where(SpeechJob.user_id == user_id, SpeechJob.id == job_id, SpeechJob.status.not_in(FINAL))
            .values(**fields, updated_at=datetime.now(UTC))
        )


def fail_job(store: Store, user_id: int, job_id: int, code: str, message: str | None) -> None:
    """Mark a job failed with a coded error and its message in the user's language."""
    with store.session() as s:
        s.execute(
            update(SpeechJob)
            .where(SpeechJob.user_id == user_id, SpeechJob.id == job_id)
            .values(status="failed", error_code=code, error_message=message, updated_at=datetime.now(UTC))
        )


def finish_job(store: Store, user_id: int, job_id: int, answer_id: int) -> None:
    """Mark a job done with the answer it saved."""
    with store.session() as s:
        s.execute(
            update(SpeechJob)
            .where(SpeechJob.user_id == user_id, SpeechJob.id == job_id)
            .values(
                status="done", stage="done", progress=1.0, answer_id=answer_id, updated_at=datetime.now(UTC)
            )
        )


def finish_drill_job(store: Store, user_id: int, job_id: int, url: str) -> None:
    """Mark a drill job done with the page of the drill's feedback (kept in its target)."""
    with store.session() as s:
        job = s.scalar(select(SpeechJob).where(SpeechJob.user_id == user_id, SpeechJob.id == job_id))
        if job is None:
            return
        job.target = {**(job.target or {}), "url": url}
        job.status, job.stage, job.progress, job.updated_at = "done", "done", 1.0, datetime.now(UTC)


def keep_audio(store: Store, user_id: int) -> bool:
    """Whether the user keeps recordings after transcription (off unless they turned it on)."""
    with store.session() as s:
        value = s.scalar(select(SpeechSettings.keep_audio).where(SpeechSettings.user_id == user_id))
        return bool(value)


def set_keep_audio(store: Store, user_id: int, keep: bool) -> None:
    """Turn keeping recordings on or off (recordings kept before stay until deleted)."""
    try:
        with store.session() as s:
            row = s.scalar(select(SpeechSettings).where(SpeechSettings.user_id == user_id))
            if row is None:
                s.add(SpeechSettings(user_id=user_id, keep_audio=keep))
            else:
                row.keep_audio = keep
    except IntegrityError:  # created by a concurrent request: update that row
        with store.session() as s:
            s.execute(
                update(SpeechSettings).where(SpeechSettings.user_id == user_id).values(keep_audio=keep)
            )


def keep_recording(
    store: Store,
    user_id: int,
    source: Path,
    *,
    answer_id: int | None,
    suffix: str,
    content_type: str,
    duration_s: float | None,
    question_text: str,
) -> int:
    """Move an uploaded file into the user's recordings folder and list it; returns the recording's id."""
    folder = recordings_dir(user_id)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{suffix if suffix.startswith('.') and len(suffix) <= 6 else '.audio'}"
    target = folder / name
    shutil.move(str(source), target)
    try:
        with store.session() as s:
            row = Recording(
                user_id=user_id,
                answer_id=answer_id,
                file_name=name,
                content_type=content_type[:100],
                size_bytes=target.stat().st_size,
                duration_s=duration_s,
                question_text=question_text,
            )
            s.add(row)
            s.flush()
            return row.id
    except Exception:
        target.unlink(missing_ok=True)
        raise


def list_recordings(store: Store, user_id: int) -> list[Recording]:
    """The user's kept recordings, newest first."""
    with store.session() as s:
        rows = s.scalars(
            select(Recording)
            .where(Recording.user_id == user_id)
            .order_by(Recording.created_at.desc(), Recording.id.desc())
        )
        return list(rows)


def get_recording(store: Store, user_id: int, recording_id: int) -> Recording | None:
    """One of the user's kept recordings, or None."""
    with store.session() as s:
        return s.scalar(select(Recording).where(Recording.user_id == user_id, Recording.id == recording_id))


def recording_path(user_id: int, recording: Recording) -> Path:
    """The file of a kept recording."""
    return recordings_dir(user_id) / os.path.basename(recording.file_name)


def recordings_for_answer(store: Store, user_id: int, answer_id: int) -> list[Recording]:
    """The kept recordings of one answer."""
    with store.session() as s:
        return list(
            s.scalars(select(Recording).where(Recording.user_id == user_id, Recording.answer_id == answer_id))
        )


def delete_recording(store: Store, user_id: int, recording_id: int) -> bool:
    """Delete a kept recording, its file and its row; False if the user has no such recording."""
    with store.session() as s:
        row = s.scalar(select(Recording).where(Recording.user_id == user_id, Recording.id == recording_id))
        if row is None:
            return False
        path = recording_path(user_id, row)
        s.execute(delete(Recording).where(Recording.user_id == user_id, Recording.id == recording_id))
    path.unlink(missing_ok=True)
    return True
