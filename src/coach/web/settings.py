"""The web app's settings, in one object (environment variables override the defaults)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    """Where the app listens, which database it uses, and its limits."""

    host: str = field(default_factory=lambda: os.environ.get("COACH_HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: int(os.environ.get("COACH_PORT", "8000")))
    database_url: str | None = field(default_factory=lambda: os.environ.get("COACH_DATABASE_URL"))
    # Extra host names the server answers to (comma-separated), e.g. the name of a coach's server.
    allowed_hosts: tuple[str, ...] = field(
        default_factory=lambda: tuple(
            h.strip().lower() for h in os.environ.get("COACH_ALLOWED_HOSTS", "").split(",") if h.strip()
        )
    )
    max_form_bytes: int = 1_000_000  # an answer is at most 100 000 characters
    max_import_bytes: int = 50_000_000
    max_upload_bytes: int = 60_000_000  # audio files (spoken practice)
