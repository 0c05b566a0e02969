"""Spoken answers in the store: jobs (idempotent, per user, stale ones fail), the keep-audio setting, recordings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from coach.store.models import SpeechJob
from coach.store.repository import Store
from coach.store.speech import (
    create_job,
    delete_recording,
    fail_job,
    finish_job,
    get_job,
    get_recording,
    job_by_token,
    keep_audio,
    keep_recording,
    list_recordings,
    recording_path,
    recordings_dir,
    recordings_for_answer,
    set_keep_audio,
    update_job,
    uploads_dir,
)


def _job(store: Store, user: int, token: str = "token-0001") -> int:
    job_id, created = create_job(store, user, interview_id=None, position=0, kind="answer", token=token, lang="nl")
    assert created
    return job_id


def test_the_migration_makes_the_tables_the_models_describe(fresh_store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from coach.store.models import Base

    with fresh_store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = [d for d in diff if any(name in str(d) for name in ("speech_jobs", "speech_settings", "recordings"))]
    assert ours == []


def test_a_job_is_made_once_per_token_and_moves_from_queued_to_done(any_store: Store) -> None:
    user = any_store.user_id()
    job_id = _job(any_store, user)
    assert create_job(any_store, user, interview_id=None, position=0, kind="answer", token="token-0001",
                      lang="en") == (job_id, False)
    assert job_by_token(any_store, user, "token-0001") == job_id
    job = get_job(any_store, user, job_id)
    assert job is not None and (job.status, job.stage, job.progress, job.lang) == ("queued", "queued", 0.0, "nl")
    update_job(any_store, user, job_id, status="running", stage="transcribing", progress=0.5, audio_s=20.0)
    job = get_job(any_store, user, job_id)
    assert job is not None and (job.status, job.stage, job.progress, job.audio_s) == ("running", "transcribing", 0.5,
                                                                                      20.0)
    answer_id = any_store.add_answer(user, interview_id=None, position=0, question_id=None, question_text="Q",
                                     text="A", lang="en", score=50, feedback={})
    finish_job(any_store, user, job_id, answer_id)
    update_job(any_store, user, job_id, status="running", progress=0.1)  # a finished job stays finished
    job = get_job(any_store, user, job_id)
    assert job is not None and (job.status, job.progress, job.answer_id) == ("done", 1.0, answer_id)


def test_a_failed_job_keeps_its_code_and_message(any_store: Store) -> None:
    user = any_store.user_id()
    job_id = _job(any_store, user)
    fail_job(any_store, user, job_id, "E014", "Er is geen spraak te horen")
    job = get_job(any_store, user, job_id)
    assert job is not None and (job.status, job.error_code, job.error_message) == (
        "failed", "E014", "Er is geen spraak te horen")


def test_a_job_not_heard_from_for_long_is_reported_as_interrupted(any_store: Store) -> None:
    user = any_store.user_id()
    job_id = _job(any_store, user)
    update_job(any_store, user, job_id, status="running", stage="transcribing")
    with any_store.session() as s:
        s.execute(update(SpeechJob).where(SpeechJob.id == job_id)
                  .values(updated_at=datetime.now(UTC) - timedelta(hours=1)))
    job = get_job(any_store, user, job_id)
    assert job is not None and (job.status, job.error_code) == ("failed", "stale")
    again = get_job(any_store, user, job_id)
    assert again is not None and again.status == "failed"  # saved, not only reported
    queued = _job(any_store, user, "token-0002")  # waiting behind other jobs: given longer
    with any_store.session() as s:
        s.execute(update(SpeechJob).where(SpeechJob.id == queued)
                  .values(updated_at=datetime.now(UTC) - timedelta(hours=1)))
    job = get_job(any_store, user, queued)
    assert job is not None and job.status == "queued"


def test_jobs_belong_to_their_user(any_store: Store) -> None:
    me, other = any_store.user_id(), any_store.user_id("other")
    job_id = _job(any_store, other)
    assert get_job(any_store, me, job_id) is None
    assert job_by_token(any_store, me, "token-0001") is None
    update_job(any_store, me, job_id, progress=0.9)
    fail_job(any_store, me, job_id, "E011", "x")
    job = get_job(any_store, other, job_id)
    assert job is not None and (job.status, job.progress) == ("queued", 0.0)


def test_keep_audio_is_off_until_turned_on(any_store: Store) -> None:
    me, other = any_store.user_id(), any_store.user_id("other")
    assert keep_audio(any_store, me) is False
    set_keep_audio(any_store, me, True)
    set_keep_audio(any_store, me, True)
    assert keep_audio(any_store, me) is True and keep_audio(any_store, other) is False
    set_keep_audio(any_store, me, False)
    assert keep_audio(any_store, me) is False


def test_a_kept_recording_is_moved_listed_served_and_deleted_per_user(any_store: Store, tmp_path: Path) -> None:
    me, other = any_store.user_id(), any_store.user_id("other")
    upload = uploads_dir() / "abc.webm"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"\x1a\x45\xdf\xa3 webm bytes")
    recording_id = keep_recording(any_store, me, upload, answer_id=None, suffix=".webm", content_type="audio/webm",
                                  duration_s=12.5, question_text="Tell me about yourself.")
    assert not upload.exists()
    recording = get_recording(any_store, me, recording_id)
    assert recording is not None and recording.size_bytes == 15 and recording.duration_s == 12.5
    path = recording_path(me, recording)
    assert path.parent == recordings_dir(me) and path.suffix == ".webm" and path.read_bytes().startswith(b"\x1a")
    assert [r.id for r in list_recordings(any_store, me)] == [recording_id]
    assert list_recordings(any_store, other) == [] and get_recording(any_store, other, recording_id) is None
    assert delete_recording(any_store, other, recording_id) is False and path.exists()
    assert delete_recording(any_store, me, recording_id) is True
    assert not path.exists() and list_recordings(any_store, me) == []
    assert delete_recording(any_store, me, recording_id) is False


def test_a_recording_outlives_its_answer_until_deleted(any_store: Store) -> None:
    me = any_store.user_id()
    answer_id = any_store.add_answer(me, interview_id=None, position=0, question_id=None, question_text="Q",
                                     text="A", lang="en", score=50, feedback={})
    source = uploads_dir() / "a.wav"
    source.parent.mkdir(parents=True)
    source.write_bytes(b"RIFF")
    recording_id = keep_recording(any_store, me, source, answer_id=answer_id, suffix="../../evil",
                                  content_type="audio/wav", duration_s=None, question_text="Q")
    recording = get_recording(any_store, me, recording_id)
    assert recording is not None and "/" not in recording.file_name and recording.file_name.endswith(".audio")
    assert [r.id for r in recordings_for_answer(any_store, me, answer_id)] == [recording_id]
    from sqlalchemy import delete

    from coach.store.models import Answer
    from coach.store.transfer import delete_all

    with any_store.session() as s:
        s.execute(delete(Answer).where(Answer.id == answer_id))
    kept = get_recording(any_store, me, recording_id)
    assert kept is not None and kept.answer_id is None
    path = recording_path(me, kept)
    assert path.exists()
    delete_all(any_store, me)  # "delete everything" takes the recordings and their files too
    assert get_recording(any_store, me, recording_id) is None and not path.exists()
    assert list_recordings(any_store, me) == []
