"""The web app's settings, in one object (environment variables override the defaults)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


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
    # A shared deployment (`coach serve --shared` or COACH_SHARED=1): accounts and sign-in are required.
    shared: bool = field(default_factory=lambda: _flag("COACH_SHARED"))
    # Session cookies only over HTTPS (set it when a proxy in front terminates TLS); on by itself for https.
    secure_cookies: bool = field(default_factory=lambda: _flag("COACH_SECURE_COOKIES"))
    # The address people use, for invitation and reset links (else the address of the request).
    public_url: str = field(default_factory=lambda: os.environ.get("COACH_PUBLIC_URL", "").rstrip("/"))
    # Optional: send invitations by e-mail through this SMTP server ("host:port"), from this address.
    smtp_server: str = field(default_factory=lambda: os.environ.get("COACH_SMTP_SERVER", ""))
    smtp_from: str = field(default_factory=lambda: os.environ.get("COACH_SMTP_FROM", ""))
    # Whether each web process applies migrations on start (`coach serve` does it once, then turns this off).
    migrate: bool = field(default_factory=lambda: os.environ.get("COACH_MIGRATE", "1") != "0")
    max_form_bytes: int = 1_000_000  # an answer is at most 100 000 characters
    max_import_bytes: int = 50_000_000
    max_upload_bytes: int = 60_000_000  # audio files (spoken practice)
