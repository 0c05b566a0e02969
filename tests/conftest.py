"""Shared fixtures: every test gets its own empty data folder, so no test touches the user's data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Whisper runs on CTranslate2, which uses Intel MKL on Intel CPUs. Without strict conditional numerical
# reproducibility, MKL's results may depend on how its buffers happen to be aligned in memory, so the same
# audio could give a slightly different transcript in a test worker that ran other tests before (the
# streaming test failed twice in whole-suite runs, never in a fresh process). Set before any test loads
# the model; a live server started by a test inherits it.
os.environ.setdefault("MKL_CBWR", "AUTO,STRICT")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "coach-data"
    monkeypatch.setenv("COACH_DATA_DIR", str(folder))
    monkeypatch.delenv("COACH_DATABASE_URL", raising=False)
    monkeypatch.setenv("COACH_LANG", "en")
    return folder


@pytest.fixture
def amsterdam(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """This process's clock in Europe/Amsterdam for one test (dates are shown in the computer's time zone)."""
    import time

    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def fresh_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A migrated, empty SQLite store in a temporary folder."""
    from coach.store.repository import Store

    return Store(f"sqlite:///{tmp_path / 'fresh.db'}")


@pytest.fixture(scope="session")
def postgres_url():  # type: ignore[no-untyped-def]
    """A real PostgreSQL server for this test session (COACH_TEST_POSTGRES_URL reuses a running one)."""

    given = os.environ.get("COACH_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    from tests.services import PostgresServer

    server = PostgresServer()
    url = server.start()
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh store on SQLite and, in a second run of the test, on PostgreSQL (its own database)."""
    from coach.store.repository import Store

    if request.param == "sqlite":
        yield Store(f"sqlite:///{tmp_path / 'any.db'}")
        return
    import uuid

    from sqlalchemy import create_engine, text

    base = request.getfixturevalue("postgres_url")
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    store = Store(base.rsplit("/", 1)[0] + "/" + name)
    try:
        yield store
    finally:
        store.engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(scope="session")
def whisper_cache(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A cache folder with the real Whisper base model, fetched once for the whole test run."""
    from tests.speech_support import model_cache

    return model_cache(tmp_path_factory, worker_id)


@pytest.fixture
def whisper(whisper_cache: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Point Coach (and a live server's transcription thread) at the shared model cache for one test."""
    monkeypatch.setenv("COACH_CACHE_DIR", str(whisper_cache))
    monkeypatch.delenv("COACH_WHISPER_MODEL", raising=False)
    yield whisper_cache
