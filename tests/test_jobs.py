"""The job queue of a deployment (procrastinate on PostgreSQL): a spoken answer queued by the web app is
picked up by a separate `coach worker` process, started with the same commands the container image runs."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from coach import jobs
from coach.store.models import SpeechUpload
from coach.store.repository import Store
from coach.store.speech import create_job, get_job
from tests.store.support import new_interview

SRC = Path(__file__).resolve().parents[1] / "src"


def test_the_queue_is_off_unless_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(jobs.QUEUE_ENV, raising=False)
    assert not jobs.queue_enabled()
    monkeypatch.setenv(jobs.QUEUE_ENV, "postgres")
    assert jobs.queue_enabled()
    assert jobs.libpq_url("postgresql+psycopg://u@h:5/db") == "postgresql://u@h:5/db"
    with pytest.raises(ValueError):
        jobs.libpq_url("sqlite:///x.db")


@pytest.fixture
def database(postgres_url: str):  # type: ignore[no-untyped-def]
    name = "q_" + uuid.uuid4().hex[:12]
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    yield postgres_url.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


def coach(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the `coach` command as a process of its own, as a deployment does."""
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_queued_spoken_answer_is_run_by_a_separate_worker_process(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.web import speech_jobs

    env = {
        **os.environ,
        "COACH_DATABASE_URL": database,
        "COACH_SPEECH_QUEUE": "postgres",
        "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
    }
    migrated = coach("migrate", env=env)
    assert migrated.returncode == 0, migrated.stderr
    assert "Job queue tables created." in migrated.stdout
    assert "Job queue tables are there." in coach("migrate", env=env).stdout  # safe to repeat

    monkeypatch.setenv("COACH_SPEECH_QUEUE", "postgres")
    store = Store(database)
    user = store.user_id()
    interview = new_interview(store, user)
    job_id, _ = create_job(
        store, user, interview_id=interview, position=0, kind="answer", token="queued-1", lang="en"
    )
    folder = tmp_path / "uploads" / "one"
    folder.mkdir(parents=True)
    path = folder / "answer.wav"
    path.write_bytes(b"RIFF this is not really audio")
    speech_jobs.start(store, user, job_id, speech_jobs.Upload(path, ".wav", "audio/wav"))
    assert not path.exists()  # the web machine keeps nothing: the upload waits in the database
    assert get_job(store, user, job_id).status == "queued"  # type: ignore[union-attr]
    with store.engine.connect() as connection:
        queued = connection.scalar(text("SELECT count(*) FROM procrastinate_jobs WHERE status = 'todo'"))
    assert queued == 1

    worked = coach("worker", "--once", env=env)
    assert worked.returncode == 0, worked.stderr
    job = get_job(store, user, job_id)
    assert job is not None and job.status == "failed"  # not audio: the speech pipeline said so
    assert job.error_code and job.error_code.startswith("E") and job.error_message
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(SpeechUpload)) == 0
    with store.engine.connect() as connection:
        done = connection.scalar(text("SELECT count(*) FROM procrastinate_jobs WHERE status = 'succeeded'"))
    assert done == 1
    store.engine.dispose()
