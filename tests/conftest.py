"""Shared fixtures: every test gets its own empty data folder, so no test touches the user's data."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "coach-data"
    monkeypatch.setenv("COACH_DATA_DIR", str(folder))
    monkeypatch.delenv("COACH_DATABASE_URL", raising=False)
    monkeypatch.setenv("COACH_LANG", "en")
    return folder


@pytest.fixture
def fresh_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A migrated, empty SQLite store in a temporary folder."""
    from coach.store.repository import Store

    return Store(f"sqlite:///{tmp_path / 'fresh.db'}")
