"""Small git repositories made by the tests: a good one, a bare one, one with a committed key."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

README = """# Parkeerplek

A small web app that shows free parking spots in Utrecht in real time, for commuters who drive in daily.
It reads the city's open data every minute and shows the nearest garage with space.

![The map with free spots](docs/screenshot.png)

## Installation

    pip install -r requirements.txt

## Usage

    python -m parkeerplek

## Tests

    pytest

## Licence

MIT
"""
FAKE_KEY = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
    "-----END RSA PRIVATE KEY-----\n"
)


def _git(folder: Path, *args: str, day: int = 1) -> None:
    when = f"2026-03-{day:02d}T10:00:00+01:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=Sam Tester",
            "-c",
            "user.email=sam@example.nl",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=folder,
        env=env,
        check=True,
        capture_output=True,
    )


def _commit(folder: Path, files: dict[str, str | bytes], message: str, day: int) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    _git(folder, "add", "-A", day=day)
    _git(folder, "commit", "-q", "-m", message, day=day)


def good_repo(folder: Path) -> Path:
    """README with every section, licence, tests, CI, docstrings, .gitignore, a history over days."""
    folder.mkdir()
    _git(folder, "init", "-q")
    _commit(
        folder,
        {"README.md": README, "LICENSE": "MIT License\n", ".gitignore": ".venv/\n.env\n"},
        "Describe the project and how to run it",
        1,
    )
    _commit(
        folder,
        {
            "parkeerplek/__init__.py": '"""Free parking spots."""\n',
            "parkeerplek/spots.py": 'def nearest(spots):\n    """The nearest spot with space."""\n    return min(spots)\n',
        },
        "Find the nearest garage with free spots",
        3,
    )
    _commit(
        folder,
        {
            "tests/test_spots.py": "from parkeerplek.spots import nearest\n\ndef test_nearest():\n    assert nearest([3, 1]) == 1\n"
        },
        "Test the nearest-spot rule",
        5,
    )
    _commit(folder, {".github/workflows/test.yml": "on: push\njobs: {}\n"}, "Run the tests on every push", 8)
    _commit(
        folder,
        {"parkeerplek/feed.py": 'class Feed:\n    """Reads the city\'s open data."""\n'},
        "Read the open-data feed every minute",
        12,
    )
    return folder


def bare_repo(folder: Path) -> Path:
    """One commit, one file, no README, no tests, no .gitignore."""
    folder.mkdir()
    _git(folder, "init", "-q")
    _commit(folder, {"main.py": "def run():\n    return 1\n"}, "update", 1)
    return folder


def leaky_repo(folder: Path) -> Path:
    """A private key and a .env committed; another key committed and deleted later; a big binary."""
    folder.mkdir()
    _git(folder, "init", "-q")
    _commit(
        folder,
        {"README.md": "# Shop\n", "deploy/id_rsa": FAKE_KEY, ".env": "DB_PASSWORD=Zomer2026!Utrecht\n"},
        "first version",
        1,
    )
    _commit(folder, {"config/old.pem": FAKE_KEY}, "wip", 2)
    _git(folder, "rm", "-q", "config/old.pem", day=3)
    _git(folder, "commit", "-q", "-m", "fix", day=3)
    _commit(folder, {"assets/video.bin": b"\0" * (2 * 1024 * 1024)}, "add video", 4)
    return folder
