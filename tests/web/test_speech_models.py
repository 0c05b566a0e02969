"""The speech model per language on the settings page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coach.speech.models import model_for
from tests.web.conftest import Client


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("COACH_WHISPER_MODEL", raising=False)


def options(page: str, code: str) -> list[str]:
    select = re.search(rf'<select id="model-{code}".*?</select>', page, re.S)
    assert select, page
    return re.findall(r'<option value="([^"]+)"', select.group(0))


def test_the_settings_page_offers_per_language_models_and_saves_the_choice(client: Client) -> None:
    page = client.get("/settings").text
    assert "tiny.en" in options(page, "en") and "tiny.en" not in options(page, "nl")
    assert options(page, "nl")[0] == "base"
    assert re.search(r'<option value="base" selected>base \(default\)', page)
    saved = client.post_form("/settings/speech/models", {"model_nl": "base", "model_en": "tiny.en"})
    assert saved.status_code == 200 and "Your settings have been saved." in saved.text
    assert model_for("en") == "tiny.en" and model_for("nl") == "base"


def test_an_english_only_model_is_refused_for_dutch_in_the_users_language(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    refused = client.post_form("/settings/speech/models", {"model_nl": "tiny.en"})
    assert refused.status_code == 400
    assert "alleen Engels" in refused.text
    assert model_for("nl") == "base"
