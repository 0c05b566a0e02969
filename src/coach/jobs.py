"""The job queue of a deployment over several machines: spoken answers become jobs in procrastinate, a
well-kept PostgreSQL job queue, so any transcription worker on any machine picks them up.

Off by default: on a person's own computer (and wherever COACH_SPEECH_QUEUE is not "postgres") a spoken
answer is transcribed in the web process's own thread, as before (web/speech_jobs.py). With the queue,
the upload is kept in the database (speech_uploads) until its worker has read it, so the web machine's
disk holds nothing a worker needs. Two functions meet the speech code: `enqueue_speech` (where a job is
queued, called by speech_jobs.start) and `run_speech_job` (where a worker runs it, calling speech_jobs.run).
"""

from __future__ import annotations

import logging
import os
import uuid
from functools import lru_cache
from typing import Any

from sqlalchemy import delete, select, text

from coach.store.database import database_url
from coach.store.models import SpeechUpload
from coach.store.repository import Store

log = logging.getLogger("coach.jobs")
QUEUE_ENV = "COACH_SPEECH_QUEUE"
SPEECH_QUEUE = "speech"


def queue_enabled() -> bool:
    """Whether spoken answers go through the shared job queue (COACH_SPEECH_QUEUE=postgres)."""
    return os.environ.get(QUEUE_ENV, "").strip().lower() == "postgres"


def libpq_url(url: str) -> str:
    """A SQLAlchemy PostgreSQL URL as libpq (and so procrastinate) reads it."""
    for prefix in ("postgresql+psycopg://", "postgresql+psycopg2://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix) :]
    if not url.startswith("postgresql://"):
        raise ValueError("the job queue needs a PostgreSQL database (COACH_DATABASE_URL)")
    return url


@lru_cache(maxsize=4)
def queue_app(url: str | None = None) -> Any:
    """The procrastinate app on the deployment's database, with the transcription task registered."""
    import procrastinate

    app = procrastinate.App(
        connector=procrastinate.PsycopgConnector(conninfo=libpq_url(url or database_url()))
    )

    @app.task(name="coach.transcribe", queue=SPEECH_QUEUE, pass_context=False)
    def transcribe(user_id: int, job_id: int) -> None:
        run_speech_job(Store(url or database_url(), run_migrations=False), user_id, job_id)

    return app


def apply_queue_schema(url: str | None = None) -> bool:
    """Create procrastinate's tables once (safe to repeat); True when they were created now."""
    from sqlalchemy import create_engine

    engine = create_engine(url or database_url())
    try:
        with engine.connect() as connection:
            if connection.scalar(text("SELECT to_regclass('procrastinate_jobs')")) is not None:
                return False
    finally:
        engine.dispose()
    app = queue_app(url)
    with app.open():
        app.schema_manager.apply_schema()
    return True


def enqueue_speech(store: Store, user_id: int, job_id: int, upload: Any) -> None:
    """Keep the upload in the database and queue its transcription for any worker; deletes the local file."""
    from coach.web.speech_jobs import discard

    with store.session() as s:
        s.add(
            SpeechUpload(
                user_id=user_id,
                job_id=job_id,
                suffix=upload.suffix,
                content_type=upload.content_type,
                data=upload.path.read_bytes(),
            )
        )
    discard(upload)
    app = queue_app(str(store.engine.url.render_as_string(hide_password=False)))
    with app.open():
        app.tasks["coach.transcribe"].defer(user_id=user_id, job_id=job_id)


def run_speech_job(store: Store, user_id: int, job_id: int) -> None:
    """In a worker: write the job's upload to a file of its own and run it as the web process would."""
    from coach.store.speech import fail_job, uploads_dir
    from coach.web.speech_jobs import FAILED, Upload, run

    with store.session() as s:
        row = s.scalar(
            select(SpeechUpload).where(SpeechUpload.job_id == job_id, SpeechUpload.user_id == user_id)
        )
        data = (row.data, row.suffix, row.content_type) if row is not None else None
    if data is None:  # already run by another worker, or deleted with the account
        log.warning("transcription job %s has no upload", job_id)
        from coach.i18n import translate

        fail_job(store, user_id, job_id, "internal", translate("en", FAILED))
        return
    folder = uploads_dir() / uuid.uuid4().hex
    folder.mkdir(parents=True)
    path = folder / f"answer{data[1]}"
    path.write_bytes(data[0])
    try:
        run(store, user_id, job_id, Upload(path, data[1], data[2]))
    finally:
        with store.session() as s:
            s.execute(delete(SpeechUpload).where(SpeechUpload.job_id == job_id))


def run_worker(concurrency: int = 1, wait: bool = True) -> None:
    """Run transcription jobs from the queue until stopped (or, with wait=False, until it is empty)."""
    app = queue_app()
    with app.open():
        app.run_worker(
            queues=[SPEECH_QUEUE], concurrency=concurrency, wait=wait, install_signal_handlers=wait
        )
