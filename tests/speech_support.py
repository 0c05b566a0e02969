"""Test audio made on the spot (espeak-ng and sox) and the Whisper model in a cache shared by the test session.

The model is fetched once per test run into a folder that every xdist worker shares (under a file lock);
COACH_TEST_CACHE_DIR points at a folder that already has it (e.g. a developer's cache), to skip the download.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.services import missing


def tool(name: str) -> str:
    """The path of a command-line tool the audio tests need (a skip, or in CI a failure, when missing)."""
    found = shutil.which(name)
    if not found:
        missing(f"{name} (Debian package {name if name in ('espeak-ng', 'ffmpeg') else 'sox'})")
    return str(found)


def speak(text: str, path: Path, voice: str = "en", rate: int = 16_000, speed: int = 160) -> Path:
    """`text` spoken by espeak-ng into a 16-bit mono WAV file at `rate` Hz."""
    raw = path.with_suffix(".raw.wav")
    subprocess.run([tool("espeak-ng"), "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True, timeout=60)
    subprocess.run([tool("sox"), str(raw), "-r", str(rate), "-c", "1", "-b", "16", str(path)], check=True, timeout=60)
    raw.unlink()
    return path


def silence(path: Path, seconds: float, rate: int = 16_000) -> Path:
    """A WAV file with nothing in it."""
    subprocess.run(
        [tool("sox"), "-n", "-r", str(rate), "-c", "1", "-b", "16", str(path), "trim", "0", str(seconds)],
        check=True,
        timeout=60,
    )
    return path


def joined(path: Path, *parts: Path) -> Path:
    """The WAV files `parts` one after the other."""
    subprocess.run([tool("sox"), *map(str, parts), str(path)], check=True, timeout=60)
    return path


def tone(path: Path, seconds: float, rate: int = 8_000) -> Path:
    """A quiet sine tone of `seconds` (for a recording that is too long)."""
    subprocess.run(
        [tool("sox"), "-n", "-r", str(rate), "-c", "1", "-b", "16", str(path), "synth", str(seconds), "sine", "300",
         "vol", "0.1"],
        check=True,
        timeout=120,
    )
    return path


def noise(path: Path, seconds: float, rate: int = 16_000) -> Path:
    """Soft hiss with no speech in it."""
    subprocess.run(
        [tool("sox"), "-n", "-r", str(rate), "-c", "1", "-b", "16", str(path), "synth", str(seconds), "brownnoise",
         "vol", "0.02"],
        check=True,
        timeout=60,
    )
    return path


def model_cache(factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A cache folder with the default Whisper model, fetched once for the whole test run (all workers)."""
    from filelock import FileLock

    given = os.environ.get("COACH_TEST_CACHE_DIR")
    if given:
        folder = Path(given)
    else:
        root = factory.getbasetemp() if worker_id == "master" else factory.getbasetemp().parent
        folder = root / "coach-cache"
    folder.mkdir(parents=True, exist_ok=True)
    with pytest.MonkeyPatch.context() as patch, FileLock(str(folder / ".fetch.lock")):
        patch.setenv("COACH_CACHE_DIR", str(folder))
        from coach.speech.models import ensure_model, is_installed

        if not is_installed("base"):
            ensure_model("base")
    return folder
