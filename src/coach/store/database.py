"""Where the data lives (SQLite in the user's data folder, or COACH_DATABASE_URL) and its migrations."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

ENV_URL = "COACH_DATABASE_URL"


def data_dir() -> Path:
    """The user's data folder for Coach (COACH_DATA_DIR overrides it)."""
    override = os.environ.get("COACH_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("coach", appauthor=False)


def database_url() -> str:
    """COACH_DATABASE_URL, or a SQLite file in the user's data folder."""
    url = os.environ.get(ENV_URL)
    if url:
        return url
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'coach.db'}"


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (default: database_url()); SQLite gets foreign keys and a busy timeout."""
    url = url or database_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Apply every Alembic migration that the database does not have yet (safe to repeat)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_migrations_path()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@lru_cache(maxsize=1)
def _migrations_path() -> Path:
    return Path(str(resources.files("coach.store").joinpath("migrations")))
